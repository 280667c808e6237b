package io.earnorm.ra.postgres;

import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens connections with pgjdbc's {@link Driver}. The driver is called directly, not looked up in
 * {@code DriverManager}, so that it is this class loader's driver even inside a resource adapter.
 */
final class DriverOpener implements PostgresOpener {

    static final DriverOpener INSTANCE = new DriverOpener();

    private final Driver driver = new Driver();

    private DriverOpener() {
    }

    @Override
    public PostgresSession open(PostgresSettings settings) throws SQLException {
        Connection connection = connect(settings);
        try {
            return PostgresSession.of(connection);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection, e);
            throw e;
        }
    }

    /**
     * Opens one physical connection, bounded by the connect timeout, with the configured socket
     * timeout in force; the XA opener builds on it too.
     */
    Connection connect(PostgresSettings settings) throws SQLException {
        Connection connection = driver.connect(settings.url().base(), settings.driverProperties());
        if (connection == null) {
            // Only for a URL the driver does not take, which PostgresUrl already refused.
            throw new SQLException("pgjdbc did not accept the url " + PostgresUrl.masked(settings.url().base()), "08001");
        }
        try {
            // The handshake ran under the connect timeout; from now on the configured socket timeout holds.
            connection.setNetworkTimeout(PostgresSession.DIRECT, settings.socketTimeoutMillis());
            return connection;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection, e);
            throw e;
        }
    }

    /** Closes a connection that failed to be taken over, keeping a failure to close with the first one. */
    static void closeQuietly(Connection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException closing) {
            failure.addSuppressed(closing);
        }
    }

    @Override
    public String toString() {
        return "PostgresOpener[pgjdbc Driver]";
    }
}
