package io.earnorm.ra.backend;

import io.earnorm.ra.api.pool.InvalidConfigException;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
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
 * TLS to a backend, as its options set it: whether connections use TLS and with which files
 * ({@code tlsTrustFile}, a PEM of the authorities to trust, the JVM's when unset; {@code tlsKeyStore}
 * with {@code tlsKeyStorePassword}, a PKCS#12 client certificate and key). Shared so that every
 * backend reads the same files the same way and refuses bad ones with the same messages; each
 * backend hands {@link #context()} to its driver in its own way, and checks host names there.
 *
 * @param enabled          whether connections use TLS
 * @param trustFile        PEM file of the authorities to trust, or {@code null} for the JVM's
 * @param keyStore         PKCS#12 file with the client's certificate and key, or {@code null}
 * @param keyStorePassword that file's password (may be {@code ${ENV=...}} / {@code ${FILE=...}}), or {@code null}
 */
public record TlsSettings(boolean enabled, String trustFile, String keyStore, String keyStorePassword) {

    /** No TLS, or none beyond what a backend's address asks for. */
    public static final TlsSettings NONE = new TlsSettings(false, null, null, null);

    /** @throws InvalidConfigException naming {@code tlsTrustFile} or {@code tlsKeyStore}, for a file that cannot be read */
    public TlsSettings {
        checkReadable("tlsTrustFile", trustFile);
        checkReadable("tlsKeyStore", keyStore);
    }

    /**
     * These settings, on when {@code on} says so. Refuses TLS files for a connection without TLS:
     * they would be silently ignored, and the connection would go out in clear text where its
     * owner meant it not to.
     *
     * @param howToTurnOn how this backend's connections turn TLS on, for the message
     * @throws InvalidConfigException naming {@code tls}
     */
    public TlsSettings enabledIf(boolean on, String howToTurnOn) {
        if (!on && (trustFile != null || keyStore != null)) {
            throw new InvalidConfigException("tls", false, "tlsTrustFile and tlsKeyStore need TLS: " + howToTurnOn
                    + " (tlsTrustFile=" + trustFile + ", tlsKeyStore=" + keyStore + ")");
        }
        return on == enabled ? this : new TlsSettings(on, trustFile, keyStore, keyStorePassword);
    }

    /** Whether a trust file or a key store is set, so that a context of their own is needed. */
    public boolean hasFiles() {
        return trustFile != null || keyStore != null;
    }

    private static void checkReadable(String option, String file) {
        if (file != null && !Files.isReadable(Path.of(file))) {
            throw new InvalidConfigException(option, file, option + " names a file that cannot be read (" + option + "=" + file + ")");
        }
    }

    /**
     * A TLS context that trusts the authorities of the trust file (the JVM's when unset) and
     * presents the key store's certificate when the server asks for one. The server's host name is
     * not checked here: that is the caller's socket's business (endpoint identification).
     *
     * @throws InvalidConfigException naming the file that could not be read or used
     */
    public SSLContext context() {
        TrustManager[] trust;
        try {
            trust = trustManagers(trustFile);
        } catch (GeneralSecurityException | IOException e) {
            throw new InvalidConfigException("tlsTrustFile", trustFile, "tlsTrustFile could not be read as PEM certificates (tlsTrustFile="
                    + trustFile + "): " + e.getMessage(), e);
        }
        KeyManager[] keys;
        try {
            keys = keyManagers(keyStore, keyStorePassword);
        } catch (GeneralSecurityException | IOException e) {
            // The password itself never goes into the message; the key store's name and the reason do.
            throw new InvalidConfigException("tlsKeyStore", keyStore, "tlsKeyStore could not be read as PKCS#12 with tlsKeyStorePassword (tlsKeyStore="
                    + keyStore + "): " + e.getMessage(), e);
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM offers no TLS context", e);
        }
    }

    private static TrustManager[] trustManagers(String trustFile) throws GeneralSecurityException, IOException {
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

    private static KeyManager[] keyManagers(String keyStore, String keyStorePassword) throws GeneralSecurityException, IOException {
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

    @Override
    public String toString() {
        return enabled ? "TlsSettings[trustFile=" + trustFile + ", keyStore=" + keyStore + "]" : "TlsSettings[off]";
    }
}
