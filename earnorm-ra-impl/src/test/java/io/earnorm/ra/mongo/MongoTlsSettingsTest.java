package io.earnorm.ra.mongo;

import io.earnorm.ra.backend.TlsSettings;
import com.mongodb.connection.SslSettings;
import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.pool.PoolConfig;
import io.earnorm.ra.testsupport.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the TLS options make of the driver's settings, without a server: TLS on from the option or
 * the URI, the trust file's context handed to the driver, host names checked unless the URI itself
 * says otherwise, and TLS files without TLS refused naming the option.
 */
class MongoTlsSettingsTest {

    private static String trustFile;

    @BeforeAll
    static void certificates() {
        trustFile = TestCertificates.create("EarnORM Test CA").caCert().toString();
    }

    private static SslSettings driverTls(String uri, TlsSettings tls) {
        return MongoSettings.of(uri, null, null, null, null, null).withTls(tls).clientSettings(PoolConfig.DEFAULTS).getSslSettings();
    }

    @Test
    void withoutTlsTheDriverGoesInClearText() {
        SslSettings ssl = driverTls("mongodb://127.0.0.1:27017/shop", TlsSettings.NONE);

        assertThat(ssl.isEnabled()).isFalse();
        assertThat(ssl.getContext()).isNull();
    }

    @Test
    void theOptionTurnsTlsOnWithTheTrustFilesContextAndHostNamesChecked() {
        SslSettings ssl = driverTls("mongodb://127.0.0.1:27017/shop", new TlsSettings(true, trustFile, null, null));

        assertThat(ssl.isEnabled()).isTrue();
        assertThat(ssl.getContext()).isNotNull();
        assertThat(ssl.isInvalidHostNameAllowed()).isFalse();
    }

    @Test
    void theUrisTlsOrSslTurnsTlsOnAndTakesTheTrustFile() {
        for (String uri : new String[] {"mongodb://127.0.0.1:27017/shop?tls=true", "mongodb://127.0.0.1:27017/shop?ssl=true"}) {
            SslSettings ssl = driverTls(uri, new TlsSettings(false, trustFile, null, null));

            assertThat(ssl.isEnabled()).as(uri).isTrue();
            assertThat(ssl.getContext()).as(uri).isNotNull();
            assertThat(ssl.isInvalidHostNameAllowed()).as(uri).isFalse();
        }
    }

    @Test
    void withoutFilesTheDriversDefaultContextStays() {
        SslSettings ssl = driverTls("mongodb://127.0.0.1:27017/shop", new TlsSettings(true, null, null, null));

        assertThat(ssl.isEnabled()).isTrue();
        assertThat(ssl.getContext()).as("null: the driver uses the JVM's default context and its javax.net.ssl.* properties").isNull();
    }

    @Test
    void onlyTheUriLiftsTheHostNameCheck() {
        SslSettings ssl = driverTls("mongodb://127.0.0.1:27017/shop?tlsAllowInvalidHostnames=true", new TlsSettings(true, trustFile, null, null));

        assertThat(ssl.isInvalidHostNameAllowed()).isTrue();
    }

    @Test
    void trustFilesWithoutTlsAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> driverTls("mongodb://127.0.0.1:27017/shop", new TlsSettings(false, trustFile, null, null)))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.option()).isEqualTo("tls"))
                .hasMessageContaining("tlsTrustFile and tlsKeyStore need TLS");
        assertThatThrownBy(() -> driverTls("mongodb://127.0.0.1:27017/shop?tls=false", new TlsSettings(false, trustFile, null, null)))
                .isInstanceOf(InvalidConfigException.class);
    }

    @Test
    void theSettingsNeverShowTheKeyStorePassword() {
        TlsSettings tls = new TlsSettings(true, trustFile, null, "key-store-secret");
        MongoSettings settings = MongoSettings.of("mongodb://127.0.0.1:27017/shop", null, null, null, null, null).withTls(tls);

        assertThat(tls.toString()).doesNotContain("key-store-secret");
        assertThat(settings.toString()).contains("tls").doesNotContain("key-store-secret");
    }
}
