package io.earnorm.ra.redis;

import io.earnorm.ra.backend.TlsSettings;
import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.backend.BackendPool;
import io.earnorm.ra.backend.BackendPoolBuilder;
import io.earnorm.ra.pool.PoolConfig;
import io.earnorm.ra.pool.PooledConnection;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A plain-Java pool of Redis connections, one socket each:
 * <pre>{@code
 * RedisPool pool = RedisPool.builder().uri("redis://localhost:6379/0").minSize(2).maxSize(10).build();
 * pool.init();
 * try (RedisConnection conn = pool.acquire()) {
 *     conn.execute("SET", "greeting", "hello");
 *     String greeting = conn.commands().get("greeting");
 * }
 * pool.close();
 * }</pre>
 * or, by the seed's names, {@code manager.registerPoolType("redis", RedisPool::new)} and
 * {@code manager.createPool("redis", "cache", Map.of("uri", "redis://localhost:6379", "min_size", 2))}.
 */
public final class RedisPool extends BackendPool<RedisConnection, RedisSession> {

    /** Creates a pool from seed-style options ({@code uri}, {@code password}, {@code min_size}, ...); unknown keys are refused. */
    public RedisPool(String name, Map<String, ?> options) {
        this(builder().name(name).options(options));
    }

    private RedisPool(Builder builder) {
        this(builder.name(), builder.settings(), builder.config());
    }

    private RedisPool(String name, RedisSettings settings, PoolConfig config) {
        super(name, new RedisBackend(settings, config.maxSize()), config);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected RedisConnection wrap(PooledConnection<RedisSession> lease) {
        return new RedisHandle(lease);
    }

    /** The connection settings in use (the password is masked in their {@code toString}). */
    public RedisSettings settings() {
        return ((RedisBackend) core().backend()).settings();
    }

    /**
     * The address ({@code uri}, default {@code redis://localhost:6379}), credentials and connection
     * options of a Redis pool, plus the pool options. {@code user}, {@code password} and
     * {@code database} given on their own win over the URI's.
     */
    public static final class Builder extends BackendPoolBuilder<Builder> {

        private static final Set<String> OPTION_NAMES = Set.of("uri", "user", "password", "database", "clientName",
                "connectTimeout", "socketTimeout", "tls", "tlsTrustFile", "tlsKeyStore", "tlsKeyStorePassword",
                "cluster", "sentinels", "masterName", "sentinelPassword");

        private String uri = "redis://localhost:" + RedisUri.DEFAULT_PORT;
        private String user;
        private String password;
        private Integer database;
        private String clientName;
        private Duration connectTimeout = RedisSettings.DEFAULT_CONNECT_TIMEOUT;
        private Duration socketTimeout = RedisSettings.DEFAULT_SOCKET_TIMEOUT;
        private boolean tls;
        private String tlsTrustFile;
        private String tlsKeyStore;
        private String tlsKeyStorePassword;
        private boolean cluster;
        private String sentinels;
        private String masterName;
        private String sentinelPassword;

        private Builder() {
        }

        /**
         * {@code redis://[user:password@]host[:port][/database]}; {@code rediss://} for TLS; several
         * {@code host:port} separated by commas for the seed nodes of a Redis Cluster.
         */
        public Builder uri(String uri) {
            this.uri = uri;
            return this;
        }

        /** The ACL user; needs a password. */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** The database every borrower starts in; default the URI's, else 0. */
        public Builder database(int database) {
            this.database = database;
            return this;
        }

        /** The name each connection gives itself ({@code CLIENT SETNAME}), as {@code CLIENT LIST} shows it. */
        public Builder clientName(String clientName) {
            this.clientName = clientName;
            return this;
        }

        /** Bound on opening a socket; default 2s. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** Bound on waiting for one reply (blocking commands excepted); default 2s. */
        public Builder socketTimeout(Duration socketTimeout) {
            this.socketTimeout = socketTimeout;
            return this;
        }

        /** Connect over TLS (as {@code rediss://} does); default off. */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /** PEM file of the authorities that sign the server's certificate; default the JVM's trust store. */
        public Builder tlsTrustFile(String tlsTrustFile) {
            this.tlsTrustFile = tlsTrustFile;
            return this;
        }

        /** PKCS#12 file with a client certificate and key, for servers that ask for one. */
        public Builder tlsKeyStore(String tlsKeyStore) {
            this.tlsKeyStore = tlsKeyStore;
            return this;
        }

        /** The key store's password (or {@code ${ENV=...}} / {@code ${FILE=...}}). */
        public Builder tlsKeyStorePassword(String tlsKeyStorePassword) {
            this.tlsKeyStorePassword = tlsKeyStorePassword;
            return this;
        }

        /** A Redis Cluster even when the uri names one seed node (several hosts in the uri mean a cluster anyway); default off. */
        public Builder cluster(boolean cluster) {
            this.cluster = cluster;
            return this;
        }

        /**
         * {@code host:port,host:port,...} of the Redis Sentinels that watch the master; with
         * {@link #masterName}, connections go to the master they name, and the uri gives only the
         * credentials and the database.
         */
        public Builder sentinels(String sentinels) {
            this.sentinels = sentinels;
            return this;
        }

        /** The name the sentinels monitor the master under ({@code sentinel monitor <name> ...}). */
        public Builder masterName(String masterName) {
            this.masterName = masterName;
            return this;
        }

        /** The sentinels' own password, when they have one (or {@code ${ENV=...}} / {@code ${FILE=...}}). */
        public Builder sentinelPassword(String sentinelPassword) {
            this.sentinelPassword = sentinelPassword;
            return this;
        }

        /**
         * Checks the options and creates the pool. Nothing is opened until {@link RedisPool#init()}
         * or the first acquire (or, with {@code minSize > 0}, in the background).
         *
         * @throws InvalidConfigException naming the option, for a malformed URI or a value out of range
         */
        public RedisPool build() {
            return new RedisPool(this);
        }

        RedisSettings settings() {
            return RedisSettings.of(uri, user, password, database, clientName, connectTimeout, socketTimeout,
                    new TlsSettings(tls, tlsTrustFile, tlsKeyStore, tlsKeyStorePassword),
                    new RedisTopology.Options(cluster, sentinels, masterName, sentinelPassword));
        }

        private String name() {
            return poolName();
        }

        private PoolConfig config() {
            return poolConfig();
        }

        @Override
        protected boolean backendOption(String key, Object value) {
            switch (key.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT)) {
                case "uri" -> uri(text(key, value));
                case "user" -> user(text(key, value));
                case "password" -> password(text(key, value));
                case "database" -> database(wholeNumber(key, value));
                case "clientname" -> clientName(text(key, value));
                case "connecttimeout" -> connectTimeout(duration(key, value));
                case "sockettimeout" -> socketTimeout(duration(key, value));
                case "tls" -> tls(flag(key, value));
                case "tlstrustfile" -> tlsTrustFile(text(key, value));
                case "tlskeystore" -> tlsKeyStore(text(key, value));
                case "tlskeystorepassword" -> tlsKeyStorePassword(text(key, value));
                case "cluster" -> cluster(flag(key, value));
                case "sentinels" -> sentinels(text(key, value));
                case "mastername" -> masterName(text(key, value));
                case "sentinelpassword" -> sentinelPassword(text(key, value));
                default -> {
                    return false;
                }
            }
            return true;
        }

        @Override
        protected Set<String> backendOptionNames() {
            return OPTION_NAMES;
        }

        @Override
        protected String backendType() {
            return RedisBackend.TYPE;
        }
    }
}
