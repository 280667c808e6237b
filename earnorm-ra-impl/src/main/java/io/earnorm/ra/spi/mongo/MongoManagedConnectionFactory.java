package io.earnorm.ra.spi.mongo;

import io.earnorm.ra.api.EarnormConnection;
import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.backend.Secrets;
import io.earnorm.ra.mongo.MongoBackend;
import io.earnorm.ra.mongo.MongoConcerns;
import io.earnorm.ra.mongo.MongoHandle;
import io.earnorm.ra.mongo.MongoSettings;
import io.earnorm.ra.mongo.MongoSlot;
import io.earnorm.ra.pool.Backend;
import io.earnorm.ra.pool.Durations;
import io.earnorm.ra.pool.Lease;
import io.earnorm.ra.spi.AbstractTlsManagedConnectionFactory;
import io.earnorm.ra.spi.Credential;
import io.earnorm.ra.spi.EarnormManagedConnection;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.LocalTransaction;

import java.time.Duration;

/**
 * The MongoDB connection definition: the address and options of {@code MongoPool}'s builder as
 * config properties, beside the pool options and the default user and password of the base class.
 * Connections are {@link MongoHandle}s; local transactions are client sessions with a transaction
 * ({@link MongoLocalTransaction}), which need a replica set or a sharded cluster.
 *
 * <p>Each credential's sub-pool has a backend, and so a {@code MongoClient}, of its own: a client
 * authenticates all its sockets as one user, so users cannot share one. Closing a sub-pool shuts
 * its client down (once its last borrowed slot has come back).
 */
public class MongoManagedConnectionFactory extends AbstractTlsManagedConnectionFactory<MongoSlot> {

    private static final long serialVersionUID = 1L;

    /** The address when uri is unset, applied here rather than in ra.xml (see {@link #defaultsAppliedInCode()}). */
    public static final String DEFAULT_URI = "mongodb://localhost:27017";

    private String uri;
    private String database;
    private String authSource;
    private String operationTimeout;
    private String readPreference;
    private String writeConcern;

    @Override
    protected String backendType() {
        return MongoBackend.TYPE;
    }

    /** Host(s) and database, and a user only when the URI names one; never a password. */
    @Override
    protected String describeBackend() {
        try {
            return MongoSettings.of(uri(), database, null, null, null, null).describe();
        } catch (InvalidConfigException e) {
            return Secrets.mask(uri()) + "/" + database;
        }
    }

    /**
     * Checks the address, the database and the default credentials as the SE pool's builder does;
     * a URI in a message has its password masked.
     */
    @Override
    protected void validateBackend() {
        settingsFor(new Credential(getUser(), getPassword()));
    }

    @Override
    protected Backend<MongoSlot> openBackend(Credential credential) {
        return new MongoBackend(settingsFor(credential), poolConfig());
    }

    /** The settings of a sub-pool: the configured address and options, authenticated as {@code credential}. */
    private MongoSettings settingsFor(Credential credential) {
        return MongoSettings.of(uri(), database, credential.user(), credential.password(), authSource, operationTimeoutDuration())
                .withConcerns(MongoConcerns.of(readPreference, writeConcern))
                .withTls(tlsSettings());
    }

    /** The configured uri, or {@link #DEFAULT_URI} when unset. */
    private String uri() {
        return uri == null ? DEFAULT_URI : uri;
    }

    @Override
    public java.util.Map<String, String> defaultsAppliedInCode() {
        return java.util.Map.of("uri", DEFAULT_URI);
    }

    private Duration operationTimeoutDuration() {
        return operationTimeout == null ? null : Durations.parse("operationTimeout", operationTimeout);
    }

    @Override
    protected EarnormConnection newHandle(Lease<MongoSlot> lease) {
        return new MongoHandle(lease);
    }

    @Override
    protected Object newConnectionFactory(ConnectionManager manager) {
        return new MongoConnectionFactoryImpl(this, manager);
    }

    @Override
    public TransactionSupportLevel getTransactionSupport() {
        return TransactionSupportLevel.LocalTransaction;
    }

    @Override
    protected LocalTransaction localTransaction(EarnormManagedConnection<MongoSlot> connection) {
        return new MongoLocalTransaction(connection, describeBackend());
    }

    // ------------------------------------------------------------------ config properties

    /** MongoDB connection string, passed to the driver as it is (hosts, replicaSet, tls, readPreference, timeoutMS...); pool-sizing options such as maxPoolSize are refused. Unset (null): {@link #DEFAULT_URI}. */
    public String getUri() {
        return uri;
    }

    public void setUri(String uri) {
        this.uri = uri;
    }

    /** Database every connection works in; required unless the uri names one (this wins over the uri's). */
    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    /** Database where user authenticates (default admin); only with user, not with credentials in the uri. */
    public String getAuthSource() {
        return authSource;
    }

    public void setAuthSource(String authSource) {
        this.authSource = authSource;
    }

    /** Bound on every operation a connection runs, such as 30s (the driver's timeoutMS); unset or 0s for none. */
    public String getOperationTimeout() {
        return operationTimeout;
    }

    public void setOperationTimeout(String operationTimeout) {
        this.operationTimeout = operationTimeout;
    }

    /** Where reads go: primary, primaryPreferred, secondary, secondaryPreferred or nearest; wins over the uri's readPreference. Unset: the uri's, else primary. */
    public String getReadPreference() {
        return readPreference;
    }

    public void setReadPreference(String readPreference) {
        this.readPreference = readPreference;
    }

    /** What acknowledges a write: majority or a number of members, optionally with ,journal=true|false and ,wtimeout=5s (majority,wtimeout=5s); wins over the uri's w. Unset: the uri's, else 1. */
    public String getWriteConcern() {
        return writeConcern;
    }

    public void setWriteConcern(String writeConcern) {
        this.writeConcern = writeConcern;
    }
}
