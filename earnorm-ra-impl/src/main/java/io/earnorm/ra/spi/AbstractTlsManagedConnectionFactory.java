package io.earnorm.ra.spi;

import io.earnorm.ra.backend.TlsSettings;

/**
 * A connection definition whose backend speaks TLS the same way (MongoDB and Redis): the config
 * properties {@code tls}, {@code tlsTrustFile}, {@code tlsKeyStore} and the confidential
 * {@code tlsKeyStorePassword}, read as one {@link TlsSettings}. Each backend's address may turn
 * TLS on as well ({@code tls=true} in a MongoDB uri, {@code rediss://}); ra.xml describes the
 * properties per definition.
 *
 * @param <C> the physical connection
 */
public abstract class AbstractTlsManagedConnectionFactory<C> extends AbstractManagedConnectionFactory<C> {

    private static final long serialVersionUID = 1L;

    private Boolean tls = false;
    private String tlsTrustFile;
    private String tlsKeyStore;
    private String tlsKeyStorePassword;

    /** The TLS properties as the backends read them; files and the password are checked where the backend builds its settings. */
    protected TlsSettings tlsSettings() {
        return new TlsSettings(Boolean.TRUE.equals(tls), tlsTrustFile, tlsKeyStore, tlsKeyStorePassword);
    }

    /** Connect over TLS, as the backend's TLS address does (a MongoDB uri's tls=true, a rediss:// uri). */
    public Boolean getTls() {
        return tls;
    }

    public void setTls(Boolean tls) {
        this.tls = tls;
    }

    /** PEM file of the authorities that sign the server's certificate (which must also name the host connected to); unset for the JVM's trust store. */
    public String getTlsTrustFile() {
        return tlsTrustFile;
    }

    public void setTlsTrustFile(String tlsTrustFile) {
        this.tlsTrustFile = tlsTrustFile;
    }

    /** PKCS#12 file with a client certificate and key, for servers that ask for one. */
    public String getTlsKeyStore() {
        return tlsKeyStore;
    }

    public void setTlsKeyStore(String tlsKeyStore) {
        this.tlsKeyStore = tlsKeyStore;
    }

    /** Password of tlsKeyStore, or ${ENV=NAME} / ${FILE=/path}. Confidential. */
    public String getTlsKeyStorePassword() {
        return tlsKeyStorePassword;
    }

    public void setTlsKeyStorePassword(String tlsKeyStorePassword) {
        this.tlsKeyStorePassword = tlsKeyStorePassword;
    }
}
