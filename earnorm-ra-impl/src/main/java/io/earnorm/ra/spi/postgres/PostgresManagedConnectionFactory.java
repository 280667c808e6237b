package io.earnorm.ra.spi.postgres;

import io.earnorm.ra.api.EarnormConnection;
import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.pool.Backend;
import io.earnorm.ra.pool.Durations;
import io.earnorm.ra.pool.Lease;
import io.earnorm.ra.postgres.PostgresBackend;
import io.earnorm.ra.postgres.PostgresHandle;
import io.earnorm.ra.postgres.PostgresOpener;
import io.earnorm.ra.postgres.PostgresSession;
import io.earnorm.ra.postgres.PostgresSettings;
import io.earnorm.ra.spi.AbstractManagedConnectionFactory;
import io.earnorm.ra.spi.Credential;
import io.earnorm.ra.spi.EarnormManagedConnection;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.LocalTransaction;

import javax.transaction.xa.XAResource;
import java.time.Duration;
import java.util.Objects;

/**
 * The PostgreSQL connection definition: pooled pgjdbc connections, handed to applications as
 * {@link io.earnorm.ra.api.PostgresConnection}s by a {@link io.earnorm.ra.api.PostgresConnectionFactory}.
 * Its config properties are the PostgreSQL pool's options ({@code url}, {@code applicationName},
 * {@code connectTimeout}, {@code socketTimeout}, plus the user, the password and the pool options of
 * every connection definition) and {@code xa}, which chooses XA-capable physical connections.
 * Local transactions are supported either way, XA transactions with {@code xa=true}.
 */
public class PostgresManagedConnectionFactory extends AbstractManagedConnectionFactory<PostgresSession> {

    private static final long serialVersionUID = 1L;

    private String url;
    private String applicationName;
    private String connectTimeout;
    private String socketTimeout;
    private Boolean xa = Boolean.FALSE;

    // ------------------------------------------------------------------ the backend

    @Override
    protected String backendType() {
        return PostgresBackend.TYPE;
    }

    /** {@code host:port[,host:port...]/database}: no user (each sub-pool adds its own), no parameters, no password. */
    @Override
    protected String describeBackend() {
        try {
            PostgresSettings settings = settings();
            return String.join(",", settings.url().hosts()) + "/" + Objects.toString(settings.url().database(), "");
        } catch (InvalidConfigException e) {
            return "(invalid url)";
        }
    }

    @Override
    protected void validateBackend() {
        settings();
    }

    /**
     * The configured user and password keep the URL's {@code user} and {@code password} parameters
     * as fallbacks, as the plain pool does; any other credential (application-managed or
     * container-managed sign-on) is used as given, never completed with the URL's password.
     */
    @Override
    protected Backend<PostgresSession> openBackend(Credential credential) {
        PostgresSettings configured = settings();
        PostgresSettings settings = isConfigured(credential) ? configured
                : new PostgresSettings(configured.url(), credential.user(), credential.password(), configured.applicationName(),
                        configured.connectTimeout(), configured.socketTimeout());
        return new PostgresBackend(settings, isXa() ? PostgresOpener.xa() : PostgresOpener.driver());
    }

    private boolean isConfigured(Credential credential) {
        return credential.equals(new Credential(getUser(), getPassword()));
    }

    @Override
    protected EarnormConnection newHandle(Lease<PostgresSession> lease) {
        return new PostgresHandle(lease);
    }

    @Override
    protected Object newConnectionFactory(ConnectionManager manager) {
        return new PostgresConnectionFactoryImpl(this, manager);
    }

    /** The settings of the configured user, as the plain pool's builder would make them. */
    PostgresSettings settings() {
        return PostgresSettings.of(url, getUser(), getPassword(), applicationName,
                duration("connectTimeout", connectTimeout), duration("socketTimeout", socketTimeout), poolConfig().acquireTimeout());
    }

    private static Duration duration(String property, String text) {
        return text == null ? null : Durations.parse(property, text);
    }

    private boolean isXa() {
        return Boolean.TRUE.equals(xa);
    }

    // ------------------------------------------------------------------ config checks


    // ------------------------------------------------------------------ transactions

    @Override
    public TransactionSupportLevel getTransactionSupport() {
        return isXa() ? TransactionSupportLevel.XATransaction : TransactionSupportLevel.LocalTransaction;
    }

    @Override
    protected LocalTransaction localTransaction(EarnormManagedConnection<PostgresSession> connection) {
        return new PostgresLocalTransaction(connection);
    }

    @Override
    protected XAResource xaResource(EarnormManagedConnection<PostgresSession> connection) throws ResourceException {
        if (!isXa()) {
            throw new NotSupportedException("this PostgreSQL connection definition opens plain connections, which cannot join XA transactions;"
                    + " set its config property xa=true (and give the server max_prepared_transactions > 0)");
        }
        return new PostgresXaResource(connection);
    }

    // ------------------------------------------------------------------ config properties

    /** JDBC URL of the server(s) and database: jdbc:postgresql://host[:port][,host[:port]...]/database[?parameters]; required. With several hosts, targetServerType (any, primary, secondary, preferPrimary, preferSecondary) picks the server, and a primary or secondary factory retires connections whose server changed role; loadBalanceHosts=true spreads connections over the hosts. */
    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    /** What pg_stat_activity.application_name shows for these connections; default: the URL's ApplicationName parameter, else pgjdbc's. */
    public String getApplicationName() {
        return applicationName;
    }

    public void setApplicationName(String applicationName) {
        this.applicationName = applicationName;
    }

    /** Bound on opening one connection, handshake and authentication included (e.g. 5s); default: half of acquireTimeout, between 1s and 10s. */
    public String getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(String connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** Bound on waiting for the server during a statement (e.g. 30s); 0 for none; default: the URL's socketTimeout parameter, else none. */
    public String getSocketTimeout() {
        return socketTimeout;
    }

    public void setSocketTimeout(String socketTimeout) {
        this.socketTimeout = socketTimeout;
    }

    /** True for XA-capable physical connections (pgjdbc's PGXAConnection), needed for XATransaction support; default false. */
    public Boolean getXa() {
        return xa;
    }

    public void setXa(Boolean xa) {
        this.xa = xa;
    }
}
