package io.earnorm.ra.mongo;

import io.earnorm.ra.backend.TlsSettings;
import io.earnorm.ra.backend.PasswordSource;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.MongoNamespace;
import com.mongodb.ServerAddress;
import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.backend.Secrets;
import io.earnorm.ra.pool.Durations;
import io.earnorm.ra.pool.PoolConfig;

import javax.net.ssl.SSLContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where and as whom a MongoDB pool connects, checked: the connection string as the driver reads it
 * (replica set, TLS, read preference, {@code timeoutMS}, ... all pass through), the database every
 * borrower works in, and optional credentials given apart from the URI.
 *
 * <p>The driver's own pool is sized by the pool's options, never by the URI: {@link #clientSettings}
 * derives it from {@link PoolConfig} so that both pools agree, and a URI that sizes it too
 * ({@code maxPoolSize}, {@code minPoolSize}, ...) is refused with the pool option to use instead.
 *
 * <p>TLS ({@link TlsSettings}) is on when the URI or the {@code tls} option says so; the trust and key
 * files given apart from the URI go into the driver's TLS context, and host names are checked
 * unless the URI itself says {@code tlsAllowInvalidHostnames=true}.
 *
 * <p>Holds a password: it never appears in {@link #toString()} or {@link #describe()}.
 */
public final class MongoSettings {

    /** The driver's defaults, which the validation bound may shorten. */
    static final Duration DRIVER_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DRIVER_SERVER_SELECTION_TIMEOUT = Duration.ofSeconds(30);

    /** Where a user given apart from the URI authenticates when no authSource is set. */
    public static final String DEFAULT_AUTH_SOURCE = "admin";

    /** URI options that size the driver's pool, and the pool option that does it instead. */
    private static final Map<String, Function<ConnectionString, Object>> POOL_URI_OPTIONS = poolUriOptions();
    private static final Map<String, String> POOL_OPTION_FOR = Map.of(
            "maxPoolSize", "maxSize (max_size)",
            "minPoolSize", "minSize (min_size)",
            "maxIdleTimeMS", "idleTimeout (idle_timeout)",
            "maxLifeTimeMS", "maxLifetime (max_lifetime)",
            "waitQueueTimeoutMS", "acquireTimeout (timeout)",
            "maxConnecting", "maxConnecting");

    /** {@code user:secret@} in a URI the driver could not read, which {@link Secrets#mask} may miss. */
    private static final String TURN_TLS_ON = "set tls=true, or tls=true in the uri";
    private static final Pattern LOOSE_USER_INFO = Pattern.compile("([^:/?#@\\s]*):([^@/?#\\s]*)@");

    private final ConnectionString uri;
    private final String database;
    private final MongoCredential credential;
    private final String password;
    private final Duration operationTimeout;
    private final MongoConcerns concerns;
    private final TlsSettings tls;

    private MongoSettings(ConnectionString uri, String database, MongoCredential credential, String password, Duration operationTimeout,
            MongoConcerns concerns, TlsSettings tls) {
        this.uri = uri;
        this.database = database;
        this.credential = credential;
        this.password = password;
        this.operationTimeout = operationTimeout;
        this.concerns = concerns;
        this.tls = tls;
    }

    /** These settings with {@code concerns} (read preference, write concern) laid over the URI's. */
    public MongoSettings withConcerns(MongoConcerns concerns) {
        return new MongoSettings(uri, database, credential, password, operationTimeout, Objects.requireNonNull(concerns, "concerns"), tls);
    }

    /**
     * These settings with {@code tls}'s files; TLS is on when {@code tls} or the URI
     * ({@code tls=true}, {@code ssl=true}, {@code mongodb+srv://}) says so.
     *
     * @throws InvalidConfigException naming {@code tls}, for TLS files on a connection without TLS
     */
    public MongoSettings withTls(TlsSettings tls) {
        Objects.requireNonNull(tls, "tls");
        return new MongoSettings(uri, database, credential, password, operationTimeout, concerns,
                tls.enabledIf(tls.enabled() || Boolean.TRUE.equals(uri.getSslEnabled()), TURN_TLS_ON));
    }

    /** The TLS settings in force (enabled also when only the URI turns TLS on). */
    public TlsSettings tls() {
        return tls;
    }

    /** The read preference and write concern given apart from the URI (each {@code null} when not). */
    public MongoConcerns concerns() {
        return concerns;
    }

    /** True for a {@code mongodb+srv://} URI, whose hosts the driver looks up in DNS. */
    public boolean isSrv() {
        return uri.isSrvProtocol();
    }

    /**
     * Checks and combines the options.
     *
     * @param uri              a MongoDB connection string, passed to the driver as it is
     * @param database         the database, or {@code null} for the URI's
     * @param user             a user given apart from the URI, or {@code null}
     * @param password         that user's password, or {@code null}
     * @param authSource       where that user authenticates, or {@code null} for {@value #DEFAULT_AUTH_SOURCE}
     * @param operationTimeout bound on every operation a borrower runs, or {@code null}/zero for none
     *                         (the driver's default, unless the URI sets {@code timeoutMS})
     * @throws InvalidConfigException naming the option, for a malformed URI, a missing database,
     *                                credentials given twice or a URI option that sizes the driver's pool
     */
    public static MongoSettings of(String uri, String database, String user, String password, String authSource,
            Duration operationTimeout) {
        password = PasswordSource.resolve("password", password);
        ConnectionString parsed = parse(uri);
        refusePoolSizingIn(parsed, uri);
        String db = database != null ? database : parsed.getDatabase();
        checkDatabase(db);
        MongoCredential credential = credential(parsed, user, password, authSource);
        if (operationTimeout != null && operationTimeout.isNegative()) {
            throw new InvalidConfigException("operationTimeout", Durations.format(operationTimeout),
                    "operationTimeout must be >= 0, 0 meaning no bound (operationTimeout=" + Durations.format(operationTimeout) + ")");
        }
        String secret = password != null ? password : parsed.getPassword() == null ? null : new String(parsed.getPassword());
        Duration bound = operationTimeout == null || operationTimeout.isZero() ? null : operationTimeout;
        return new MongoSettings(parsed, db, credential, secret, bound, MongoConcerns.DEFAULT,
                TlsSettings.NONE.enabledIf(Boolean.TRUE.equals(parsed.getSslEnabled()), TURN_TLS_ON));
    }

    private static ConnectionString parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new InvalidConfigException("uri", uri, "a mongodb pool needs a uri such as mongodb://host:27017/database (uri="
                    + (uri == null ? "null" : "'" + uri + "'") + ")");
        }
        try {
            return new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            String masked = maskUri(uri);
            // The driver's reasons do not echo the URI; scrub anyway, the cause is dropped for the same reason.
            String reason = scrubLoose(String.valueOf(e.getMessage()), uri);
            throw new InvalidConfigException("uri", masked, "mongodb uri '" + masked + "' is malformed: " + reason);
        }
    }

    private static void refusePoolSizingIn(ConnectionString parsed, String uri) {
        POOL_URI_OPTIONS.forEach((option, getter) -> {
            if (getter.apply(parsed) != null) {
                throw new InvalidConfigException("uri", maskUri(uri), "mongodb uri sets " + option + ", but the driver's pool is sized by this pool's options;"
                        + " remove " + option + " from the uri and set " + POOL_OPTION_FOR.get(option) + " instead");
            }
        });
    }

    private static void checkDatabase(String db) {
        if (db == null || db.isEmpty()) {
            throw new InvalidConfigException("database", db, "a mongodb pool needs a database: set database, or name it in the uri"
                    + " (mongodb://host:27017/mydb)");
        }
        try {
            MongoNamespace.checkDatabaseNameValidity(db);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("database", db, "database '" + db + "' is not a valid MongoDB database name: " + e.getMessage());
        }
    }

    private static MongoCredential credential(ConnectionString parsed, String user, String password, String authSource) {
        if (user == null) {
            if (password != null) {
                throw new InvalidConfigException("password", Secrets.MASK, "password needs a user: set user too, or write both in the uri"
                        + " (mongodb://user:password@host/db)");
            }
            if (authSource != null) {
                throw new InvalidConfigException("authSource", authSource, "authSource applies to the user option; for credentials in the uri"
                        + " write ?authSource=" + authSource + " there");
            }
            return null;
        }
        if (parsed.getCredential() != null) {
            throw new InvalidConfigException("user", user, "credentials are given twice: in the uri (user '" + parsed.getUsername()
                    + "') and as the user option ('" + user + "'); give them in one place");
        }
        if (user.isEmpty()) {
            throw new InvalidConfigException("user", user, "user must not be empty");
        }
        if (password == null) {
            throw new InvalidConfigException("user", user, "user '" + user + "' needs a password: set password too");
        }
        if (authSource != null && authSource.isBlank()) {
            throw new InvalidConfigException("authSource", authSource, "authSource must name a database (authSource='" + authSource + "')");
        }
        return MongoCredential.createCredential(user, authSource == null ? DEFAULT_AUTH_SOURCE : authSource, password.toCharArray());
    }

    /** The database every borrower works in. */
    public String database() {
        return database;
    }

    /** The user the driver authenticates as, or {@code null} when none is configured. */
    public String user() {
        return credential != null ? credential.getUserName() : uri.getUsername();
    }

    /** Where that user authenticates, or {@code null} when no user is configured. */
    public String authSource() {
        MongoCredential c = credential != null ? credential : uri.getCredential();
        return c == null ? null : c.getSource();
    }

    /** The bound on every operation a borrower runs, or {@code null} when there is none. */
    public Duration operationTimeout() {
        return operationTimeout;
    }

    /**
     * Turns the driver's TLS on with the files given apart from the URI. Host name checking and the
     * URI's other TLS options stay as the connection string set them, since this only adds to the
     * builder's state.
     */
    private void applyTls(MongoClientSettings.Builder builder) {
        if (!tls.enabled()) {
            return;
        }
        // Without files of our own the driver's default context stays, so that javax.net.ssl.* system properties still count.
        SSLContext context = tls.hasFiles() ? tls.context() : null;
        builder.applyToSslSettings(s -> {
            s.enabled(true);
            if (context != null) {
                s.context(context);
            }
        });
    }

    /**
     * The driver's settings for the pool's one {@code MongoClient}: the URI as given, the
     * credentials, and from the pool's options the driver pool's sizes, lifetimes and wait, and
     * connect and server-selection timeouts no longer than {@code validationTimeout}, so that a
     * dead server fails an open or a validation within the pool's bound.
     */
    public MongoClientSettings clientSettings(PoolConfig pool) {
        long validationMillis = millis(pool.validationTimeout());
        long connectMillis = bounded(uri.getConnectTimeout(), DRIVER_CONNECT_TIMEOUT, validationMillis);
        long selectionMillis = bounded(uri.getServerSelectionTimeout(), DRIVER_SERVER_SELECTION_TIMEOUT, validationMillis);
        // Zero would make the driver refuse at once instead of waiting a moment for a socket the pool already counts.
        long waitMillis = pool.acquireTimeout().isZero() ? validationMillis : millis(pool.acquireTimeout());
        MongoClientSettings.Builder b = MongoClientSettings.builder().applyConnectionString(uri);
        if (credential != null) {
            b.credential(credential);
        }
        applyTls(b);
        b.applyToConnectionPoolSettings(p -> p
                .maxSize(pool.maxSize())
                .minSize(pool.minSize())
                .maxConnectionLifeTime(millis(pool.maxLifetime()), TimeUnit.MILLISECONDS)
                .maxConnectionIdleTime(millis(pool.idleTimeout()), TimeUnit.MILLISECONDS)
                .maxWaitTime(waitMillis, TimeUnit.MILLISECONDS)
                .maxConnecting(pool.maxConnecting()));
        b.applyToSocketSettings(s -> s.connectTimeout((int) connectMillis, TimeUnit.MILLISECONDS));
        b.applyToClusterSettings(c -> c.serverSelectionTimeout(selectionMillis, TimeUnit.MILLISECONDS));
        if (operationTimeout != null) {
            b.timeout(millis(operationTimeout), TimeUnit.MILLISECONDS);
        }
        // One client per pool: set on the client, they hold for every database and collection it hands out.
        if (concerns.readPreference() != null) {
            b.readPreference(concerns.readPreference());
        }
        if (concerns.writeConcern() != null) {
            b.writeConcern(concerns.writeConcern());
        }
        return b.build();
    }

    /** The URI's value when it sets one (zero meaning none), else the driver's default; never above {@code bound}. */
    private static long bounded(Integer fromUri, Duration driverDefault, long bound) {
        long value = fromUri == null ? driverDefault.toMillis() : fromUri == 0 ? Long.MAX_VALUE : fromUri;
        return Math.min(value, Math.min(bound, Integer.MAX_VALUE));
    }

    private static long millis(Duration d) {
        try {
            return d.isZero() ? 0 : Math.max(1, d.toMillis());
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * The URI's hosts as addresses; none for {@code mongodb+srv://} (DNS names them) and none for
     * a Unix domain socket.
     */
    List<ServerAddress> seedAddresses() {
        if (uri.isSrvProtocol()) {
            return List.of();
        }
        return uri.getHosts().stream().filter(host -> !host.endsWith(".sock")).map(ServerAddress::new).toList();
    }

    /** False when the driver reaches the servers through a SOCKS proxy ({@code proxyHost}): a direct connect would say nothing. */
    boolean directlyReachable() {
        return uri.getProxyHost() == null;
    }

    /** {@code [user@]host:port[,host:port...]/database}, never the password: for messages and logs. */
    public String describe() {
        List<String> hosts = new ArrayList<>();
        for (String host : uri.getHosts()) {
            boolean hasPort = host.startsWith("[") ? host.contains("]:") : host.indexOf(':') >= 0;
            hosts.add(hasPort || uri.isSrvProtocol() ? host : host + ":27017");
        }
        String user = user();
        return (uri.isSrvProtocol() ? "mongodb+srv://" : "") + (user == null ? "" : user + "@") + String.join(",", hosts) + "/" + database;
    }

    /** Replaces the password wherever a driver message might echo it. */
    String scrub(String text) {
        return Secrets.mask(Secrets.scrub(text, password));
    }

    /** True when {@code text} contains the password. */
    boolean mentionsPassword(String text) {
        return password != null && !password.isEmpty() && text != null && text.contains(password);
    }

    /** The URI with any password masked, also when the driver could not read it. */
    static String maskUri(String uri) {
        return LOOSE_USER_INFO.matcher(Secrets.mask(uri)).replaceAll("$1:" + Secrets.MASK + "@");
    }

    private static String scrubLoose(String text, String uri) {
        var m = LOOSE_USER_INFO.matcher(uri);
        String scrubbed = text;
        while (m.find()) {
            scrubbed = Secrets.scrub(scrubbed, m.group(2));
        }
        return Secrets.mask(scrubbed);
    }

    private static Map<String, Function<ConnectionString, Object>> poolUriOptions() {
        Map<String, Function<ConnectionString, Object>> m = new LinkedHashMap<>();
        m.put("maxPoolSize", ConnectionString::getMaxConnectionPoolSize);
        m.put("minPoolSize", ConnectionString::getMinConnectionPoolSize);
        m.put("maxIdleTimeMS", ConnectionString::getMaxConnectionIdleTime);
        m.put("maxLifeTimeMS", ConnectionString::getMaxConnectionLifeTime);
        m.put("waitQueueTimeoutMS", ConnectionString::getMaxWaitTime);
        m.put("maxConnecting", ConnectionString::getMaxConnecting);
        return m;
    }

    @Override
    public String toString() {
        return "MongoSettings[" + describe() + (password == null ? "" : ", password=" + Secrets.MASK)
                + (authSource() == null ? "" : ", authSource=" + authSource())
                + (operationTimeout == null ? "" : ", operationTimeout=" + Durations.format(operationTimeout))
                + (concerns.describe().isEmpty() ? "" : ", " + concerns.describe())
                + (tls.enabled() ? ", tls" + (tls.trustFile() == null ? "" : ", tlsTrustFile=" + tls.trustFile()) : "") + "]";
    }
}
