package io.earnorm.ra.bench.backend;

import io.earnorm.ra.api.MongoConnection;
import io.earnorm.ra.mongo.MongoPool;

import org.bson.Document;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One EarnORM {@link MongoPool}, full before the first iteration, shared by all benchmark threads.
 * Its slots are leases on one {@code MongoClient} whose driver pool the pool sizes like itself
 * (maxPoolSize = minPoolSize = {@link PoolSize#CONNECTIONS}), as {@link DriverMongoState}'s is.
 */
@State(Scope.Benchmark)
public class EarnormMongoState {

    MongoPool pool;

    @Setup(Level.Trial)
    public void open(MongoData data) {
        PoolLogs.showOnlyWarnings();
        pool = MongoPool.builder()
                .name("bench-mongo")
                .uri(data.uri())
                .database(MongoData.DATABASE)
                .minSize(PoolSize.CONNECTIONS)
                .maxSize(PoolSize.CONNECTIONS)
                .acquireTimeout(PoolSize.WAIT_LIMIT)
                .build();
        pool.init();
        Checks.poolIsFull("EarnORM MongoPool", pool.size());
        try (MongoConnection c = pool.acquire()) {
            Document first = (Document) c.execute("find_one", MongoData.COLLECTION, new Document("_id", 0));
            Checks.sameValue("EarnORM MongoPool find_one", "item-0", first == null ? null : first.getString("name"));
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        pool.close();
    }
}
