package io.earnorm.ra.spi.postgres;

import io.earnorm.ra.postgres.PostgresSession;
import io.earnorm.ra.spi.EarnormManagedConnection;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.sql.SQLException;

/**
 * The XA resource of a managed connection: pgjdbc's {@code PGXAConnection} of whichever physical
 * connection the managed connection holds when it is called, with the managed connection kept on
 * that physical connection for the whole branch.
 *
 * <ul>
 * <li>{@code start} (without {@code TMJOIN}) marks the managed connection as in a transaction, so
 *     that a {@code cleanup} does not give its physical connection back, and marks the session so
 *     that the borrower cannot end the branch through {@code jdbc()}; it is refused while a local
 *     transaction runs on the connection.</li>
 * <li>The branch's work stays on that connection after {@code end} and, for a two-phase commit,
 *     the second phase is sent on it too ({@code isSameRM} is true for this very object only, as
 *     pgjdbc's own): the connection is held until {@code commit} or {@code rollback} of the branch,
 *     or a {@code prepare} that failed (PostgreSQL rolls back a transaction it cannot prepare).
 *     Only then is the transaction marked ended.</li>
 * <li>{@code prepare}, {@code commit}, {@code rollback}, {@code recover} and {@code forget} are
 *     pgjdbc's; {@code commit} and {@code rollback} of another branch (one found by {@code recover})
 *     leave this connection's own transaction alone. pgjdbc supports neither suspend/resume
 *     ({@code TMSUSPEND}/{@code TMRESUME}) nor interleaving, nor heuristic completion
 *     ({@code forget} answers {@code XAER_NOTA}), and has no transaction timeout.</li>
 * </ul>
 */
final class PostgresXaResource implements XAResource {

    private final EarnormManagedConnection<PostgresSession> managed;

    PostgresXaResource(EarnormManagedConnection<PostgresSession> managed) {
        this.managed = managed;
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        PostgresSession session = session("start");
        Object running = session.containerTransaction();
        if (running != null && (flags != TMJOIN || !running.equals(xid))) {
            // XAER_OUTSIDE: the connection does work outside any global transaction; XAER_PROTO: it is busy with another branch.
            throw error(running == PostgresLocalTransaction.MARK ? XAException.XAER_OUTSIDE : XAException.XAER_PROTO,
                    "start of XA branch " + xid + " refused: the connection is already in " + PostgresLocalTransaction.describe(running));
        }
        resource(session, "start").start(xid, flags);
        if (running == null) {
            session.containerTransactionStarted(xid);
            managed.transactionStarted();
        }
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        // The work stays on this connection until prepare, commit or rollback: the transaction is not over.
        resource(session("end"), "end").end(xid, flags);
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        PostgresSession session = session("prepare");
        try {
            int vote = resource(session, "prepare").prepare(xid);
            if (vote == XA_RDONLY && isBranchOf(session, xid)) {
                // Nothing to commit: there is no second phase (pgjdbc always votes XA_OK today).
                branchEnded(session);
            }
            // Otherwise the branch is prepared in the server; the connection is still held for the second phase.
            return vote;
        } catch (XAException e) {
            if (isBranchOf(session, xid) && !isProtocolError(e)) {
                // PREPARE TRANSACTION failed, and PostgreSQL rolled the transaction back.
                restoreAutoCommit(session);
                branchEnded(session);
            }
            throw e;
        }
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        PostgresSession session = session("commit");
        try {
            resource(session, "commit").commit(xid, onePhase);
        } catch (XAException e) {
            // A commit that failed was rolled back by PostgreSQL: the branch is gone from this connection too.
            if (isBranchOf(session, xid) && !isProtocolError(e)) {
                branchEnded(session);
            }
            throw e;
        }
        if (isBranchOf(session, xid)) {
            branchEnded(session);
        }
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        PostgresSession session = session("rollback");
        try {
            resource(session, "rollback").rollback(xid);
        } catch (XAException e) {
            if (isBranchOf(session, xid) && !isProtocolError(e)) {
                branchEnded(session);
            }
            throw e;
        }
        if (isBranchOf(session, xid)) {
            branchEnded(session);
        }
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        return resource(session("recover"), "recover").recover(flag);
    }

    @Override
    public void forget(Xid xid) throws XAException {
        resource(session("forget"), "forget").forget(xid);
    }

    /** Only this very object: pgjdbc runs each branch, second phase included, on the connection that started it. */
    @Override
    public boolean isSameRM(XAResource other) {
        return other == this;
    }

    @Override
    public int getTransactionTimeout() {
        return 0;
    }

    /** PostgreSQL has no timeout for an XA branch: answers false, as pgjdbc does. */
    @Override
    public boolean setTransactionTimeout(int seconds) {
        return false;
    }

    // ------------------------------------------------------------------

    /** pgjdbc refused the call as out of protocol (before end, say) without touching the branch. */
    private static boolean isProtocolError(XAException e) {
        return e.errorCode == XAException.XAER_PROTO || e.errorCode == XAException.XAER_INVAL;
    }

    private static boolean isBranchOf(PostgresSession session, Xid xid) {
        Object running = session.containerTransaction();
        return running != null && running.equals(xid);
    }

    private void branchEnded(PostgresSession session) {
        session.containerTransactionEnded();
        managed.transactionEnded();
    }

    /** pgjdbc leaves auto-commit off when PREPARE TRANSACTION fails; outside a branch the connection is in auto-commit mode. */
    private static void restoreAutoCommit(PostgresSession session) {
        try {
            session.connection().setAutoCommit(true);
        } catch (SQLException ignored) {
            // the session's reset on return puts auto-commit back, or retires the connection
        }
    }

    private PostgresSession session(String what) throws XAException {
        if (!managed.hasPhysical() && !"end".equals(what) && !"prepare".equals(what)) {
            // start, and the calls a transaction manager makes on recovery, may come before any
            // getConnection; end and prepare belong to the connection that ran the branch.
            try {
                return managed.ensurePhysical();
            } catch (jakarta.resource.ResourceException e) {
                throw error(XAException.XAER_RMFAIL, "XA " + what + " failed: no physical connection could be had: " + e.getMessage());
            }
        }
        if (!managed.hasPhysical()) {
            throw error(XAException.XAER_RMFAIL, "XA " + what + " failed: the managed connection holds no physical connection"
                    + " (it was cleaned up or destroyed); get a connection from it first");
        }
        try {
            return managed.physical();
        } catch (IllegalStateException e) {
            throw error(XAException.XAER_RMFAIL, "XA " + what + " failed: " + e.getMessage());
        }
    }

    private static XAResource resource(PostgresSession session, String what) throws XAException {
        try {
            return session.xaResource();
        } catch (SQLException | IllegalStateException e) {
            XAException error = error(XAException.XAER_RMERR, "XA " + what + " failed: " + e.getMessage());
            error.initCause(e);
            throw error;
        }
    }

    private static XAException error(int code, String message) {
        XAException e = new XAException(message);
        e.errorCode = code;
        return e;
    }

    @Override
    public String toString() {
        return "PostgresXaResource[" + managed + "]";
    }
}
