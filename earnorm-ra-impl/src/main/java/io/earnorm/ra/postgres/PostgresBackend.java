package io.earnorm.ra.postgres;

import io.earnorm.ra.backend.NetworkErrors;
import io.earnorm.ra.pool.Backend;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;

/**
 * Opens, checks, resets and closes PostgreSQL connections ({@link PostgresSession}s) for the pool core.
 *
 * <ul>
 * <li>Open: through a {@link PostgresOpener} (pgjdbc's driver by default), bounded by the connect
 *     timeout as a whole. A failure is a {@link PostgresOpenException}.</li>
 * <li>Validate: for a pool whose URL asks for a primary or a secondary ({@code targetServerType}),
 *     {@code SELECT pg_is_in_recovery()} must say the server still is one (a failover turns a
 *     primary into a replica or takes it away); otherwise {@link Connection#isValid(int)}; either with the connection's network timeout lowered to
 *     the given bound for that one call: {@code isValid} counts whole seconds, and the pool's bound
 *     may be 500 ms. A server that stopped answering fails validation in time; pgjdbc then closes
 *     the connection.</li>
 * <li>Reset: roll back an open transaction and restore the session settings the borrower changed
 *     ({@link PostgresSession#restore()}); a connection that cannot be restored throws, and the pool
 *     closes it.</li>
 * <li>Server unavailable: an open failed with SQLState class 08 (refused, unknown host, no answer
 *     within the connect timeout) or 57P01-57P03 (shutting down, starting up); not 08004, which
 *     pgjdbc uses for a configuration the server cannot accept (no password given), nor an
 *     authentication failure (28xxx) or an unknown database (3D000). A lost established
 *     connection only retires that connection; the next open tells whether the server is down.</li>
 * </ul>
 */
public final class PostgresBackend implements Backend<PostgresSession> {

    public static final String TYPE = "postgresql";

    private final PostgresSettings settings;
    private final PostgresOpener opener;
    private final ServerRole role;

    public PostgresBackend(PostgresSettings settings) {
        this(settings, PostgresOpener.driver());
    }

    public PostgresBackend(PostgresSettings settings, PostgresOpener opener) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.role = settings.role();
    }

    public PostgresSettings settings() {
        return settings;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String describe() {
        return settings.describe();
    }

    @Override
    public PostgresSession open() {
        try {
            return opener.open(settings);
        } catch (SQLException e) {
            throw PostgresOpenException.of(e, settings);
        }
    }

    @Override
    public boolean validate(PostgresSession session, Duration timeout) throws SQLException {
        Connection connection = session.connection();
        if (connection.isClosed()) {
            return false;
        }
        int bound = boundMillis(timeout);
        int previous = connection.getNetworkTimeout();
        boolean lowered = previous == 0 || bound < previous;
        if (lowered) {
            connection.setNetworkTimeout(PostgresSession.DIRECT, bound);
        }
        try {
            if (role != ServerRole.ANY) {
                // Instead of the ping, not besides it: one round trip either way.
                try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery()")) {
                    return rs.next() && role.accepts(rs.getBoolean(1));
                }
            }
            // isValid lowers the timeout itself only to whole seconds, never below the bound set above.
            return connection.isValid((int) Math.min(Integer.MAX_VALUE, PostgresSettings.ceilSeconds(timeout)));
        } finally {
            if (lowered && !connection.isClosed()) {
                connection.setNetworkTimeout(PostgresSession.DIRECT, previous);
            }
        }
    }

    @Override
    public void reset(PostgresSession session) throws SQLException {
        session.restore();
    }

    @Override
    public void close(PostgresSession session) throws SQLException {
        session.close();
    }

    @Override
    public boolean isServerUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PostgresOpenException open) {
                return open.serverUnavailable();
            }
        }
        return NetworkErrors.isUnreachable(error);
    }

    /** A network timeout of zero would mean no bound at all. */
    private static int boundMillis(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    @Override
    public String toString() {
        return "PostgresBackend[" + settings + "]";
    }
}
