package io.earnorm.ra.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.earnorm.ra.backend.Guard;
import io.earnorm.ra.pool.Lease;
import org.bson.Document;

import java.util.Iterator;
import java.util.Spliterator;

/**
 * The driver's typed API on a borrowed slot, as the borrower may hold it: a {@link MongoDatabase}
 * (never the client, so nothing can close the pool's shared client or start sessions on it) and
 * everything got from it (collections, iterables, cursors), all refusing every call once the borrow
 * ends, and reporting a lost connection or an unreachable server to the lease so the pool retires
 * the slot (and pauses when the server is down). The driver's own exceptions come through
 * unchanged, as users of the typed API expect. While a {@link MongoTransaction} is active on the
 * slot, calls run in its session ({@link MongoSessionBinding}).
 */
final class GuardedMongo {

    private GuardedMongo() {
    }

    static MongoDatabase database(Lease<MongoSlot> lease) {
        // The session is looked up at each call: a transaction may begin or end while the borrower holds the database.
        MongoDatabase inSession = MongoSessionBinding.database(lease.connection().database(), () -> lease.connection().session());
        return guard(MongoDatabase.class, inSession, lease);
    }

    static MongoCollection<Document> collection(Lease<MongoSlot> lease, String name) {
        return database(lease).getCollection(name);
    }

    /** The driver's client-side interfaces; results of other types (documents, counts, results) are values. */
    private static boolean isGuarded(Class<?> type) {
        return type.getPackageName().equals("com.mongodb.client") || type == Iterator.class || type == Spliterator.class;
    }

    /** Checks the borrow before each call and reports a lost connection or an unreachable server to the lease; what it returns is guarded the same way. */
    private static <T> T guard(Class<T> type, T target, Lease<MongoSlot> lease) {
        return Guard.of(type, target, lease::connection, GuardedMongo::isGuarded, failure -> {
            if (MongoErrors.isConnectionLost(failure) && !lease.isReleased()) {
                lease.markBroken(failure);
            }
        });
    }
}
