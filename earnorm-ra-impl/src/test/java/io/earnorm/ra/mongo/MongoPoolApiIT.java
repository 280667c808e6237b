package io.earnorm.ra.mongo;

import io.earnorm.ra.api.MongoConnection;
import io.earnorm.ra.api.pool.AcquireTimeoutException;
import io.earnorm.ra.api.pool.ConnectionClosedException;
import io.earnorm.ra.api.pool.PoolClosedException;
import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.backend.PoolApiContract;
import io.earnorm.ra.pool.Pool;
import io.earnorm.ra.pool.PoolFactory;
import io.earnorm.ra.pool.PoolManager;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The seed's pool protocol on a MongoDB pool: the contract every backend keeps ({@link PoolApiContract}:
 * builder, init, acquire, release, asynchronous acquire, stats, an unknown key), and what MongoDB adds.
 */
class MongoPoolApiIT extends MongoFixture implements PoolApiContract<MongoPool, MongoConnection> {

    /** Also sets the lifetime and validation options, as the seed's example does. */
    @Override
    public MongoPool openPool(String name, int minSize, int maxSize) {
        return open(sharedServerPool().name(name).minSize(minSize).maxSize(maxSize)
                .maxLifetime(Duration.ofHours(1)).idleTimeout(Duration.ofMinutes(5)).validateOnBorrow(true).testOnReturn(true));
    }

    @Override
    public String backendType() {
        return "mongodb";
    }

    @Override
    public void roundTrip(MongoConnection conn, String tag) {
        assertThat(conn.execute("count_documents", "users", new Document("name", tag))).isEqualTo(0L);
        assertThat(conn.execute("insert_one", "users", new Document("name", tag))).isNotNull();
        assertThat(admin().getCollection("users").countDocuments(new Document("name", tag))).isEqualTo(1);
    }

    @Override
    public PoolFactory poolFactory() {
        return MongoPool::new;
    }

    @Override
    public Map<String, Object> serverOptions() {
        return Map.of("uri", serverUri(), "database", database);
    }

    @Override
    public List<String> someOwnOptionNames() {
        return List.of("uri", "database");
    }

    @Test
    void everyConnectionIsALeaseOnTheOneSharedClient() {
        MongoPool pool = open(sharedServerPool().maxSize(3));
        List<MongoConnection> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(closeLater(pool.acquire()));
        }

        assertThat(held).extracting(c -> ((MongoHandle) c).lease().connection()).doesNotHaveDuplicates();
        assertThat(held).extracting(c -> ((MongoHandle) c).lease().connection().database()).containsOnly(
                ((MongoHandle) held.get(0)).lease().connection().database());
        // The driver's pool is sized like this one: the cap is the pool's, in leases.
        assertThat(pool.backend().clientSettings().getConnectionPoolSettings().getMaxSize()).isEqualTo(3);
        assertThat(catchThrowable(() -> pool.acquire(Duration.ofMillis(200)))).isInstanceOf(AcquireTimeoutException.class);
    }

    @Test
    void thePoolManagerCreatesMongoPoolsFromAnOptionsMap() {
        PoolManager manager = closeLater(new PoolManager());
        manager.registerPoolType("mongodb", MongoPool::new);

        Pool<?> created = manager.createPool("mongodb", "users", Map.of("uri", serverUri(), "database", database,
                "min_size", 1, "max_size", 4, "timeout", "10s", "max_lifetime", "1h", "idle_timeout", "5m",
                "validate_on_borrow", true, "test_on_return", true, "operation_timeout", "30s"));

        assertThat(manager.getPool("users")).containsSame(created);
        assertThat(created).isInstanceOf(MongoPool.class);
        MongoPool pool = (MongoPool) created;
        assertThat(pool.config().maxSize()).isEqualTo(4);
        assertThat(pool.config().acquireTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(pool.settings().database()).isEqualTo(database);
        assertThat(pool.settings().operationTimeout()).isEqualTo(Duration.ofSeconds(30));
        try (MongoConnection conn = pool.acquire()) {
            Document john = new Document("name", "John").append("age", 30);
            conn.execute("insert_one", "users", john);
            assertThat(conn.execute("find_one", "users", new Document("name", "John"))).isEqualTo(john);
        }
        assertThat(admin().getCollection("users").countDocuments()).isEqualTo(1);

        manager.closeAll();

        assertThat(created.state()).isEqualTo(PoolState.CLOSED);
        assertThat(manager.getPool("users")).isEmpty();
    }

    @Test
    void closingThePoolKeepsTheSharedClientForBorrowersUntilTheLastOneReturns() {
        MongoPool pool = open(sharedServerPool().minSize(2).maxSize(3));
        MongoConnection held = pool.acquire();
        var collection = held.collection("users");

        pool.close();

        assertThat(pool.state()).isEqualTo(PoolState.CLOSED);
        assertThatThrownBy(pool::acquire).isInstanceOf(PoolClosedException.class);
        // The borrower keeps working until it gives the connection back.
        collection.insertOne(new Document("after", "close"));
        assertThat(pool.backend().isShutDown()).isFalse();

        held.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> pool.backend().isShutDown());
        assertThat(pool.stats().total()).isZero();
        assertThatThrownBy(collection::countDocuments).isInstanceOf(ConnectionClosedException.class);
        assertThat(admin().getCollection("users").countDocuments(new Document("after", "close"))).isEqualTo(1);
        pool.close();
    }
}
