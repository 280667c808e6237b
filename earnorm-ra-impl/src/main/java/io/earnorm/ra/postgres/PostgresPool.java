package io.earnorm.ra.postgres;

import io.earnorm.ra.api.PostgresConnection;
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
 * A plain-Java pool of PostgreSQL connections (pgjdbc {@code PgConnection}s):
 * <pre>{@code
 * PostgresPool pool = PostgresPool.builder().url("jdbc:postgresql://localhost:5432/app")
 *         .user("app").password(secret).minSize(2).maxSize(10).build();
 * pool.init();
 * try (PostgresConnection conn = pool.acquire()) {
 *     conn.execute("INSERT INTO users(name, age) VALUES (?, ?)", "John", 30);
 *     Map<String, Object> john = conn.fetchOne("SELECT * FROM users WHERE name = ?", "John");
 * }
 * pool.close();
 * }</pre>
 * or, by the seed's names, {@code manager.registerPoolType("postgresql", PostgresPool::new)} and
 * {@code manager.createPool("postgresql", "users", Map.of("url", "jdbc:postgresql://...", "user", "app", "min_size", 2))}.
 */
public final class PostgresPool extends BackendPool<PostgresConnection, PostgresSession> {

    /** Creates a pool from seed-style options ({@code url}, {@code user}, {@code password}, {@code min_size}, ...); unknown keys are refused. */
    public PostgresPool(String name, Map<String, ?> options) {
        this(builder().name(name).options(options));
    }

    private PostgresPool(Builder builder) {
        this(builder.name(), builder.config(), builder);
    }

    private PostgresPool(String name, PoolConfig config, Builder builder) {
        super(name, new PostgresBackend(builder.settings(config.acquireTimeout())), config);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected PostgresConnection wrap(PooledConnection<PostgresSession> lease) {
        return new PostgresHandle(lease);
    }

    /** The connection settings in use (the password is masked in their {@code toString}). */
    public PostgresSettings settings() {
        return ((PostgresBackend) core().backend()).settings();
    }

    /**
     * The address ({@code url}), credentials and connection options of a PostgreSQL pool, plus the
     * pool options. {@code user}, {@code password}, {@code applicationName}, {@code connectTimeout}
     * and {@code socketTimeout} given on their own win over the URL's parameters of the same meaning;
     * the URL's other parameters go to the driver as they are.
     */
    public static final class Builder extends BackendPoolBuilder<Builder> {

        private static final Set<String> OPTION_NAMES = Set.of("url", "user", "password", "applicationName",
                "connectTimeout", "socketTimeout");

        private String url;
        private String user;
        private String password;
        private String applicationName;
        private Duration connectTimeout;
        private Duration socketTimeout;

        private Builder() {
        }

        /** {@code jdbc:postgresql://host[:port][,host[:port]...]/database[?parameters]}; required. */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** What {@code pg_stat_activity.application_name} shows for this pool's connections. */
        public Builder applicationName(String applicationName) {
            this.applicationName = applicationName;
            return this;
        }

        /**
         * Bound on opening one connection, handshake and authentication included. Default: half the
         * acquire timeout, between 1s and 10s, so that an open that cannot succeed fails while its
         * borrower still waits.
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * Bound on waiting for the server on an open connection, for every statement. Default 0,
         * no bound: a query may run as long as it runs (validation is bounded on its own). Set it to
         * bound statements on a network that may drop packets silently.
         */
        public Builder socketTimeout(Duration socketTimeout) {
            this.socketTimeout = socketTimeout;
            return this;
        }

        /**
         * Checks the options and creates the pool. Nothing is opened until {@link PostgresPool#init()}
         * or the first acquire (or, with {@code minSize > 0}, in the background).
         *
         * @throws InvalidConfigException naming the option, for a malformed URL or a value out of range
         */
        public PostgresPool build() {
            return new PostgresPool(this);
        }

        /** The connection settings these options make, with the connect timeout derived from {@code acquireTimeout} when not given. */
        PostgresSettings settings(Duration acquireTimeout) {
            return PostgresSettings.of(url, user, password, applicationName, connectTimeout, socketTimeout, acquireTimeout);
        }

        /** As {@link #settings(Duration)} with this builder's acquire timeout. */
        PostgresSettings settings() {
            return settings(config().acquireTimeout());
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
                case "url" -> url(text(key, value));
                case "user" -> user(text(key, value));
                case "password" -> password(text(key, value));
                case "applicationname" -> applicationName(text(key, value));
                case "connecttimeout" -> connectTimeout(duration(key, value));
                case "sockettimeout" -> socketTimeout(duration(key, value));
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
            return PostgresBackend.TYPE;
        }

    }
}
