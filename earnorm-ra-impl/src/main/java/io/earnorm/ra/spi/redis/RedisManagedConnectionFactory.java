package io.earnorm.ra.spi.redis;

import io.earnorm.ra.api.EarnormConnection;
import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.backend.Secrets;
import io.earnorm.ra.pool.Backend;
import io.earnorm.ra.pool.Durations;
import io.earnorm.ra.pool.Lease;
import io.earnorm.ra.redis.RedisBackend;
import io.earnorm.ra.redis.RedisHandle;
import io.earnorm.ra.redis.RedisSession;
import io.earnorm.ra.redis.RedisSettings;
import io.earnorm.ra.redis.RedisTopology;
import io.earnorm.ra.spi.AbstractTlsManagedConnectionFactory;
import io.earnorm.ra.spi.Credential;
import io.earnorm.ra.spi.EarnormManagedConnection;
import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.LocalTransaction;

import javax.transaction.xa.XAResource;
import java.time.Duration;

/**
 * The Redis connection definition: the address and connection options of {@code RedisPool}'s
 * builder as config properties, beside the pool options and the default user and password of the
 * base class. Connections are {@link RedisHandle}s: one real socket each, or for a Redis Cluster a
 * lease on the sub-pool's cluster client. No transactions: Redis
 * cannot roll back, and its {@code MULTI}/{@code EXEC} is available as commands.
 *
 * <p>A caller's credentials ({@code getConnection(user, password)} or a {@code PasswordCredential})
 * replace those of the configuration and of the {@code uri} entirely, so that a connection is
 * authenticated as exactly one user and lives in that user's sub-pool.
 */
public class RedisManagedConnectionFactory extends AbstractTlsManagedConnectionFactory<RedisSession> {

    private static final long serialVersionUID = 1L;

    /** The address when uri is unset, applied here rather than in ra.xml (see {@link #defaultsAppliedInCode()}). */
    public static final String DEFAULT_URI = "redis://localhost:6379";

    private String uri;
    private Integer database;
    private String clientName;
    private String connectTimeout = Durations.format(RedisSettings.DEFAULT_CONNECT_TIMEOUT);
    private String socketTimeout = Durations.format(RedisSettings.DEFAULT_SOCKET_TIMEOUT);
    private Boolean cluster = false;
    private String sentinels;
    private String masterName;
    private String sentinelPassword;

    @Override
    protected String backendType() {
        return RedisBackend.TYPE;
    }

    /** Host, port and database, and a user only when the URI names one; never a password. */
    @Override
    protected String describeBackend() {
        try {
            return configured().describe();
        } catch (InvalidConfigException e) {
            return Secrets.mask(uri());
        }
    }

    /**
     * Checks the address, the database and the default credentials as the SE pool's builder does;
     * a URI in a message has its password masked.
     */
    @Override
    protected void validateBackend() {
        settingsFor(defaultCredential());
    }

    @Override
    protected Backend<RedisSession> openBackend(Credential credential) {
        return new RedisBackend(settingsFor(credential), poolConfig().maxSize());
    }

    /**
     * The configured user and password fill in what the uri leaves out, as in {@code RedisPool};
     * a caller's credential stands alone, so that no part of another user's credentials is mixed in.
     */
    private RedisSettings settingsFor(Credential credential) {
        if (credential.equals(defaultCredential())) {
            return RedisSettings.of(uri(), getUser(), getPassword(), database, clientName, duration("connectTimeout", connectTimeout),
                    duration("socketTimeout", socketTimeout), tlsSettings(), topologyOptions());
        }
        return configured().withCredentials(credential.user(), credential.password());
    }

    /** The address and options, with the uri's own credentials if any. */
    private RedisSettings configured() {
        return RedisSettings.of(uri(), null, null, database, clientName, duration("connectTimeout", connectTimeout),
                duration("socketTimeout", socketTimeout), tlsSettings(), topologyOptions());
    }

