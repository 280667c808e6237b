package io.earnorm.ra.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.earnorm.ra.api.EarnormBackendException;
import io.earnorm.ra.api.MongoConnection;
import io.earnorm.ra.backend.PooledHandle;
import io.earnorm.ra.pool.Lease;
import org.bson.Document;

/**
 * A borrowed MongoDB connection: a lease on the pool's shared client, bound to the configured
 * database. {@code execute} runs the seed's operations ({@link MongoExecutor} lists them, their
 * arguments and results); {@link #database()} and {@link #collection(String)} give the driver's
 * typed API. Closing it gives the slot back to its pool. While a {@link MongoTransaction} is active
 * on the slot (the resource adapter's local transactions), both run in its session.
 */
public final class MongoHandle extends PooledHandle<MongoSlot> implements MongoConnection {

    public MongoHandle(Lease<MongoSlot> lease) {
        super(lease);
    }

    @Override
    public String backendType() {
        return MongoBackend.TYPE;
    }

    /**
     * Runs one operation; see {@link MongoExecutor} for the operations, their arguments and results.
     *
     * @throws UnsupportedOperationException for an unknown operation, naming the known ones
     * @throws IllegalArgumentException      for a wrong argument count or type, naming the operation and its signature
     * @throws EarnormBackendException       when the server refused the operation ({@code connectionLost() == false}, a
     *                                       duplicate key for one; the connection stays usable) or did not answer
     *                                       ({@code true}; the connection is retired, and the pool paused when the
     *                                       server is unreachable)
     */
    @Override
    public Object execute(String operation, Object... args) {
        MongoSlot slot = physical();
        try {
            return MongoExecutor.execute(slot.operationDatabase(), operation, args);
        } catch (MongoException e) {
            throw failure(operation, e, MongoErrors.isConnectionLost(e));
        }
    }

    /**
     * The configured database, through the driver's typed API. It, and every collection, iterable
     * and cursor got from it, refuses every call with
     * {@link io.earnorm.ra.api.pool.ConnectionClosedException} once this connection is closed.
     */
    @Override
    public MongoDatabase database() {
        requireOpen();
        return GuardedMongo.database(lease());
    }

    /** A collection of the configured database; guarded as {@link #database()}. */
    @Override
    public MongoCollection<Document> collection(String name) {
        requireOpen();
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("mongodb collection(name) needs a non-blank collection name (name="
                    + (name == null ? "null" : "'" + name + "'") + ")");
        }
        return GuardedMongo.collection(lease(), name);
    }
}
