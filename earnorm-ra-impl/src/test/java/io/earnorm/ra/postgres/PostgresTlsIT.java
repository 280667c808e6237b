package io.earnorm.ra.postgres;

import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.api.PostgresConnectionFactory;
import io.earnorm.ra.spi.postgres.PostgresManagedConnectionFactory;
import io.earnorm.ra.testsupport.PostgresServerProcess;
import io.earnorm.ra.testsupport.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * TLS to PostgreSQL through the URL's {@code sslmode} and {@code sslrootcert}, against a server
 * with {@code ssl=on} and a certificate this test made: verified connections are encrypted; a
 * wrong authority and a host name the certificate does not name are refused, saying so.
 */
class PostgresTlsIT {

    private static final String PASSWORD = "tls-test";
    private static TestCertificates certificates;
    private static TestCertificates otherAuthority;
    private static PostgresServerProcess server;

    @BeforeAll
    static void startServer() {
        assumeTrue(PostgresServerProcess.available(), "needs PostgreSQL binaries (initdb, pg_ctl)");
        certificates = TestCertificates.create("EarnORM Test CA");
        otherAuthority = TestCertificates.create("Some Other CA");
        if ("root".equals(System.getProperty("user.name"))) {
            certificates.ownedBy("postgres"); // the server runs as postgres and must own its key
        }
        server = PostgresServerProcess.start(PASSWORD, "ssl=on", "ssl_cert_file=" + certificates.serverCert(),
                "ssl_key_file=" + certificates.serverKey());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aVerifiedConnectionIsEncryptedInPlainJavaAndThroughAConnectionDefinition() throws Exception {
        String url = url("127.0.0.1", "verify-full", certificates);
        try (PostgresPool pool = PostgresPool.builder().url(url).user(PostgresServerProcess.SUPERUSER).password(PASSWORD).build();
             PostgresConnection c = pool.acquire()) {
            assertThat(c.fetchVal("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).isEqualTo(true);
        }

        PostgresManagedConnectionFactory mcf = new PostgresManagedConnectionFactory();
        mcf.setUrl(url);
        mcf.setUser(PostgresServerProcess.SUPERUSER);
        mcf.setPassword(PASSWORD);
        try (PostgresConnection c = ((PostgresConnectionFactory) mcf.createConnectionFactory()).getConnection()) {
            assertThat(c.fetchVal("SELECT version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).asString().startsWith("TLS");
        } finally {
            mcf.close();
        }
    }

    @Test
    void aCertificateFromAnotherAuthorityIsRefused() {
        try (PostgresPool pool = PostgresPool.builder().url(url("127.0.0.1", "verify-ca", otherAuthority))
                .user(PostgresServerProcess.SUPERUSER).password(PASSWORD).build()) {
            assertThatThrownBy(pool::init).hasMessageContaining("postgresql").rootCause()
                    .hasMessageContaining("certification path");
        }
    }

    @Test
    void aHostNameTheCertificateDoesNotNameIsRefused() {
        try (PostgresPool pool = PostgresPool.builder().url(url("localhost", "verify-full", certificates))
                .user(PostgresServerProcess.SUPERUSER).password(PASSWORD).build()) {
            assertThatThrownBy(pool::init).hasMessageContaining("postgresql").hasStackTraceContaining("hostname localhost could not be verified");
        }
    }

    @Test
    void requireEncryptsWithoutCheckingTheAuthority() throws Exception {
        try (PostgresPool pool = PostgresPool.builder().url(url("127.0.0.1", "require", otherAuthority))
                .user(PostgresServerProcess.SUPERUSER).password(PASSWORD).build();
             PostgresConnection c = pool.acquire()) {
            assertThat(c.fetchVal("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).isEqualTo(true);
        }
    }

    private static String url(String host, String sslmode, TestCertificates trusted) {
        return "jdbc:postgresql://" + host + ":" + server.port() + "/postgres?sslmode=" + sslmode + "&sslrootcert=" + trusted.caCert();
    }
}
