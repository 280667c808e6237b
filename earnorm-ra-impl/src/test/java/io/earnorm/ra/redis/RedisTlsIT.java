package io.earnorm.ra.redis;

import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.api.RedisConnectionFactory;
import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.spi.redis.RedisManagedConnectionFactory;
import io.earnorm.ra.testsupport.RedisServerProcess;
import io.earnorm.ra.testsupport.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TLS to Redis against {@code redis-server --tls-port} with certificates this test made: rediss://
 * with a trust file works in plain Java and through a connection definition; a certificate of
 * another authority, a host name the certificate does not name, and a missing client certificate
 * where the server asks for one are refused, saying so.
 */
class RedisTlsIT {

    private static final String KEY_STORE_PASSWORD = "client-store";
    private static TestCertificates certificates;
    private static TestCertificates otherAuthority;
    private static RedisServerProcess server;
    private static RedisServerProcess mutualServer;

    @BeforeAll
    static void startServers() {
        certificates = TestCertificates.create("EarnORM Test CA");
        otherAuthority = TestCertificates.create("Some Other CA");
        server = RedisServerProcess.launchTls(certificates, false);
        mutualServer = RedisServerProcess.launchTls(certificates, true);
    }

    @AfterAll
    static void stopServers() {
        server.stop();
        mutualServer.stop();
    }

    @Test
    void aTrustedServerAnswersOverTlsInPlainJavaAndThroughAConnectionDefinition() throws Exception {
        // readme:redis-tls:start
        RedisPool pool = RedisPool.builder().uri("rediss://127.0.0.1:" + server.port())
                .tlsTrustFile(certificates.caCert().toString()).build();
        // readme:redis-tls:end
        try (pool; RedisConnection c = pool.acquire()) {
            c.execute("SET", "tls-test", "secret");
            assertThat(c.execute("GET", "tls-test")).isEqualTo("secret");
        }
        assertThat(pool.settings().describe()).startsWith("rediss://");

        RedisManagedConnectionFactory mcf = new RedisManagedConnectionFactory();
        mcf.setUri("redis://127.0.0.1:" + server.port());
        mcf.setTls(true);
        mcf.setTlsTrustFile(certificates.caCert().toString());
        try (RedisConnection c = ((RedisConnectionFactory) mcf.createConnectionFactory()).getConnection()) {
            assertThat(c.execute("PING")).isEqualTo("PONG");
        } finally {
            mcf.close();
        }
    }

    @Test
    void aCertificateOfAnotherAuthorityIsRefused() {
        try (RedisPool pool = RedisPool.builder().uri("rediss://127.0.0.1:" + server.port()).tlsTrustFile(otherAuthority.caCert().toString()).build()) {
            assertThatThrownBy(pool::init).hasMessageContaining("redis").hasStackTraceContaining("unable to find valid certification path");
        }
    }

    @Test
    void aHostNameTheCertificateDoesNotNameIsRefused() {
        try (RedisPool pool = RedisPool.builder().uri("rediss://localhost:" + server.port()).tlsTrustFile(certificates.caCert().toString()).build()) {
            assertThatThrownBy(pool::init).hasMessageContaining("redis").hasStackTraceContaining("localhost");
        }
    }

    @Test
    void aServerThatAsksForAClientCertificateGetsOneFromTheKeyStore() throws Exception {
        Path keyStore = certificates.clientKeyStore(KEY_STORE_PASSWORD);
        try (RedisPool without = RedisPool.builder().uri("rediss://127.0.0.1:" + mutualServer.port()).tlsTrustFile(certificates.caCert().toString()).build()) {
            assertThatThrownBy(without::init).hasMessageContaining("redis");
        }
        try (RedisPool with = RedisPool.builder().uri("rediss://127.0.0.1:" + mutualServer.port()).tlsTrustFile(certificates.caCert().toString())
                .tlsKeyStore(keyStore.toString()).tlsKeyStorePassword(KEY_STORE_PASSWORD).build();
             RedisConnection c = with.acquire()) {
            assertThat(c.execute("PING")).isEqualTo("PONG");
        }
    }

    @Test
    void tlsFilesForAConnectionWithoutTlsOrUnreadableOnesAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> RedisPool.builder().uri("redis://127.0.0.1:6379").tlsTrustFile(certificates.caCert().toString()).build())
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("need TLS");
        assertThatThrownBy(() -> RedisPool.builder().uri("rediss://127.0.0.1:6379").tlsTrustFile("/no/such/ca.pem").build())
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("tlsTrustFile=/no/such/ca.pem");
    }
}
