package io.earnorm.ra.redis;

import io.earnorm.ra.backend.TlsFiles;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;

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
        TlsFiles.checkReadable("tlsTrustFile", trustFile);
        TlsFiles.checkReadable("tlsKeyStore", keyStore);
    }

    /** These settings, on when {@code on} says so; refuses TLS files for a connection without TLS. */
    RedisTls enabledIf(boolean on) {
        TlsFiles.refuseWithoutTls(on, trustFile, keyStore, "set tls=true or write rediss://");
        return on == enabled ? this : new RedisTls(on, trustFile, keyStore, keyStorePassword);
    }

    /** The socket factory of these settings: built once per pool, shared by its connections. */
    SSLSocketFactory socketFactory() {
        return TlsFiles.context(trustFile, keyStore, keyStorePassword).getSocketFactory();
    }

    /** Checks that the server's certificate names the host connected to. */
    static SSLParameters parameters() {
        SSLParameters parameters = new SSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        return parameters;
    }

    @Override
    public String toString() {
        return enabled ? "RedisTls[trustFile=" + trustFile + ", keyStore=" + keyStore + "]" : "RedisTls[off]";
    }
}
