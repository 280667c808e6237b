package io.earnorm.ra.redis;

import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.backend.PasswordSource;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/**
 * TLS to Redis ({@code rediss://}, or the {@code tls} option): whom to trust and, when the server
 * asks for client certificates, who we are. The server's certificate must be signed by an authority
 * of the trust file (PEM; without one, the JVM's trust store) and name the host connected to.
 *
 * @param enabled          whether connections use TLS
 * @param trustFile        PEM file of the authorities to trust, or {@code null} for the JVM's
 * @param keyStore         PKCS#12 file with the client's certificate and key, or {@code null}
 * @param keyStorePassword that file's password (may be {@code ${ENV=...}} / {@code ${FILE=...}}), or {@code null}
 */
public record RedisTls(boolean enabled, String trustFile, String keyStore, String keyStorePassword) {

    /** No TLS. */
    public static final RedisTls NONE = new RedisTls(false, null, null, null);

    public RedisTls {
        checkReadable("tlsTrustFile", trustFile);
        checkReadable("tlsKeyStore", keyStore);
    }

    /** These settings, on when {@code on} says so; refuses TLS files for a connection without TLS. */
    RedisTls enabledIf(boolean on) {
        if (!on && (trustFile != null || keyStore != null)) {
            throw new InvalidConfigException("tls", false, "tlsTrustFile and tlsKeyStore need TLS: set tls=true or write rediss://");
        }
        return on == enabled ? this : new RedisTls(on, trustFile, keyStore, keyStorePassword);
    }

    /** The socket factory of these settings: built once per pool, shared by its connections. */
    SSLSocketFactory socketFactory() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(), trustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new InvalidConfigException(trustFile != null ? "tlsTrustFile" : "tlsKeyStore", trustFile != null ? trustFile : keyStore,
                    "could not read the TLS files (tlsTrustFile=" + trustFile + ", tlsKeyStore=" + keyStore + "): " + e.getMessage(), e);
        }
    }

    /** Checks that the server's certificate names the host connected to. */
    static SSLParameters parameters() {
        SSLParameters parameters = new SSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        return parameters;
    }

    private javax.net.ssl.TrustManager[] trustManagers() throws GeneralSecurityException, IOException {
        if (trustFile == null) {
            return null;
        }
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(Path.of(trustFile))) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new GeneralSecurityException("no certificate in " + trustFile);
            }
            int i = 0;
            for (Certificate c : certificates) {
                trusted.setCertificateEntry("authority-" + i++, c);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        return factory.getTrustManagers();
    }

    private javax.net.ssl.KeyManager[] keyManagers() throws GeneralSecurityException, IOException {
        if (keyStore == null) {
            return null;
        }
        String secret = PasswordSource.resolve("tlsKeyStorePassword", keyStorePassword);
        char[] password = secret == null ? new char[0] : secret.toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(keyStore))) {
            store.load(in, password);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory.getKeyManagers();
    }

    private static void checkReadable(String option, String file) {
        if (file != null && !Files.isReadable(Path.of(file))) {
            throw new InvalidConfigException(option, file, option + " names a file that cannot be read (" + option + "=" + file + ")");
        }
    }

    @Override
    public String toString() {
        return enabled ? "RedisTls[trustFile=" + trustFile + ", keyStore=" + keyStore + "]" : "RedisTls[off]";
    }
}
