package io.earnorm.ra.bench.backend;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import org.bson.Document;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * A bare {@link MongoClient} with the driver's own connection pool sized as the EarnORM pool sizes
 * its client's (maxPoolSize = minPoolSize = {@link PoolSize#CONNECTIONS}, the same wait limit),
 * and the collection got from it once, as an application holds it. Shared by all benchmark threads.
 */
@State(Scope.Benchmark)
public class DriverMongoState {

    MongoClient client;
    MongoCollection<Document> collection;

    @Setup(Level.Trial)
    public void open(MongoData data) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(data.uri()))
                .applyToConnectionPoolSettings(p -> p
                        .maxSize(PoolSize.CONNECTIONS)
                        .minSize(PoolSize.CONNECTIONS)
                        .maxWaitTime(PoolSize.WAIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS))
                .build();
        client = MongoClients.create(settings);
        collection = client.getDatabase(MongoData.DATABASE).getCollection(MongoData.COLLECTION);
        Document first = collection.find(Filters.eq("_id", 0)).first();
        Checks.sameValue("MongoClient find", "item-0", first == null ? null : first.getString("name"));
    }

    @TearDown(Level.Trial)
    public void close() {
        client.close();
    }
}
