package io.earnorm.ra.spi.mongo;

import io.earnorm.ra.backend.Secrets;
import io.earnorm.ra.mongo.MongoSlot;
import io.earnorm.ra.mongo.MongoTransaction;
import io.earnorm.ra.spi.EarnormManagedConnection;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.LocalTransactionException;

/**
 * The container's local transaction on a MongoDB managed connection: a client session with a
 * transaction, bound to the managed connection's slot ({@link MongoTransaction}), so that every
 * handle of the connection runs its operations in it. While it is active the managed connection
 * keeps its slot, even through a cleanup.
 *
 * <p>The transaction lives on the slot, not in this object: a container may ask the managed
 * connection for its local transaction once to begin and again to commit.
 *
 * <p>No local transaction events are sent: the container demarcates through this interface and
 * knows already; the events are for transactions an application demarcates itself.
 */
final class MongoLocalTransaction implements LocalTransaction {

    private final EarnormManagedConnection<MongoSlot> connection;
    private final String where;

    MongoLocalTransaction(EarnormManagedConnection<MongoSlot> connection, String where) {
        this.connection = connection;
        this.where = where;
    }

    @Override
    public void begin() throws ResourceException {
        MongoSlot slot = slot("begin");
        if (connection.inTransaction() || MongoTransaction.active(slot) != null) {
            throw new LocalTransactionException("a mongodb transaction is already active on this connection to " + where
                    + "; commit or roll it back before beginning another");
        }
        try {
            MongoTransaction.begin(slot);
        } catch (RuntimeException e) {
            throw failure("begin", e);
        }
        connection.transactionStarted();
    }

    @Override
    public void commit() throws ResourceException {
        MongoTransaction transaction = active("commit");
        try {
            transaction.commit();
        } catch (RuntimeException e) {
            throw failure("commit", e);
        } finally {
            connection.transactionEnded();
        }
    }

    @Override
    public void rollback() throws ResourceException {
        MongoTransaction transaction = active("roll back");
        try {
            transaction.abort();
        } catch (RuntimeException e) {
            throw failure("roll back", e);
        } finally {
            connection.transactionEnded();
        }
    }

    private MongoTransaction active(String action) throws LocalTransactionException {
        MongoTransaction transaction = connection.inTransaction() ? MongoTransaction.active(slot(action)) : null;
        if (transaction == null) {
            connection.transactionEnded();
            throw new LocalTransactionException("cannot " + action + ": no mongodb transaction is active on this connection to " + where);
        }
        return transaction;
    }

    private MongoSlot slot(String action) throws LocalTransactionException {
        if ("begin".equals(action)) {
            // A container may begin before any getConnection (GlassFish and Payara enlist first): take a physical connection then.
            try {
                return connection.ensurePhysical();
            } catch (ResourceException e) {
                LocalTransactionException failed = new LocalTransactionException("cannot begin a mongodb transaction on " + where
                        + ": no physical connection could be had: " + e.getMessage());
                failed.initCause(e);
                throw failed;
            }
        }
        if (!connection.hasPhysical()) {
            throw new LocalTransactionException("cannot " + action + " a mongodb transaction: the managed connection to " + where
                    + " holds no physical connection (no transaction was begun on it, or it was destroyed since)");
        }
        return connection.physical();
    }

    private LocalTransactionException failure(String action, RuntimeException e) {
        LocalTransactionException failure = new LocalTransactionException("mongodb could not " + action + " a local transaction on "
                + where + ": " + Secrets.mask(String.valueOf(e.getMessage())));
        failure.initCause(e);
        return failure;
    }
}
