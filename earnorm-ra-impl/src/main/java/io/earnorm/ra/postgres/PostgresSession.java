package io.earnorm.ra.postgres;

import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * One pooled PostgreSQL connection (the physical connection the pool core holds), with the session
 * settings it was opened with and the ones its borrower changed. The borrower's {@code jdbc()}
 * proxy reports each change ({@link #changed}); on return the backend's reset calls
 * {@link #restore()}, which rolls back an open transaction and puts back exactly what changed, as
 * HikariCP's dirty bits do. ({@code DISCARD ALL} is never used: it would also drop the server-side
 * prepared statements pgjdbc caches per connection.)
 *
 * <p>A session holds a {@link Connection} today; an XA opener will add the {@code XAConnection} it
 * came from. Used by one thread at a time, as every pooled connection.
 */
public final class PostgresSession {

    /** The session settings a borrower can change through {@code jdbc()} and the pool puts back. */
    enum Setting { AUTO_COMMIT, TRANSACTION_ISOLATION, READ_ONLY, SCHEMA, APPLICATION_NAME, NETWORK_TIMEOUT }

    static final String APPLICATION_NAME = "ApplicationName";
    /** pgjdbc does not use the executor of setNetworkTimeout; JDBC only asks for one. */
    static final Executor DIRECT = Runnable::run;

    /**
     * What every borrower finds: the settings as the connection was opened.
     *
     * @param applicationName as the driver reports it; {@code null} when it reports none
     */
    record Defaults(boolean autoCommit, int transactionIsolation, boolean readOnly, String schema, String applicationName,
            int networkTimeoutMillis) {
    }

    private final Connection connection;
    /** pgjdbc's view of the connection, for the transaction state; {@code null} for another driver's. */
    private final BaseConnection pg;
    private final Defaults defaults;
    private final EnumSet<Setting> changed = EnumSet.noneOf(Setting.class);
    /**
     * Statements (and metadata result sets) opened through a {@code jdbc()} proxy and not closed yet.
     * A handle closes its own when it closes; these are closed on reset too, for a borrow that ended
     * without its handle being closed (a resource adapter cleaning up a managed connection).
     */
    private final Set<AutoCloseable> openResources = ConcurrentHashMap.newKeySet();

    private PostgresSession(Connection connection, BaseConnection pg, Defaults defaults) {
        this.connection = connection;
        this.pg = pg;
        this.defaults = defaults;
    }

    /**
     * Takes over a newly opened connection, remembering its settings as those every borrower
     * starts with (two round trips: isolation and schema).
     */
    public static PostgresSession of(Connection connection) throws SQLException {
        BaseConnection pg = connection.isWrapperFor(BaseConnection.class) ? connection.unwrap(BaseConnection.class) : null;
        Defaults defaults = new Defaults(connection.getAutoCommit(), connection.getTransactionIsolation(), connection.isReadOnly(),
                connection.getSchema(), connection.getClientInfo(APPLICATION_NAME), connection.getNetworkTimeout());
        return new PostgresSession(connection, pg, defaults);
    }

    /** The connection SQL runs on. Never handed to a borrower as is: see {@code PostgresHandle.jdbc()}. */
    public Connection connection() {
        return connection;
    }

    /** Records that the borrower changed {@code setting}, so that {@link #restore()} puts it back. */
    void changed(Setting setting) {
        changed.add(setting);
    }

    /** Records a statement opened through {@code jdbc()}, so that a reset closes it if its borrower did not. */
    void opened(AutoCloseable resource) {
        openResources.add(resource);
    }

    /** Forgets a statement its borrower closed. */
    void closed(AutoCloseable resource) {
        openResources.remove(resource);
    }

    /** True while a transaction is open (or failed and not yet ended) on the connection. */
    boolean inTransaction() throws SQLException {
        if (pg != null) {
            return pg.getTransactionState() != TransactionState.IDLE;
        }
        return !connection.getAutoCommit();
    }

    /**
     * Makes the connection fit for the next borrower: closes the statements the borrower left open,
     * rolls back an open transaction, then restores the settings the borrower changed. Throws when
     * the connection is closed or cannot be restored, so that the pool closes it instead of lending
     * it again.
     */
    void restore() throws SQLException {
        if (connection.isClosed()) {
            throw new SQLException("the connection was closed during the borrow", "08003");
        }
        closeLeftovers();
        // Before the settings: isolation and read-only cannot change inside a transaction, and
        // turning auto-commit back on would commit it.
        if (inTransaction()) {
            rollback();
        }
        for (Setting setting : changed) {
            restore(setting);
        }
        changed.clear();
        connection.clearWarnings();
    }

    private void closeLeftovers() throws SQLException {
        for (AutoCloseable resource : openResources) {
            try {
                resource.close();
            } catch (SQLException e) {
                throw e;
            } catch (Exception e) {
                throw new SQLException("a statement left open could not be closed: " + e, e);
            }
        }
        openResources.clear();
    }

    private void rollback() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
            return;
        }
        // A transaction begun by a BEGIN statement while auto-commit is on; Connection.rollback() refuses to end it.
        try (Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
        }
    }

    private void restore(Setting setting) throws SQLException {
        switch (setting) {
            case AUTO_COMMIT -> connection.setAutoCommit(defaults.autoCommit());
            case TRANSACTION_ISOLATION -> connection.setTransactionIsolation(defaults.transactionIsolation());
            case READ_ONLY -> connection.setReadOnly(defaults.readOnly());
            case SCHEMA -> connection.setSchema(defaults.schema());
            case APPLICATION_NAME -> connection.setClientInfo(APPLICATION_NAME, defaults.applicationName() == null ? "" : defaults.applicationName());
            case NETWORK_TIMEOUT -> connection.setNetworkTimeout(DIRECT, defaults.networkTimeoutMillis());
        }
    }

    /** Closes the connection; on a connection that already failed this only releases the socket. */
    void close() throws SQLException {
        connection.close();
    }

    @Override
    public String toString() {
        return "PostgresSession[" + connection.getClass().getSimpleName() + (changed.isEmpty() ? "" : ", changed=" + changed) + "]";
    }
}
