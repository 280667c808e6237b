package io.earnorm.ra.mongo;

import io.earnorm.ra.api.MongoConnection;
import io.earnorm.ra.api.MongoConnectionFactory;
import io.earnorm.ra.api.pool.BackendUnavailableException;
import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.spi.mongo.MongoManagedConnectionFactory;
import io.earnorm.ra.testsupport.MongoTestServer;
import io.earnorm.ra.testsupport.TestCertificates;
import io.earnorm.ra.testsupport.TlsTerminatingProxy;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * TLS to MongoDB, without Docker: the in-process server behind a {@link TlsTerminatingProxy} that
 * presents a certificate this test made (for 127.0.0.1 only). A trusted authority gives a round
 * trip in plain Java and through a connection definition; a certificate of another authority, a
 * host name the certificate does not name, and a missing client certificate where one is asked for
 * fail the open saying so; TLS files that cannot be read, or given without TLS, are refused by name.
 */
class MongoTlsIT extends MongoFixture {

    private static final String KEY_STORE_PASSWORD = "client-store";
    private static TestCertificates certificates;
    private static TestCertificates otherAuthority;
    private static MongoTestServer server;
    private static TlsTerminatingProxy proxy;
    private static TlsTerminatingProxy mutualProxy;

    @BeforeAll
    static void startServer() {
        certificates = TestCertificates.create("EarnORM Test CA");
        otherAuthority = TestCertificates.create("Some Other CA");
        server = MongoTestServer.launch();
        proxy = TlsTerminatingProxy.start(certificates, server.port());
        mutualProxy = TlsTerminatingProxy.start(certificates, server.port(), true);
    }

    @AfterAll
    static void stopServer() {
        mutualProxy.close();
        proxy.close();
        server.stop();
    }

    /** A failed handshake is retried by the driver until server selection gives up: keep that short. */
    private static MongoPool.Builder quick(MongoPool.Builder builder) {
        return builder.validationTimeout(Duration.ofSeconds(2)).acquireTimeout(Duration.ofSeconds(4));
    }

    @Test
    void aTrustedServerAnswersOverTls() {
        int before = proxy.handshakes();
        // readme:mongo-tls:start
        MongoPool pool = MongoPool.builder().uri("mongodb://127.0.0.1:" + proxy.port() + "/?tls=true")
                .database("shop").tlsTrustFile(certificates.caCert().toString()).build();
        // readme:mongo-tls:end
        closeLater(pool);
        try (MongoConnection c = pool.acquire()) {
            c.execute("insert_one", "items", new Document("name", "tls").append("qty", 3));
            Document found = (Document) c.execute("find_one", "items", new Document("name", "tls"));
            assertThat(found.getInteger("qty")).isEqualTo(3);
        }
        assertThat(proxy.handshakes()).as("TLS handshakes the proxy completed").isGreaterThan(before);
        assertThat(pool.settings().tls().enabled()).isTrue();
        assertThat(pool.backend().clientSettings().getSslSettings().isInvalidHostNameAllowed()).isFalse();
    }

    @Test
    void aCertificateOfAnotherAuthorityIsRefused() {
        MongoPool pool = closeLater(quick(MongoPool.builder().uri("mongodb://127.0.0.1:" + proxy.port()).database(database)
                .tls(true).tlsTrustFile(otherAuthority.caCert().toString())).build());

        Throwable failure = catchThrowable(pool::init);

        assertThat(failure).isInstanceOf(BackendUnavailableException.class).hasMessageContaining("mongodb")
                .hasMessageContaining("the TLS handshake failed: the server's certificate could not be verified")
                .hasMessageContaining("unable to find valid certification path");
    }

    @Test
    void aHostNameTheCertificateDoesNotNameIsRefused() {
        // localhost is loopback too, but the certificate names 127.0.0.1 only.
        MongoPool pool = closeLater(quick(MongoPool.builder().uri("mongodb://localhost:" + proxy.port()).database(database)
                .tls(true).tlsTrustFile(certificates.caCert().toString())).build());

        Throwable failure = catchThrowable(pool::init);

        assertThat(failure).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("the TLS handshake failed: the server's certificate does not name the host connected to")
                .hasMessageContaining("No name matching localhost");
    }

    @Test
    void theUrisTlsAllowInvalidHostnamesIsTheOnlyWayToSkipTheHostNameCheck() {
        MongoPool pool = closeLater(MongoPool.builder().uri("mongodb://localhost:" + proxy.port() + "/?tlsAllowInvalidHostnames=true")
                .database(database).tls(true).tlsTrustFile(certificates.caCert().toString()).build());

        try (MongoConnection c = pool.acquire()) {
            assertThat(c.execute("count_documents", "items")).isEqualTo(0L);
        }
        assertThat(pool.backend().clientSettings().getSslSettings().isInvalidHostNameAllowed()).isTrue();
    }

