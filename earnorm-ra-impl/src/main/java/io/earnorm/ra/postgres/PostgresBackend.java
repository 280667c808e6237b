package io.earnorm.ra.postgres;

import io.earnorm.ra.backend.Causes;
import io.earnorm.ra.backend.NetworkErrors;
import io.earnorm.ra.backend.TopologyProbe;
import io.earnorm.ra.pool.Backend;
import io.earnorm.ra.pool.FleetTag;
import io.earnorm.ra.pool.PeerCounter;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

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
 * <li>Fleet budget: connections named in {@code application_name}, counted in
 *     {@code pg_stat_activity} ({@link PostgresPeerCounter}).</li>
 * <li>Start-up report: the server's role, address and version, and how many connections it
 *     accepts from this user ({@code max_connections} less the slots reserved for superusers and
 *     for {@code pg_use_reserved_connections}, which this user cannot take unless it holds them).</li>
 * </ul>
 */
public final class PostgresBackend implements Backend<PostgresSession>, TopologyProbe<PostgresSession> {

    public static final String TYPE = "postgresql";

    private final PostgresSettings settings;
    /** The settings connections open with: {@link #settings}, named after the fleet once the pool joined one. */
    private volatile PostgresSettings openSettings;
    private final PostgresOpener opener;
    private final ServerRole role;

    public PostgresBackend(PostgresSettings settings) {
        this(settings, PostgresOpener.driver());
    }

    public PostgresBackend(PostgresSettings settings, PostgresOpener opener) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.role = settings.role();
        this.openSettings = settings;
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
            return opener.open(openSettings);
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
        for (Throwable t : Causes.chain(error)) {
            if (t instanceof PostgresOpenException open) {
                return open.serverUnavailable();
            }
        }
        return NetworkErrors.isUnreachable(error);
    }

    /**
     * Names the pool's connections {@code tag.connectionName()} in {@code application_name} (in
     * place of the configured one) and counts the fleet in {@code pg_stat_activity}.
     */
    @Override
    public PeerCounter joinFleet(FleetTag tag) {
        openSettings = new PostgresSettings(settings.url(), settings.user(), settings.password(), tag.connectionName(),
                settings.connectTimeout(), settings.socketTimeout());
        return new PostgresPeerCounter(settings);
    }

    /** {@code primary 127.0.0.1:5432/test (PostgreSQL 15.19), not in recovery}; one round trip. */
    @Override
    public String describeTopology(PostgresSession session) throws SQLException {
        try (Statement s = session.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery(), current_setting('server_version')")) {
            rs.next();
            boolean inRecovery = rs.getBoolean(1);
            return (inRecovery ? "replica " : "primary ") + settings.describe() + " (PostgreSQL " + rs.getString(2) + "), "
                    + (inRecovery ? "in recovery" : "not in recovery");
        }
    }

    /**
     * The connections this pool's user may hold: {@code max_connections} less what is reserved for
     * superusers (unless it is one) and for {@code pg_use_reserved_connections} (PostgreSQL 16+,
     * unless it has that role).
     */
    @Override
    public OptionalInt connectionLimit(PostgresSession session) throws SQLException {
        String sql = """
                SELECT current_setting('max_connections')::int
                     - CASE WHEN r.rolsuper THEN 0 ELSE current_setting('superuser_reserved_connections')::int END
                     - CASE WHEN r.rolsuper OR EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                                                      WHERE g.rolname = 'pg_use_reserved_connections' AND m.member = r.oid) THEN 0
                            ELSE coalesce(current_setting('reserved_connections', true)::int, 0) END
                FROM pg_roles r WHERE r.rolname = current_user""";
        try (Statement s = session.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
        }
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
