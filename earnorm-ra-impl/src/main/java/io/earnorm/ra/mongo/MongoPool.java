package io.earnorm.ra.mongo;

import io.earnorm.ra.backend.TlsSettings;
import io.earnorm.ra.api.MongoConnection;
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
 * A plain-Java pool of MongoDB connections, all leases on one shared {@code MongoClient}:
 * <pre>{@code
 * MongoPool pool = MongoPool.builder().uri("mongodb://localhost:27017").database("test")
 *     .minSize(5).maxSize(20).acquireTimeout(Duration.ofSeconds(30)).build();
 * pool.init();
 * try (MongoConnection conn = pool.acquire()) {
 *     Document john = (Document) conn.execute("find_one", "users", new Document("name", "John"));
 *     long adults = conn.collection("users").countDocuments(Filters.gte("age", 18));
 * }
 * pool.close();
 * }</pre>
 * or, by the seed's names, {@code manager.registerPoolType("mongodb", MongoPool::new)} and
 * {@code manager.createPool("mongodb", "users", Map.of("uri", "mongodb://localhost:27017", "database", "test", "min_size", 5))}.
 *
 * <p>The client is made at the first open and closed with the pool; its own connection pool is
 * sized from this pool's options (see {@link MongoSettings#clientSettings}).
 */
public final class MongoPool extends BackendPool<MongoConnection, MongoSlot> {

    /** Creates a pool from seed-style options ({@code uri}, {@code database}, {@code min_size}, ...); unknown keys are refused. */
    public MongoPool(String name, Map<String, ?> options) {
        this(builder().name(name).options(options));
    }

    private MongoPool(Builder builder) {
        this(builder.name(), builder.config(), builder.settings());
    }

    private MongoPool(String name, PoolConfig config, MongoSettings settings) {
        super(name, new MongoBackend(settings, config), config);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected MongoConnection wrap(PooledConnection<MongoSlot> lease) {
        return new MongoHandle(lease);
    }

    /** The backend: the shared client's settings and the address. */
    public MongoBackend backend() {
        return (MongoBackend) core().backend();
    }

    /** The connection settings in use (the password is masked in their {@code toString}). */
    public MongoSettings settings() {
        return backend().settings();
    }

    /**
     * The address ({@code uri}, default {@code mongodb://localhost:27017}), database, credentials
     * and operation bound of a MongoDB pool, plus the pool options.
     */
    public static final class Builder extends BackendPoolBuilder<Builder> {

        private static final Set<String> OPTION_NAMES = Set.of("uri", "database", "user", "password", "authSource", "operationTimeout",
                "readPreference", "writeConcern", "tls", "tlsTrustFile", "tlsKeyStore", "tlsKeyStorePassword");

        private String uri = "mongodb://localhost:27017";
        private String database;
        private String user;
        private String password;
        private String authSource;
        private Duration operationTimeout;
        private String readPreference;
        private String writeConcern;
        private boolean tls;
        private String tlsTrustFile;
        private String tlsKeyStore;
        private String tlsKeyStorePassword;

        private Builder() {
        }

        /**
         * A MongoDB connection string, handed to the driver as it is: hosts, replica set, TLS,
         * credentials, read preference, {@code timeoutMS}... Options that size the driver's pool
         * ({@code maxPoolSize}, {@code minPoolSize}, ...) are refused: the pool options do that.
         */
        public Builder uri(String uri) {
            this.uri = uri;
            return this;
        }

        /** The database every borrower works in; required unless the URI names one (it wins over the URI's). */
        public Builder database(String database) {
            this.database = database;
            return this;
        }

        /** A user given apart from the URI (which must then carry none); needs a password. */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** Where {@link #user} authenticates; default {@value MongoSettings#DEFAULT_AUTH_SOURCE}. */
        public Builder authSource(String authSource) {
            this.authSource = authSource;
            return this;
        }

        /**
         * Bound on every operation a borrower runs (the driver's client-side operation timeout,
         * covering server selection, socket checkout and the reply); default none, so that long
         * queries are not cut short. Set it to make operations on a server that stopped answering
         * fail instead of waiting. The URI's {@code timeoutMS} does the same; this wins over it.
         */
        public Builder operationTimeout(Duration operationTimeout) {
            this.operationTimeout = operationTimeout;
            return this;
        }

        /**
         * Where reads go: {@code primary}, {@code primaryPreferred}, {@code secondary},
         * {@code secondaryPreferred} or {@code nearest}, for every database and collection the pool's
         * connections expose; wins over the URI's {@code readPreference}. Default: the URI's, else primary.
         */
        public Builder readPreference(String readPreference) {
            this.readPreference = readPreference;
            return this;
        }

        /**
         * What acknowledges a write: {@code majority} or a number of members, optionally followed by
         * {@code ,journal=true|false} and {@code ,wtimeout=<duration>} ({@code majority,wtimeout=5s});
         * wins over the URI's {@code w}/{@code journal}/{@code wtimeoutMS}. Default: the URI's, else the driver's (1).
         */
        public Builder writeConcern(String writeConcern) {
            this.writeConcern = writeConcern;
            return this;
        }

        /** Connect over TLS (as the URI's {@code tls=true} does); default off, unless the URI turns it on. */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /** PEM file of the authorities that sign the server's certificate; default the JVM's trust store. Needs TLS. */
        public Builder tlsTrustFile(String tlsTrustFile) {
            this.tlsTrustFile = tlsTrustFile;
            return this;
        }

        /** PKCS#12 file with a client certificate and key, for servers that ask for one (a mongod started with {@code tlsCAFile}). Needs TLS. */
        public Builder tlsKeyStore(String tlsKeyStore) {
            this.tlsKeyStore = tlsKeyStore;
            return this;
        }

        /** The key store's password (or {@code ${ENV=...}} / {@code ${FILE=...}}). */
        public Builder tlsKeyStorePassword(String tlsKeyStorePassword) {
            this.tlsKeyStorePassword = tlsKeyStorePassword;
            return this;
        }

        /**
         * Checks the options and creates the pool. Nothing is opened until {@link MongoPool#init()}
         * or the first acquire (or, with {@code minSize > 0}, in the background).
         *
         * @throws InvalidConfigException naming the option, for a malformed URI, a missing database or a value out of range
         */
        public MongoPool build() {
            return new MongoPool(this);
        }

        MongoSettings settings() {
            return MongoSettings.of(uri, database, user, password, authSource, operationTimeout)
                    .withConcerns(MongoConcerns.of(readPreference, writeConcern))
                    .withTls(new TlsSettings(tls, tlsTrustFile, tlsKeyStore, tlsKeyStorePassword));
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
                case "database" -> database(text(key, value));
                case "user" -> user(text(key, value));
                case "password" -> password(text(key, value));
                case "authsource" -> authSource(text(key, value));
                case "operationtimeout" -> operationTimeout(duration(key, value));
                case "readpreference" -> readPreference(text(key, value));
                case "writeconcern" -> writeConcern(text(key, value));
                case "tls" -> tls(flag(key, value));
                case "tlstrustfile" -> tlsTrustFile(text(key, value));
                case "tlskeystore" -> tlsKeyStore(text(key, value));
                case "tlskeystorepassword" -> tlsKeyStorePassword(text(key, value));
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
            return MongoBackend.TYPE;
        }

    }
}
