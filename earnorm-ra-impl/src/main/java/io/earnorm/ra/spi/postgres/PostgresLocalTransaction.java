package io.earnorm.ra.spi.postgres;

import io.earnorm.ra.postgres.PostgresSession;
import io.earnorm.ra.spi.EarnormManagedConnection;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.LocalTransactionException;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A JCA local transaction on the managed connection's physical connection, demarcated by the
 * container: {@code begin} turns auto-commit off, {@code commit} and {@code rollback} end the
 * transaction and turn it back on.
 *
 * <p>From {@code begin} to the end of the transaction the managed connection keeps its physical
 * connection ({@code transactionStarted()}), so that a {@code cleanup} between two uses of the
 * connection in the transaction does not give it back, and the session is marked as running the
 * container's transaction: the borrower's {@code jdbc()} cannot commit it, roll it back or turn
 * auto-commit on, and the auto-commit switch is not taken for a borrower's change. If the connection
 * goes back to the pool with the transaction still open (the managed connection destroyed), the
 * transaction is rolled back. The container is not sent {@code LOCAL_TRANSACTION_*} events: they
 * are for transactions the application demarcates, and this one is the container's.
 */
final class PostgresLocalTransaction implements LocalTransaction {

    /** How the session is marked while a local transaction runs on it. */
    static final Object MARK = new Object() {
        @Override
        public String toString() {
            return "a JCA local transaction";
        }
    };

    private final EarnormManagedConnection<PostgresSession> managed;

    PostgresLocalTransaction(EarnormManagedConnection<PostgresSession> managed) {
        this.managed = managed;
    }

    @Override
    public void begin() throws ResourceException {
        PostgresSession session = session("begin");
        Object running = session.containerTransaction();
        if (running != null) {
            throw failure("begin", "the connection is already in " + describe(running) + "; a connection in an XA branch cannot do local work, and local transactions do not nest", null);
        }
        session.containerTransactionStarted(MARK);
        managed.transactionStarted();
        try {
            session.connection().setAutoCommit(false);
        } catch (SQLException e) {
            end(session);
            throw failure("begin", "auto-commit could not be turned off", e);
        }
    }

    @Override
    public void commit() throws ResourceException {
        finish("commit", true);
    }

    @Override
    public void rollback() throws ResourceException {
        finish("rollback", false);
    }

    /** Commits or rolls back; either way the transaction is over afterwards (PostgreSQL rolls back a commit that fails). */
    private void finish(String what, boolean commit) throws ResourceException {
        PostgresSession session = session(what);
        if (session.containerTransaction() != MARK) {
            throw failure(what, session.containerTransaction() == null ? "no local transaction was begun on this connection"
                    : "the connection is in " + describe(session.containerTransaction()) + ", not in a local transaction", null);
        }
        Connection connection = session.connection();
        try {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } catch (SQLException e) {
            restoreAutoCommit(connection, e);
            end(session);
            throw failure(what, commit ? "the transaction was not committed (PostgreSQL rolls back a transaction whose commit fails)"
                    : "the rollback did not complete", e);
        }
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw failure(what, "the transaction ended, but auto-commit could not be turned back on", e);
        } finally {
            end(session);
        }
    }

    /** Best effort after a failure; the session's reset on return puts auto-commit back, or retires the connection. */
    private static void restoreAutoCommit(Connection connection, SQLException failure) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private void end(PostgresSession session) {
        session.containerTransactionEnded();
        managed.transactionEnded();
    }

    private PostgresSession session(String what) throws LocalTransactionException {
        if ("begin".equals(what)) {
            // A container may begin before any getConnection: lease a physical connection then.
            try {
                return managed.ensurePhysical();
            } catch (jakarta.resource.ResourceException e) {
                LocalTransactionException failed = failure(what, "no physical connection could be had: " + e.getMessage(), null);
                failed.initCause(e);
                throw failed;
            }
        }
        if (!managed.hasPhysical()) {
            // begin takes a physical connection and keeps it until the transaction ends.
            throw failure(what, "no local transaction was begun on this connection (it holds no physical connection:"
                    + " none was begun, or the managed connection was destroyed since)", null);
        }
        return managed.physical();
    }

    static String describe(Object transaction) {
        return transaction == MARK ? transaction.toString() : "the XA branch " + transaction;
    }

    private static LocalTransactionException failure(String what, String why, SQLException cause) {
        String message = "PostgreSQL local transaction " + what + " failed: " + why
                + (cause == null ? "" : " (SQLState " + cause.getSQLState() + ": " + cause.getMessage() + ")");
        LocalTransactionException e = new LocalTransactionException(message, cause == null ? null : cause.getSQLState());
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }
}