    @Test
    void aServerThatAsksForAClientCertificateGetsOneFromTheKeyStore() {
        Path keyStore = certificates.clientKeyStore(KEY_STORE_PASSWORD);
        MongoPool without = closeLater(quick(MongoPool.builder().uri("mongodb://127.0.0.1:" + mutualProxy.port()).database(database)
                .tls(true).tlsTrustFile(certificates.caCert().toString())).build());
        // With TLS 1.3 the client may finish its side of the handshake before the server's refusal
        // arrives, and then sees a broken pipe instead: the proxy's record is what tells.
        assertThatThrownBy(without::init).isInstanceOf(BackendUnavailableException.class).hasMessageContaining("mongodb at 127.0.0.1:" + mutualProxy.port());
        assertThat(mutualProxy.failedHandshakes()).isNotEmpty();

        MongoPool with = closeLater(MongoPool.builder().uri("mongodb://127.0.0.1:" + mutualProxy.port()).database(database)
                .tls(true).tlsTrustFile(certificates.caCert().toString())
                .tlsKeyStore(keyStore.toString()).tlsKeyStorePassword(KEY_STORE_PASSWORD).build());
        try (MongoConnection c = with.acquire()) {
            assertThat(c.execute("count_documents", "items")).isEqualTo(0L);
        }
    }

    @Test
    void aConnectionDefinitionWithTheTlsPropertiesDoesARoundTrip() throws Exception {
        int before = proxy.handshakes();
        MongoManagedConnectionFactory mcf = closeLater(new MongoManagedConnectionFactory());
        mcf.setUri("mongodb://127.0.0.1:" + proxy.port());
        mcf.setDatabase(database);
        mcf.setTls(true);
        mcf.setTlsTrustFile(certificates.caCert().toString());
        mcf.setTlsKeyStorePassword("never-shown");

        try (MongoConnection c = ((MongoConnectionFactory) mcf.createConnectionFactory()).getConnection()) {
            c.execute("insert_one", "orders", new Document("n", 1));
            assertThat(c.execute("count_documents", "orders")).isEqualTo(1L);
        }
        assertThat(proxy.handshakes()).isGreaterThan(before);
        assertThat(mcf.configProperties()).containsEntry("tls", true)
                .containsEntry("tlsTrustFile", certificates.caCert().toString())
                .containsEntry("tlsKeyStorePassword", "****");
        assertThat(mcf.toString()).doesNotContain("never-shown");
    }

    @Test
    void theTlsPropertiesTakePartInTheDefinitionsEquality() {
        MongoManagedConnectionFactory a = new MongoManagedConnectionFactory();
        MongoManagedConnectionFactory b = new MongoManagedConnectionFactory();
        a.setTls(true);
        b.setTls(true);
        a.setTlsTrustFile(certificates.caCert().toString());
        b.setTlsTrustFile(certificates.caCert().toString());
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);

        b.setTlsTrustFile(otherAuthority.caCert().toString());
        assertThat(a).isNotEqualTo(b);
        b.setTlsTrustFile(certificates.caCert().toString());
        b.setTlsKeyStorePassword("other");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void tlsFilesThatCannotBeReadOrWithoutTlsAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> MongoPool.builder().uri("mongodb://127.0.0.1:27017/shop").tls(true).tlsTrustFile("/no/such/ca.pem").build())
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.option()).isEqualTo("tlsTrustFile"))
                .hasMessageContaining("tlsTrustFile=/no/such/ca.pem");
        assertThatThrownBy(() -> MongoPool.builder().uri("mongodb://127.0.0.1:27017/shop").tls(true).tlsKeyStore("/no/such/client.p12").build())
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.option()).isEqualTo("tlsKeyStore"));
        assertThatThrownBy(() -> MongoPool.builder().uri("mongodb://127.0.0.1:27017/shop").tlsTrustFile(certificates.caCert().toString()).build())
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.option()).isEqualTo("tls"))
                .hasMessageContaining("need TLS");

        MongoManagedConnectionFactory mcf = closeLater(new MongoManagedConnectionFactory());
        mcf.setUri("mongodb://127.0.0.1:27017/shop?tls=true");
        mcf.setTlsTrustFile("/no/such/ca.pem");
        assertThatThrownBy(() -> ((MongoConnectionFactory) mcf.createConnectionFactory()).getConnection())
                .hasMessageContaining("tlsTrustFile").hasMessageContaining("/no/such/ca.pem");
    }

    @Test
    void aFileThatIsNoCertificateIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> MongoPool.builder().uri("mongodb://127.0.0.1:27017/shop").tls(true)
                .tlsTrustFile(certificates.serverKey().toString()).build())
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.option()).isEqualTo("tlsTrustFile"));
        assertThatThrownBy(() -> MongoPool.builder().uri("mongodb://127.0.0.1:27017/shop").tls(true)
                .tlsKeyStore(certificates.clientKeyStore(KEY_STORE_PASSWORD).toString()).tlsKeyStorePassword("wrong").build())
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.option()).isEqualTo("tlsKeyStore"))
                .hasMessageNotContaining(KEY_STORE_PASSWORD);
    }

    @Test
    void seedStyleOptionsTurnTlsOn() {
        MongoPool pool = closeLater(new MongoPool("seed-tls", java.util.Map.of("uri", "mongodb://127.0.0.1:" + proxy.port(),
                "database", database, "tls", "true", "tls_trust_file", certificates.caCert().toString())));
        try (MongoConnection c = pool.acquire()) {
            assertThat(c.execute("count_documents", "items")).isEqualTo(0L);
        }
    }
}
