package io.earnorm.ra.postgres;

import org.postgresql.core.BaseConnection;
import org.postgresql.xa.PGXAConnection;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens XA-capable connections: pgjdbc's {@link PGXAConnection} (the {@code XAConnection} and
 * {@code XAResource} of {@code PGXADataSource}) over one physical connection.
 *
 * <p>It is built exactly as {@code PGXADataSource.getXAConnection(user, password)} builds it,
 * {@code new PGXAConnection(baseConnection)}, but over a connection that {@link DriverOpener}
 * opened: the data source would open through {@code DriverManager} (the wrong class loader's driver
 * inside a resource adapter, and a driver registered for the JVM's lifetime) and would only take the
 * login timeout in whole seconds, where the pool's connect timeout is exact. So an XA pool connects
 * with the very same settings, timeouts and URL parameters as a plain one.
 */
final class XaOpener implements PostgresOpener {

    static final XaOpener INSTANCE = new XaOpener();

    private XaOpener() {
    }

    @Override
    public PostgresSession open(PostgresSettings settings) throws SQLException {
        Connection physical = DriverOpener.INSTANCE.connect(settings);
        try {
            return PostgresSession.of(new PGXAConnection(physical.unwrap(BaseConnection.class)));
        } catch (SQLException | RuntimeException e) {
            DriverOpener.closeQuietly(physical, e);
            throw e;
        }
    }

    @Override
    public String toString() {
        return "PostgresOpener[pgjdbc PGXAConnection]";
    }
}
