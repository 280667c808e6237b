package io.earnorm.ra.postgres;

import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * One pooled PostgreSQL connection (the physical connection the pool core holds), with the session
 * settings it was opened with and the ones its borrower changed. The borrower's {@code jdbc()}
 * connection ({@link BorrowedConnection}) reports each change ({@link #changed}); on return the
 * backend's reset calls {@link #restore()}, which rolls back an open transaction and puts back
 * exactly what changed, as HikariCP's dirty bits do. ({@code DISCARD ALL} is never used: it would also drop the server-side
 * prepared statements pgjdbc caches per connection.)
 *
 * <p>A session opened for XA ({@link PostgresOpener#xa()}) also holds the {@link XAConnection} its
 * {@link Connection} came from, whose {@link #xaResource()} a transaction manager drives.
 *
 * <p>A resource adapter's container may run a transaction on the session (a JCA local transaction,
 * or an XA branch): it marks it with {@link #containerTransactionStarted(Object)}. While it is
 * marked the borrower's {@code jdbc()} refuses {@code commit()}, {@code rollback()} and
 * {@code setAutoCommit(true)}, which would end the container's transaction behind its back; the
 * container's own auto-commit switch is not a borrower change, yet auto-commit is put back on
 * return whatever happened; and a session that comes back to the pool still marked has its open
 * transaction rolled back (or, when it cannot be, as in an XA branch not yet ended, is closed).
 *
 * <p>Used by one thread at a time, as every pooled connection.
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
    /** The XA connection {@link #connection} came from, or {@code null} for a plain session. */
    private final XAConnection xaConnection;
    /** pgjdbc's view of the connection, for the transaction state; {@code null} for another driver's. */
    private final BaseConnection pg;
    private final Defaults defaults;
    private final EnumSet<Setting> changed = EnumSet.noneOf(Setting.class);
    /**
     * Statements (and metadata result sets) opened through a {@code jdbc()} connection and not closed yet.
     * A handle closes its own when it closes; these are closed on reset too, for a borrow that ended
     * without its handle being closed (a resource adapter cleaning up a managed connection).
     */
    private final OpenResources openResources = new OpenResources();
    /** The transaction the container runs on this session (what the container chose to mark it with), or {@code null}. */
    private volatile Object containerTransaction;

    private PostgresSession(Connection connection, XAConnection xaConnection, BaseConnection pg, Defaults defaults) {
        this.connection = connection;
        this.xaConnection = xaConnection;
        this.pg = pg;
        this.defaults = defaults;
    }

    /**
     * Takes over a newly opened connection, remembering its settings as those every borrower
     * starts with (two round trips: isolation and schema).
     */
    public static PostgresSession of(Connection connection) throws SQLException {
        return of(connection, null);
    }

    /**
     * Takes over a newly opened XA connection: the session works through its one
     * {@link XAConnection#getConnection() Connection} (taken once: each call would close the one
     * before), which outside an XA branch is in auto-commit mode, and pgjdbc's proxy of which
     * refuses {@code commit}, {@code rollback} and {@code setAutoCommit(true)} inside one.
     */
    public static PostgresSession of(XAConnection xaConnection) throws SQLException {
        return of(xaConnection.getConnection(), xaConnection);
    }

    private static PostgresSession of(Connection connection, XAConnection xaConnection) throws SQLException {
        BaseConnection pg = connection.isWrapperFor(BaseConnection.class) ? connection.unwrap(BaseConnection.class) : null;
        Defaults defaults = new Defaults(connection.getAutoCommit(), connection.getTransactionIsolation(), connection.isReadOnly(),
                connection.getSchema(), connection.getClientInfo(APPLICATION_NAME), connection.getNetworkTimeout());
        return new PostgresSession(connection, xaConnection, pg, defaults);
    }

    /** The connection SQL runs on. Never handed to a borrower as is: see {@code PostgresHandle.jdbc()}. */
    public Connection connection() {
        return connection;
    }

    /** True when the session was opened for XA, and {@link #xaResource()} is there. */
    public boolean isXa() {
        return xaConnection != null;
    }

    /**
     * The XA resource of the physical connection (pgjdbc's {@code PGXAConnection}).
     *
     * @throws IllegalStateException when the session was not opened for XA
     */
    public XAResource xaResource() throws SQLException {
        if (xaConnection == null) {
            throw new IllegalStateException("this PostgreSQL connection was not opened for XA");
        }
        return xaConnection.getXAResource();
    }

    /**
     * Marks the session as running a transaction that a resource adapter's container demarcates
     * (see the class comment); {@code transaction} says which (an {@code Xid}, or a marker of a
     * local transaction), for {@link #containerTransaction()} and messages.
     */
    public void containerTransactionStarted(Object transaction) {
        containerTransaction = Objects.requireNonNull(transaction, "transaction");
        // Whatever the container does with auto-commit, the next borrower finds the default.
        changed.add(Setting.AUTO_COMMIT);
    }

    /** The container's transaction ended (committed, rolled back or prepared elsewhere); the borrower may demarcate again. */
    public void containerTransactionEnded() {
        containerTransaction = null;
    }

    /** The transaction the container marked this session with, or {@code null}. */
    public Object containerTransaction() {
        return containerTransaction;
    }

    /** Records that the borrower changed {@code setting}, so that {@link #restore()} puts it back. */
    void changed(Setting setting) {
        changed.add(setting);
    }

    /**
     * Records a statement opened through the {@code jdbc()} connection {@code owner}, so that the end of
     * that borrow, or a reset, closes it if its borrower did not.
     */
    void opened(AutoCloseable resource, Object owner) {
        openResources.add(resource, owner);
    }

    /** Forgets a statement its borrower closed. */
    void closed(AutoCloseable resource) {
        openResources.remove(resource);
    }

    /** Takes out, for closing, what was opened through {@code owner} and is still open. */
    AutoCloseable[] takeOpenedBy(Object owner) {
        return openResources.drain(owner);
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
        // A container's transaction still marked is not to be finished by anyone else: it is rolled back below.
        containerTransaction = null;
        // Before the settings: isolation and read-only cannot change inside a transaction, and
        // turning auto-commit back on would commit it.
        if (inTransaction()) {
            rollback();
        }
        if (!changed.isEmpty()) {
            for (Setting setting : changed) {
                restore(setting);
            }
            changed.clear();
        }
        connection.clearWarnings();
    }

    private void closeLeftovers() throws SQLException {
        for (AutoCloseable resource : openResources.drainAll()) {
            try {
                resource.close();
            } catch (SQLException e) {
                throw e;
            } catch (Exception e) {
                throw new SQLException("a statement left open could not be closed: " + e, e);
            }
        }
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

    /** Closes the connection (for XA, the XA connection and with it the physical one); on a connection that already failed this only releases the socket. */
    void close() throws SQLException {
        if (xaConnection != null) {
            xaConnection.close();
        } else {
            connection.close();
        }
    }

    @Override
    public String toString() {
        return "PostgresSession[" + (xaConnection != null ? "XA, " : "") + connection.getClass().getSimpleName()
                + (changed.isEmpty() ? "" : ", changed=" + changed) + (containerTransaction == null ? "" : ", in a container transaction") + "]";
    }
}
