package io.earnorm.ra.mongo;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoDatabase;

import java.util.Objects;

/**
 * What the pool core pools for MongoDB: one unit of the pool's capacity on the pool's one shared
 * {@code MongoClient}, bound to the configured database. It owns no socket; the driver lends one
 * for each operation from its own pool, which is sized like this pool, so that {@code maxSize}
 * borrowers never wait for the driver. Opening one proves that the server answers; closing one
 * releases nothing (but a transaction still bound to it, which it aborts).
 *
 * <p>While a {@link MongoTransaction} is bound to it, the operations its handles run go through
 * the transaction's session ({@link #operationDatabase()}).
 *
 * <p>Deliberately not a record: two slots on the same database are still two slots.
 */
public final class MongoSlot {

    private final MongoDatabase database;
    private final MongoBackend backend;
    private volatile MongoTransaction transaction;

    MongoSlot(MongoDatabase database, MongoBackend backend) {
        this.database = Objects.requireNonNull(database, "database");
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    /** The configured database on the shared client, unguarded and outside any session: only for the handle and the backend. */
    MongoDatabase database() {
        return database;
    }

    /** The database borrowers' operations run on: {@link #database()}, in the transaction's session while one is active. */
    MongoDatabase operationDatabase() {
        return transaction == null ? database : MongoSessionBinding.database(database, this::session);
    }

    MongoBackend backend() {
        return backend;
    }

    MongoTransaction transaction() {
        return transaction;
    }

    /** The session of the active transaction, or {@code null}. */
    ClientSession session() {
        MongoTransaction current = transaction;
        return current == null ? null : current.session();
    }

    void bind(MongoTransaction started) {
        transaction = started;
    }

    void unbind(MongoTransaction ended) {
        if (transaction == ended) {
            transaction = null;
        }
    }

    @Override
    public String toString() {
        return "MongoSlot[" + database.getName() + (transaction == null ? "" : ", in a transaction") + "]";
    }
}
