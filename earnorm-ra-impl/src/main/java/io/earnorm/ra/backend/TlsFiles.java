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
 * The TLS files a backend's options name ({@code tlsTrustFile}, a PEM of the authorities to trust;
 * {@code tlsKeyStore} with {@code tlsKeyStorePassword}, a PKCS#12 client certificate and key),
 * checked and turned into an {@link SSLContext}. Shared so that every backend reads the same files
 * the same way and refuses bad ones with the same messages.
 */
public final class TlsFiles {

    private TlsFiles() {
    }

    /**
     * Refuses a file that cannot be read, naming the option; {@code null} (not set) passes.
     *
     * @throws InvalidConfigException naming {@code option} and the file
     */
    public static void checkReadable(String option, String file) {
        if (file != null && !Files.isReadable(Path.of(file))) {
            throw new InvalidConfigException(option, file, option + " names a file that cannot be read (" + option + "=" + file + ")");
        }
    }

    /**
     * Refuses TLS files given to a connection that does not use TLS: they would be silently ignored,
     * and the connection would go out in clear text where its owner meant it not to.
     *
     * @param howToTurnOn how this backend's connections turn TLS on, for the message
     */
    public static void refuseWithoutTls(boolean enabled, String trustFile, String keyStore, String howToTurnOn) {
        if (!enabled && (trustFile != null || keyStore != null)) {
            throw new InvalidConfigException("tls", false, "tlsTrustFile and tlsKeyStore need TLS: " + howToTurnOn
                    + " (tlsTrustFile=" + trustFile + ", tlsKeyStore=" + keyStore + ")");
        }
    }

    /**
     * A TLS context that trusts the authorities of {@code trustFile} (the JVM's when {@code null})
     * and presents the key store's certificate when the server asks for one. The server's host name
     * is not checked here: that is the caller's socket's business (endpoint identification).
     *
     * @throws InvalidConfigException naming the file that could not be read or used
     */
    public static SSLContext context(String trustFile, String keyStore, String keyStorePassword) {
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
}
