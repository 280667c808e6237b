package io.earnorm.ra.mongo;

import io.earnorm.ra.api.MongoConnection;
import io.earnorm.ra.api.pool.BackendUnavailableException;
import io.earnorm.ra.testsupport.TestCertificates;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * TLS against a real mongod ({@code --tlsMode requireTLS}) with a certificate made at test time,
 * where a Docker engine answers; skipped elsewhere ({@link MongoTlsIT} covers the same settings
 * against the in-process server behind a TLS proxy). The certificate names 127.0.0.1, so the test
 * connects there through the container's mapped port.
 */
@Tag("real-mongo")
@Testcontainers(disabledWithoutDocker = true)
class MongoTlsRealServerIT extends MongoFixture {

    private static final TestCertificates CERTIFICATES = TestCertificates.create("EarnORM mongod test authority");

    @Container
    private static final GenericContainer<?> MONGOD = new GenericContainer<>(DockerImageName.parse("mongo:7.0"))
            .withCopyFileToContainer(MountableFile.forHostPath(serverPem(), 0644), "/etc/earnorm/server.pem")
            .withCommand("--tlsMode", "requireTLS", "--tlsCertificateKeyFile", "/etc/earnorm/server.pem", "--bind_ip_all")
            .withExposedPorts(27017)
            .waitingFor(Wait.forLogMessage("(?s).*Waiting for connections.*", 1).withStartupTimeout(Duration.ofMinutes(2)));

    /** mongod reads the certificate and its key from one PEM file. */
    private static Path serverPem() {
        try {
            Path pem = CERTIFICATES.dir().resolve("mongod.pem");
            Files.writeString(pem, Files.readString(CERTIFICATES.serverCert()) + Files.readString(CERTIFICATES.serverKey()));
            return pem;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String uri() {
        return "mongodb://127.0.0.1:" + MONGOD.getMappedPort(27017) + "/?tls=true";
    }

    @Test
    void aPoolThatTrustsTheServersAuthorityTalksTls() {
        MongoPool pool = closeLater(MongoPool.builder().uri(uri()).database(database)
                .tlsTrustFile(CERTIFICATES.caCert().toString()).acquireTimeout(Duration.ofSeconds(20)).build());

        try (MongoConnection c = pool.acquire()) {
            c.execute("insert_one", "items", new Document("name", "tls").append("qty", 3));
            assertThat(((Document) c.execute("find_one", "items", new Document("name", "tls"))).getInteger("qty")).isEqualTo(3);
        }
        assertThat(pool.settings().tls().enabled()).isTrue();
    }

    @Test
    void aCertificateOfAnotherAuthorityIsRefusedSayingSo() {
        TestCertificates other = TestCertificates.create("Some other authority");
        MongoPool pool = closeLater(MongoPool.builder().uri(uri()).database(database)
                .tlsTrustFile(other.caCert().toString()).acquireTimeout(Duration.ofSeconds(5)).build());

        Throwable failure = catchThrowable(pool::init);

        assertThat(failure).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("the server's certificate could not be verified");
    }

    @Test
    void withoutTlsTheServerIsNotReached() {
        MongoPool pool = closeLater(MongoPool.builder().uri("mongodb://127.0.0.1:" + MONGOD.getMappedPort(27017)).database(database)
                .acquireTimeout(Duration.ofSeconds(5)).build());

        assertThat(catchThrowable(pool::init)).isInstanceOf(BackendUnavailableException.class);
    }
}