    /** The configured uri, or {@link #DEFAULT_URI} when unset. */
    private String uri() {
        return uri == null ? DEFAULT_URI : uri;
    }

    @Override
    public java.util.Map<String, String> defaultsAppliedInCode() {
        return java.util.Map.of("uri", DEFAULT_URI);
    }

    private RedisTopology.Options topologyOptions() {
        return new RedisTopology.Options(Boolean.TRUE.equals(cluster), sentinels, masterName, sentinelPassword);
    }

    private Credential defaultCredential() {
        return new Credential(getUser(), getPassword());
    }

    private static Duration duration(String property, String value) {
        return Durations.parse(property, value);
    }

    @Override
    protected EarnormConnection newHandle(Lease<RedisSession> lease) {
        return new RedisHandle(lease);
    }

    @Override
    protected Object newConnectionFactory(ConnectionManager manager) {
        return new RedisConnectionFactoryImpl(this, manager);
    }

    @Override
    public TransactionSupportLevel getTransactionSupport() {
        return TransactionSupportLevel.NoTransaction;
    }

    @Override
    protected LocalTransaction localTransaction(EarnormManagedConnection<RedisSession> connection) throws NotSupportedException {
        throw new NotSupportedException("redis connections support no local transactions (the redis connection definition is NoTransaction):"
                + " Redis cannot roll back; to run commands atomically send MULTI ... EXEC through execute on one connection");
    }

    @Override
    protected XAResource xaResource(EarnormManagedConnection<RedisSession> connection) throws NotSupportedException {
        throw new NotSupportedException("redis connections support no XA transactions (the redis connection definition is NoTransaction):"
                + " Redis has no two-phase commit; to run commands atomically send MULTI ... EXEC through execute on one connection");
    }

    // ------------------------------------------------------------------ config properties

    /** Redis address: redis://[user:password@]host[:port][/database], or rediss:// for TLS, or several host:port for the seeds of a cluster; user, password and database set as properties win over the uri's. Unset (null): {@link #DEFAULT_URI}. */
    public String getUri() {
        return uri;
    }

    public void setUri(String uri) {
        this.uri = uri;
    }

    /** Database number every connection starts in and is reset to on return; unset for the uri's, else 0. */
    public Integer getDatabase() {
        return database;
    }

    public void setDatabase(Integer database) {
        this.database = database;
    }

    /** Name each connection gives itself (CLIENT SETNAME), as CLIENT LIST shows it; unset for none. */
    public String getClientName() {
        return clientName;
    }

    public void setClientName(String clientName) {
        this.clientName = clientName;
    }

    /** Bound on opening a socket, such as 2s. */
    public String getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(String connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** Bound on waiting for one reply, such as 2s (blocking commands such as BLPOP wait as long as they ask). */
    public String getSocketTimeout() {
        return socketTimeout;
    }

    public void setSocketTimeout(String socketTimeout) {
        this.socketTimeout = socketTimeout;
    }

    /** A Redis Cluster even when the uri names one seed node; several hosts in the uri (redis://h1:p1,h2:p2) mean a cluster anyway. */
    public Boolean getCluster() {
        return cluster;
    }

    public void setCluster(Boolean cluster) {
        this.cluster = cluster;
    }

    /** host:port of each Redis Sentinel, separated by commas; with masterName, connections go to the master they name (the uri then gives only credentials and database). */
    public String getSentinels() {
        return sentinels;
    }

    public void setSentinels(String sentinels) {
        this.sentinels = sentinels;
    }

    /** Name the sentinels monitor the master under (sentinel monitor <name> ...); required with sentinels. */
    public String getMasterName() {
        return masterName;
    }

    public void setMasterName(String masterName) {
        this.masterName = masterName;
    }

    /** The sentinels' own password, or ${ENV=NAME} / ${FILE=/path}; unset when they have none. Confidential. */
    public String getSentinelPassword() {
        return sentinelPassword;
    }

    public void setSentinelPassword(String sentinelPassword) {
        this.sentinelPassword = sentinelPassword;
    }
}
