package io.earnorm.ra.mongo;

import com.mongodb.MongoClientSettings;
import io.earnorm.ra.backend.TlsFiles;

import javax.net.ssl.SSLContext;

/**
 * TLS to MongoDB (the {@code tls} option, or {@code tls=true}/{@code ssl=true} in the URI): whom to
 * trust and, when the server asks for client certificates, who we are. The server's certificate
 * must be signed by an authority of the trust file (PEM; without one, the JVM's trust store) and
 * name the host connected to; only the URI's {@code tlsAllowInvalidHostnames=true} lifts the latter.
 *
 * @param enabled          whether connections use TLS
 * @param trustFile        PEM file of the authorities to trust, or {@code null} for the JVM's
 * @param keyStore         PKCS#12 file with the client's certificate and key, or {@code null}
 * @param keyStorePassword that file's password (may be {@code ${ENV=...}} / {@code ${FILE=...}}), or {@code null}
 */
public record MongoTls(boolean enabled, String trustFile, String keyStore, String keyStorePassword) {

    /** No TLS beyond what the URI asks for. */
    public static final MongoTls NONE = new MongoTls(false, null, null, null);

    public MongoTls {
        TlsFiles.checkReadable("tlsTrustFile", trustFile);
        TlsFiles.checkReadable("tlsKeyStore", keyStore);
    }

    /** These settings, on when {@code on} says so; refuses TLS files for a connection without TLS. */
    MongoTls enabledIf(boolean on) {
        TlsFiles.refuseWithoutTls(on, trustFile, keyStore, "set tls=true, or tls=true in the uri");
        return on == enabled ? this : new MongoTls(on, trustFile, keyStore, keyStorePassword);
    }

    /**
     * Turns the driver's TLS on with these files. Host name checking and the URI's other TLS
     * options stay as the connection string set them, since this only adds to the builder's state.
     */
    void applyTo(MongoClientSettings.Builder builder) {
        if (!enabled) {
            return;
        }
        // Without files of our own the driver's default context stays, so that javax.net.ssl.* system properties still count.
        SSLContext context = trustFile == null && keyStore == null ? null : TlsFiles.context(trustFile, keyStore, keyStorePassword);
        builder.applyToSslSettings(s -> {
            s.enabled(true);
            if (context != null) {
                s.context(context);
            }
        });
    }

    @Override
    public String toString() {
        return enabled ? "MongoTls[trustFile=" + trustFile + ", keyStore=" + keyStore + "]" : "MongoTls[off]";
    }
}
