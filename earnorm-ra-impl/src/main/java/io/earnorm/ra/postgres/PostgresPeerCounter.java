package io.earnorm.ra.postgres;

import io.earnorm.ra.backend.NamedCountingConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts a pool's fleet on PostgreSQL: the {@code application_name}s in {@code pg_stat_activity}
 * that start with the fleet's prefix, over a connection of its own named as the instance's counting
 * connection. {@code pg_stat_activity} covers the whole cluster, as {@code max_connections} does,
 * and any role sees the {@code application_name} of every session (only the query, state and
 * client address of other roles' sessions are hidden without {@code pg_read_all_stats}), so the
 * count needs no privilege beyond connecting; it fails only where an administrator revoked
 * {@code SELECT} on the view.
 */
final class PostgresPeerCounter extends NamedCountingConnection<Connection> {

    private static final String COUNT = "SELECT application_name FROM pg_stat_activity WHERE left(application_name, ?) = ?";

    private final PostgresSettings settings;

    PostgresPeerCounter(PostgresSettings settings) {
        this.settings = settings;
    }

    @Override
    protected Connection open(String name) throws SQLException {
        PostgresSettings named = new PostgresSettings(settings.url(), settings.user(), settings.password(), name,
                settings.connectTimeout(), settings.socketTimeout());
        Connection connection = DriverOpener.INSTANCE.connect(named);
        // A count must not hang on a server that stopped answering: it is bounded as an open is.
        connection.setNetworkTimeout(PostgresSession.DIRECT, (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()));
        return connection;
    }

    @Override
    protected boolean rename(Connection connection, String name) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT set_config('application_name', ?, false)")) {
            s.setString(1, name);
            s.execute();
        }
        return true;
    }

    @Override
    protected List<String> list(Connection connection, String prefix) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(COUNT)) {
            s.setInt(1, prefix.length());
            s.setString(2, prefix);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
