package io.earnorm.ra.postgres;

import java.sql.SQLException;

/**
 * How the backend gets one physical connection: through pgjdbc's {@code Driver} for plain pools
 * ({@link #driver()}); for an XA connection factory as pgjdbc's {@code PGXAConnection}
 * ({@link #xa()}), which the session it returns keeps with its {@code XAResource}.
 */
@FunctionalInterface
public interface PostgresOpener {

    /**
     * Opens one connection, bounded by {@code settings.connectTimeout()}, with the configured socket
     * timeout in force, and takes it over as a session.
     *
     * @throws SQLException the driver's failure, which the backend explains
     */
    PostgresSession open(PostgresSettings settings) throws SQLException;

    /** Opens with pgjdbc's {@code Driver}, directly rather than through {@code DriverManager}. */
    static PostgresOpener driver() {
        return DriverOpener.INSTANCE;
    }

    /**
     * Opens XA-capable connections: a {@code PGXAConnection}, as {@code PGXADataSource} makes them,
     * over a connection opened like {@link #driver()}'s; the session works through the
     * {@code XAConnection}'s {@code java.sql.Connection}, and {@link PostgresSession#xaResource()}
     * is its {@code XAResource}.
     */
    static PostgresOpener xa() {
        return XaOpener.INSTANCE;
    }
}
