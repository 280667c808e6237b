package io.earnorm.ra.mongo;

import com.mongodb.ReadPreference;
import com.mongodb.TransactionOptions;
import com.mongodb.client.ClientSession;

import java.util.Objects;

/**
 * A multi-document transaction on one borrowed slot, for the resource adapter's local
 * transactions: a client session of its own with a transaction started on it, bound to the slot
 * so that every operation the slot's handles run (through {@code execute} or the typed API) runs
 * in it, until {@link #commit()} or {@link #abort()} ends the transaction and closes the session.
 *
 * <p>Needs a replica set or a sharded cluster: {@link #begin} refuses a standalone server at once,
 * rather than letting the first operation fail. A slot that goes back to its pool with a
 * transaction still open is closed, which aborts it.
 */
public final class MongoTransaction {

    private static final TransactionOptions IN_TRANSACTION = TransactionOptions.builder().readPreference(ReadPreference.primary()).build();

    private final MongoSlot slot;
    private final ClientSession session;

    private MongoTransaction(MongoSlot slot, ClientSession session) {
        this.slot = slot;
        this.session = session;
    }

    /**
     * Starts a session and a transaction on it, and binds them to {@code slot}.
     *
     * @throws IllegalStateException         when the slot already has an active transaction, or its pool is closed
     * @throws UnsupportedOperationException when the server is standalone (transactions need a replica set)
     * @throws com.mongodb.MongoException    when the driver cannot start a session
     */
    public static MongoTransaction begin(MongoSlot slot) {
        Objects.requireNonNull(slot, "slot");
        if (slot.transaction() != null) {
            throw new IllegalStateException("a mongodb transaction is already active on this connection");
        }
        ClientSession session = slot.backend().startTransactionSession();
        MongoTransaction transaction = new MongoTransaction(slot, session);
        try {
            // MongoDB reads in a transaction from the primary only; the pool's read preference
            // (secondaryPreferred, say) applies outside transactions and would fail every read inside one.
            session.startTransaction(IN_TRANSACTION);
            slot.bind(transaction);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return transaction;
    }

    /** The transaction active on {@code slot}, or {@code null}. */
    public static MongoTransaction active(MongoSlot slot) {
        return slot.transaction();
    }

    /** Commits, then closes the session; the slot's operations run outside any session again, whatever the outcome. */
    public void commit() {
        try {
            session.commitTransaction();
        } finally {
            end();
        }
    }

    /** Aborts, then closes the session; the slot's operations run outside any session again, whatever the outcome. */
    public void abort() {
        try {
            session.abortTransaction();
        } finally {
            end();
        }
    }

    /** Ends the session without a word to the caller (closing a session aborts its open transaction): for a slot being closed. */
    void abandon() {
        try {
            end();
        } catch (RuntimeException ignored) {
            // the slot is going away; the server aborts the transaction when its session times out anyway
        }
    }

    ClientSession session() {
        return session;
    }

    private void end() {
        slot.unbind(this);
        session.close();
    }

    @Override
    public String toString() {
        return "MongoTransaction[" + slot + (session.hasActiveTransaction() ? ", active" : ", ended") + "]";
    }
}
