package io.earnorm.ra.postgres;

import java.sql.SQLException;

/**
 * How the backend gets one physical connection: through pgjdbc's {@code Driver} for plain pools
 * ({@link #driver()}); an XA connection factory will open through {@code PGXADataSource} instead
 * and keep the {@code XAConnection} in the session it returns.
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
}
