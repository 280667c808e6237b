package io.earnorm.ra.mongo;

import io.earnorm.ra.api.MongoConnection;
import io.earnorm.ra.api.pool.AcquireTimeoutException;
import io.earnorm.ra.api.pool.ConnectionClosedException;
import io.earnorm.ra.api.pool.IllegalReleaseException;
import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.api.pool.PoolClosedException;
import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.api.pool.PoolStats;
import io.earnorm.ra.pool.Pool;
import io.earnorm.ra.pool.PoolManager;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** The seed's pool protocol on a MongoDB pool: builder and options map, init, acquire, release, asynchronous acquire, stats. */
class MongoPoolApiIT extends MongoFixture {

    @Test
    void theBuilderMakesAPoolThatInitialisesLendsAndCounts() {
        MongoPool pool = open(sharedServerPool().name("users").minSize(2).maxSize(3)
                .maxLifetime(Duration.ofHours(1)).idleTimeout(Duration.ofMinutes(5)).validateOnBorrow(true).testOnReturn(true));

        assertThat(pool.name()).isEqualTo("users");
        assertThat(pool.backendType()).isEqualTo("mongodb");
        assertThat(pool.state()).isEqualTo(PoolState.READY);
        assertThat(pool.size()).isGreaterThanOrEqualTo(2);

        try (MongoConnection conn = pool.acquire()) {
            PoolStats stats = pool.stats();
            assertThat(stats.active()).isEqualTo(1);
            assertThat(stats.backendType()).isEqualTo("mongodb");
            assertThat(stats.maxSize()).isEqualTo(3);
            assertThat(conn.backendType()).isEqualTo("mongodb");
            assertThat(conn.ping()).isTrue();
            assertThat(conn.createdAt()).isBeforeOrEqualTo(conn.lastUsedAt());
            assertThat(conn.lastUsedAt()).isBeforeOrEqualTo(Instant.now());
            assertThat(conn.lifetime()).isPositive();
            assertThat(conn.idleTime().isNegative()).isFalse();
            assertThat(conn.isStale()).isFalse();
            assertThat(conn.execute("insert_one", "users", new Document("name", "John"))).isNotNull();
        }
        PoolStats after = pool.stats();
        assertThat(after.active()).isZero();
        assertThat(after.available()).isEqualTo(after.total());
        assertThat(after.created()).isGreaterThanOrEqualTo(2);
        assertThat(admin().getCollection("users").countDocuments(new Document("name", "John"))).isEqualTo(1);
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
    void releaseGivesBackOnceAndRefusesAStranger() {
        MongoPool pool = open(sharedServerPool().maxSize(2));
        MongoPool other = open(sharedServerPool().name("other").maxSize(1));
        MongoConnection conn = pool.acquire();
        MongoConnection stranger = other.acquire();

        pool.release(conn);

        assertThat(conn.isClosed()).isTrue();
        assertThat(pool.stats().active()).isZero();
        assertThatThrownBy(() -> pool.release(conn)).isInstanceOf(IllegalReleaseException.class);
        assertThatThrownBy(() -> pool.release(stranger)).isInstanceOf(IllegalReleaseException.class)
                .hasMessageContaining("does not belong to this pool");
        assertThat(stranger.isClosed()).isFalse();
        other.release(stranger);
    }

    @Test
    void acquireAsyncHandsOverWhenAConnectionIsFreeAndTimesOutOtherwise() throws Exception {
        MongoPool pool = open(sharedServerPool().maxSize(1));
        MongoConnection first = pool.acquireAsync().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(first.execute("count_documents", "users")).isEqualTo(0L);

        CompletableFuture<MongoConnection> tooLate = pool.acquireAsync(Duration.ofMillis(200)).toCompletableFuture();
        Throwable timedOut = catchThrowable(() -> tooLate.get(10, TimeUnit.SECONDS));
        assertThat(timedOut).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(AcquireTimeoutException.class);

        CompletableFuture<MongoConnection> waiting = pool.acquireAsync().toCompletableFuture();
        first.close();
        try (MongoConnection second = waiting.get(10, TimeUnit.SECONDS)) {
            assertThat(second.execute("insert_one", "users", new Document("async", true))).isNotNull();
        }
        assertThat(pool.stats().timeouts()).isEqualTo(1);
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
    void thePoolManagerRefusesAnUnknownKeyByName() {
        PoolManager manager = closeLater(new PoolManager());
        manager.registerPoolType("mongodb", MongoPool::new);

        assertThatThrownBy(() -> manager.createPool("mongodb", "users", Map.of("uri", serverUri(), "database", database, "databse", "x")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.option()).isEqualTo("databse"))
                .hasMessageContaining("unknown option 'databse' for a mongodb pool")
                .hasMessageContaining("database");
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
