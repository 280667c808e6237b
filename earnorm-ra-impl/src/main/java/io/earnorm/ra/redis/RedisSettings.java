package io.earnorm.ra.redis;

import io.earnorm.ra.backend.TlsSettings;
import io.earnorm.ra.backend.PasswordSource;
import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.backend.Secrets;
import io.earnorm.ra.pool.Durations;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;

import javax.net.ssl.SSLParameters;
import java.time.Duration;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Where and as whom one Redis connection connects, checked: the URI's parts with the separate
 * options laid over them.
 *
 * @param user           the ACL user, or {@code null} for the default user
 * @param password       the password, or {@code null} when the server needs none
 * @param database       the database every borrower starts in (and gets back to on return)
 * @param clientName     the name the connection gives itself ({@code CLIENT SETNAME}), or {@code null}
 * @param connectTimeout bound on opening the socket
 * @param socketTimeout  bound on waiting for each reply (blocking commands wait as long as they ask)
 * @param tls            TLS, or {@link TlsSettings#NONE}
 * @param topology       one server (host and port), a cluster or a Sentinel-named master
 */
public record RedisSettings(String host, int port, String user, String password, int database, String clientName,
        Duration connectTimeout, Duration socketTimeout, TlsSettings tls, RedisTopology topology) {

    /** Settings of one server without TLS. */
    public RedisSettings(String host, int port, String user, String password, int database, String clientName,
            Duration connectTimeout, Duration socketTimeout) {
        this(host, port, user, password, database, clientName, connectTimeout, socketTimeout, TlsSettings.NONE);
    }

    /** Settings of one server. */
    public RedisSettings(String host, int port, String user, String password, int database, String clientName,
            Duration connectTimeout, Duration socketTimeout, TlsSettings tls) {
        this(host, port, user, password, database, clientName, connectTimeout, socketTimeout, tls, new RedisTopology.Single());
    }

    /** Jedis's own defaults. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(2);

    public RedisSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(topology, "topology");
        if (database < 0) {
            throw new InvalidConfigException("database", database, "database must be >= 0 (database=" + database + ")");
        }
        if (user != null && password == null) {
            throw new InvalidConfigException("user", user, "user '" + user + "' needs a password: set password, or write redis://user:password@host");
        }
        if (clientName != null && (clientName.isEmpty() || !clientName.chars().allMatch(c -> c > ' ' && c <= '~'))) {
            throw new InvalidConfigException("clientName", clientName, "clientName must be printable ASCII without spaces, as Redis requires (clientName='" + clientName + "')");
        }
        checkTimeout("connectTimeout", connectTimeout);
        checkTimeout("socketTimeout", socketTimeout);
    }

    /**
     * The settings of a URI with separate options laid over it, as a pool's builder combines them:
     * {@code user}, {@code password} and {@code database} given on their own win over the URI's.
     *
     * @param uri      {@code redis://[user:password@]host[:port][/database]}
     * @param user     the ACL user, or {@code null} for the URI's
     * @param password the password, or {@code null} for the URI's
     * @param database the database, or {@code null} for the URI's (else 0)
     * @throws InvalidConfigException naming the option, for a malformed URI or a value out of range
     */
    public static RedisSettings of(String uri, String user, String password, Integer database, String clientName,
            Duration connectTimeout, Duration socketTimeout) {
        return of(uri, user, password, database, clientName, connectTimeout, socketTimeout, TlsSettings.NONE);
    }

    /** As {@link #of(String, String, String, Integer, String, Duration, Duration)}, with TLS ({@code rediss://} turns it on too). */
    public static RedisSettings of(String uri, String user, String password, Integer database, String clientName,
            Duration connectTimeout, Duration socketTimeout, TlsSettings tls) {
        return of(uri, user, password, database, clientName, connectTimeout, socketTimeout, tls, RedisTopology.Options.NONE);
    }

    /**
     * As {@link #of(String, String, String, Integer, String, Duration, Duration, TlsSettings)}, for a cluster (several
     * hosts in the uri, or {@code cluster}) or a Sentinel-named master ({@code sentinels} and {@code masterName}).
     */
    public static RedisSettings of(String uri, String user, String password, Integer database, String clientName,
            Duration connectTimeout, Duration socketTimeout, TlsSettings tls, RedisTopology.Options topology) {
        password = PasswordSource.resolve("password", password);
        RedisUri parsed = RedisUri.parse(uri);
        int db = database != null ? database : parsed.database() != null ? parsed.database() : 0;
        return new RedisSettings(parsed.host(), parsed.port(),
                user != null ? user : parsed.user(),
                password != null ? password : parsed.password(),
                db, clientName, connectTimeout, socketTimeout,
                tls.enabledIf(tls.enabled() || parsed.tls(), "set tls=true or write rediss://"),
                RedisTopology.of(parsed, topology, db));
    }

    /** These settings with another user and password (a caller's own credentials), everything else kept. */
    public RedisSettings withCredentials(String user, String password) {
        return new RedisSettings(host, port, user, password, database, clientName, connectTimeout, socketTimeout, tls, topology);
    }

    private static void checkTimeout(String option, Duration value) {
        Objects.requireNonNull(value, option);
        if (value.isNegative() || value.isZero() || value.toMillis() == 0 || value.toMillis() > Integer.MAX_VALUE) {
            throw new InvalidConfigException(option, value, option + " must be at least 1ms and at most " + Integer.MAX_VALUE
                    + "ms (" + option + "=" + Durations.format(value) + ")");
        }
    }

    HostAndPort hostAndPort() {
        return new HostAndPort(host, port);
    }

    int socketTimeoutMillis() {
        return (int) socketTimeout.toMillis();
    }

    /**
     * The driver's settings for one connection. The protocol is pinned to RESP2 (no negotiation):
     * every Redis version speaks it, {@code execute} decodes it, and Jedis's typed commands on a
     * wrapped connection expect it.
     */
    JedisClientConfig clientConfig() {
        DefaultJedisClientConfig.Builder b = DefaultJedisClientConfig.builder();
        if (tls.enabled()) {
            b.ssl(true).sslSocketFactory(tls.context().getSocketFactory()).sslParameters(checkingHostName());
        }
        return b
                .autoNegotiateProtocol(false)
                .connectionTimeoutMillis((int) connectTimeout.toMillis())
                .socketTimeoutMillis(socketTimeoutMillis())
                .user(user)
                .password(password)
                .database(database)
                .clientName(clientName)
                .build();
    }

    /** Makes the TLS socket check that the server's certificate names the host connected to. */
    private static SSLParameters checkingHostName() {
        SSLParameters parameters = new SSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        return parameters;
    }

    /**
     * {@code [user@]host:port/database} of one server, the seeds of a cluster or the master's name
     * and sentinels; never a password: for messages and logs.
     */
    public String describe() {
        String where;
        if (topology instanceof RedisTopology.Cluster cluster) {
            where = "cluster " + cluster.seeds().stream().map(HostAndPort::toString).collect(Collectors.joining(","));
        } else if (topology instanceof RedisTopology.Sentinel sentinel) {
            where = "sentinel master '" + sentinel.masterName() + "' via "
                    + sentinel.sentinels().stream().map(HostAndPort::toString).collect(Collectors.joining(","));
        } else {
            where = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
        return (tls.enabled() ? "rediss://" : "") + (user == null ? "" : user + "@") + where + "/" + database;
    }

    /** Replaces the password wherever a driver message might echo it. */
    String scrub(String text) {
        String scrubbed = Secrets.scrub(text, password);
        return topology instanceof RedisTopology.Sentinel sentinel ? Secrets.scrub(scrubbed, sentinel.sentinelPassword()) : scrubbed;
    }

    @Override
    public String toString() {
        return "RedisSettings[" + describe() + (password == null ? "" : ", password=" + Secrets.MASK)
                + (topology instanceof RedisTopology.Sentinel sentinel && sentinel.sentinelPassword() != null ? ", sentinelPassword=" + Secrets.MASK : "")
                + (clientName == null ? "" : ", clientName=" + clientName)
                + ", connectTimeout=" + Durations.format(connectTimeout) + ", socketTimeout=" + Durations.format(socketTimeout) + "]";
    }
}
