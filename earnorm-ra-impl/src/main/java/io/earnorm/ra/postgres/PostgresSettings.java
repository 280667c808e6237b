package io.earnorm.ra.postgres;

import io.earnorm.ra.backend.PasswordSource;
import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.backend.Secrets;
import io.earnorm.ra.pool.Durations;
import org.postgresql.PGProperty;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * Where and as whom one PostgreSQL connection connects, checked: the URL's parts with the separate
 * options laid over them.
 *
 * @param url             the server(s), database and driver parameters
 * @param user            the user, or {@code null} to let the driver choose
 * @param password        the password, or {@code null} when the server needs none
 * @param applicationName what {@code pg_stat_activity} shows for the connections, or {@code null} for the driver's default
 * @param connectTimeout  bound on opening one connection, handshake and authentication included
 * @param socketTimeout   bound on waiting for the server on an open connection; zero for none (the default:
 *                        a query may run as long as it runs; validation has its own bound)
 */
public record PostgresSettings(PostgresUrl url, String user, String password, String applicationName,
        Duration connectTimeout, Duration socketTimeout) {

    /** pgjdbc's own default connect timeout, and the longest one the pool derives. */
    static final Duration MAX_DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration MIN_DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);

    /** URL parameters the settings take over; they reach the driver from the settings, not from the URL. */
    private static final Set<String> TAKEN_OVER = Set.of(PGProperty.USER.getName(), PGProperty.PASSWORD.getName(),
            PGProperty.APPLICATION_NAME.getName(), PGProperty.CONNECT_TIMEOUT.getName(), PGProperty.SOCKET_TIMEOUT.getName());

    public PostgresSettings {
        Objects.requireNonNull(url, "url");
        if (connectTimeout == null || connectTimeout.toMillis() < 1 || connectTimeout.getSeconds() > Integer.MAX_VALUE / 2) {
            throw new InvalidConfigException("connectTimeout", connectTimeout == null ? null : Durations.format(connectTimeout),
                    "connectTimeout must be at least 1ms, since it is what keeps an open from hanging on a server that does not answer (connectTimeout="
                            + (connectTimeout == null ? "null" : Durations.format(connectTimeout)) + ")");
        }
        if (socketTimeout == null || socketTimeout.isNegative() || socketTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new InvalidConfigException("socketTimeout", socketTimeout == null ? null : Durations.format(socketTimeout),
                    "socketTimeout must be 0 (no bound) or a duration of at most " + Integer.MAX_VALUE + "ms (socketTimeout="
                            + (socketTimeout == null ? "null" : Durations.format(socketTimeout)) + ")");
        }
    }

    /**
     * Lays the options given on their own (each {@code null} when not given) over the URL's
     * parameters of the same meaning, and derives what neither says.
     *
     * @param acquireTimeout the pool's, from which the default connect timeout is derived
     * @throws InvalidConfigException for a malformed URL or a value out of range
     */
    public static PostgresSettings of(String url, String user, String password, String applicationName,
            Duration connectTimeout, Duration socketTimeout, Duration acquireTimeout) {
        password = PasswordSource.resolve("password", password);
        PostgresUrl parsed = PostgresUrl.parse(url);
        ServerRole.of(parsed, PostgresUrl.masked(url));
        if (parsed.parameter(PGProperty.LOGIN_TIMEOUT.getName()) != null) {
            throw new InvalidConfigException("url", PostgresUrl.masked(url), "postgresql url " + PostgresUrl.masked(url)
                    + " sets loginTimeout; leave it out and set connectTimeout, which bounds the whole open (socket, handshake and authentication)");
        }
        return new PostgresSettings(parsed,
                user != null ? user : parsed.parameter(PGProperty.USER.getName()),
                password != null ? password : parsed.parameter(PGProperty.PASSWORD.getName()),
                applicationName != null ? applicationName : parsed.parameter(PGProperty.APPLICATION_NAME.getName()),
                connectTimeout != null ? connectTimeout : urlSeconds(parsed, PGProperty.CONNECT_TIMEOUT, defaultConnectTimeout(acquireTimeout)),
                socketTimeout != null ? socketTimeout : urlSeconds(parsed, PGProperty.SOCKET_TIMEOUT, Duration.ZERO));
    }

    /**
     * Half the pool's acquire timeout, between 1s and pgjdbc's own 10s: an open that cannot succeed
     * fails (and pauses the pool) while its borrower still waits, so the borrower hears why instead
     * of timing out. A pool that never waits gets 10s.
     */
    static Duration defaultConnectTimeout(Duration acquireTimeout) {
        if (acquireTimeout == null || acquireTimeout.isZero()) {
            return MAX_DEFAULT_CONNECT_TIMEOUT;
        }
        Duration half = acquireTimeout.dividedBy(2);
        if (half.compareTo(MIN_DEFAULT_CONNECT_TIMEOUT) < 0) {
            return MIN_DEFAULT_CONNECT_TIMEOUT;
        }
        return half.compareTo(MAX_DEFAULT_CONNECT_TIMEOUT) > 0 ? MAX_DEFAULT_CONNECT_TIMEOUT : half;
    }

    /**
     * What the driver gets with the URL's {@link PostgresUrl#base() base}. pgjdbc counts its timeouts
     * in whole seconds; the open is bounded exactly by {@code loginTimeout} (which takes fractions),
     * and the socket timeout during the handshake only makes sure that an attempt the bound gave up
     * on ends too. The configured socket timeout is set, to the millisecond, once the connection is open.
     */
    Properties driverProperties() {
        Properties p = new Properties();
        url.parameters().forEach((name, value) -> {
            if (!TAKEN_OVER.contains(name)) {
                p.setProperty(name, value);
            }
        });
        setIfPresent(p, PGProperty.USER, user);
        setIfPresent(p, PGProperty.PASSWORD, password);
        setIfPresent(p, PGProperty.APPLICATION_NAME, applicationName);
        String connectSeconds = Long.toString(ceilSeconds(connectTimeout));
        p.setProperty(PGProperty.CONNECT_TIMEOUT.getName(), connectSeconds);
        p.setProperty(PGProperty.SOCKET_TIMEOUT.getName(), connectSeconds);
        p.setProperty(PGProperty.LOGIN_TIMEOUT.getName(), BigDecimal.valueOf(connectTimeout.toMillis()).movePointLeft(3).toPlainString());
        return p;
    }

    int socketTimeoutMillis() {
        return (int) socketTimeout.toMillis();
    }

    /** {@code [user@]host:port[,host:port...]/database}, never the password: for messages and logs. */
    /** The kind of server this pool's connections must stay on. */
    ServerRole role() {
        return ServerRole.of(url, url.toString());
    }

    public String describe() {
        return (user == null ? "" : user + "@") + url.address();
    }

    /** Replaces the password wherever a driver message might echo it. */
    String scrub(String text) {
        return Secrets.mask(Secrets.scrub(text, password));
    }

    @Override
    public String toString() {
        return "PostgresSettings[" + describe() + (password == null ? "" : ", password=" + Secrets.MASK)
                + (applicationName == null ? "" : ", applicationName=" + applicationName)
                + ", connectTimeout=" + Durations.format(connectTimeout) + ", socketTimeout=" + Durations.format(socketTimeout)
                + (url.parameters().isEmpty() ? "" : ", parameters=" + url.parameters().keySet()) + "]";
    }

    static long ceilSeconds(Duration d) {
        long seconds = d.getSeconds();
        return d.getNano() == 0 ? Math.max(seconds, 1) : seconds + 1;
    }

    private static Duration urlSeconds(PostgresUrl url, PGProperty property, Duration otherwise) {
        String text = url.parameter(property.getName());
        if (text == null) {
            return otherwise;
        }
        String option = property.getName();
        try {
            long seconds = Long.parseLong(text.trim());
            if (seconds >= 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidConfigException(option, text, "url parameter " + option + " must be whole seconds, as pgjdbc reads it ("
                + option + "=" + text + "); or leave it out and set the " + option + " option, which takes a duration such as 2s or 500ms");
    }

    private static void setIfPresent(Properties p, PGProperty property, String value) {
        if (value != null) {
            p.setProperty(property.getName(), value);
        }
    }
}
