package io.earnorm.ra.mongo;

import com.mongodb.client.MongoDatabase;

import java.util.Objects;

/**
 * What the pool core pools for MongoDB: one unit of the pool's capacity on the pool's one shared
 * {@code MongoClient}, bound to the configured database. It owns no socket; the driver lends one
 * for each operation from its own pool, which is sized like this pool, so that {@code maxSize}
 * borrowers never wait for the driver. Opening one proves that the server answers; closing one
 * releases nothing.
 *
 * <p>Deliberately not a record: two slots on the same database are still two slots.
 */
public final class MongoSlot {

    private final MongoDatabase database;

    MongoSlot(MongoDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** The configured database on the shared client, unguarded: only for the handle and the backend. */
    MongoDatabase database() {
        return database;
    }

    @Override
    public String toString() {
        return "MongoSlot[" + database.getName() + "]";
    }
}
