package io.earnorm.ra.redis;

import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.api.pool.AcquireTimeoutException;
import io.earnorm.ra.api.pool.IllegalReleaseException;
import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.api.pool.PoolStats;
import io.earnorm.ra.pool.Pool;
import io.earnorm.ra.pool.PoolManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** The seed's pool protocol on a Redis pool: builder and options map, init, acquire, release, asynchronous acquire, stats. */
class RedisPoolApiIT extends RedisFixture {

    @Test
    void theBuilderMakesAPoolThatInitialisesLendsAndCounts() {
        RedisPool pool = open(sharedServerPool().name("cache").minSize(2).maxSize(3));

        assertThat(pool.name()).isEqualTo("cache");
        assertThat(pool.backendType()).isEqualTo("redis");
        assertThat(pool.state()).isEqualTo(PoolState.READY);
        assertThat(pool.size()).isGreaterThanOrEqualTo(2);

        try (RedisConnection conn = pool.acquire()) {
            PoolStats stats = pool.stats();
            assertThat(stats.active()).isEqualTo(1);
            assertThat(stats.backendType()).isEqualTo("redis");
            assertThat(stats.maxSize()).isEqualTo(3);
            assertThat(conn.backendType()).isEqualTo("redis");
            assertThat(conn.ping()).isTrue();
            assertThat(conn.createdAt()).isBeforeOrEqualTo(conn.lastUsedAt());
            assertThat(conn.lastUsedAt()).isBeforeOrEqualTo(Instant.now());
            assertThat(conn.lifetime()).isPositive();
            assertThat(conn.idleTime().isNegative()).isFalse();
            assertThat(conn.isStale()).isFalse();
            assertThat(conn.execute("SET", key("k"), "v")).isEqualTo("OK");
        }
        PoolStats after = pool.stats();
        assertThat(after.active()).isZero();
        assertThat(after.available()).isEqualTo(after.total());
        assertThat(after.created()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void releaseGivesBackOnceAndRefusesAStranger() {
        RedisPool pool = open(sharedServerPool().maxSize(2));
        RedisPool other = open(sharedServerPool().name("other").maxSize(1));
        RedisConnection conn = pool.acquire();
        RedisConnection stranger = other.acquire();

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
        RedisPool pool = open(sharedServerPool().maxSize(1));
        RedisConnection first = pool.acquireAsync().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(first.execute("PING")).isEqualTo("PONG");

        CompletableFuture<RedisConnection> tooLate = pool.acquireAsync(Duration.ofMillis(200)).toCompletableFuture();
        Throwable timedOut = catchThrowable(() -> tooLate.get(10, TimeUnit.SECONDS));
        assertThat(timedOut).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(AcquireTimeoutException.class);

        CompletableFuture<RedisConnection> waiting = pool.acquireAsync().toCompletableFuture();
        first.close();
        try (RedisConnection second = waiting.get(10, TimeUnit.SECONDS)) {
            assertThat(second.execute("ECHO", "hello")).isEqualTo("hello");
        }
        assertThat(pool.stats().timeouts()).isEqualTo(1);
    }

    @Test
    void thePoolManagerCreatesRedisPoolsFromAnOptionsMap() {
        PoolManager manager = closeLater(new PoolManager());
        manager.registerPoolType("redis", RedisPool::new);

        Pool<?> created = manager.createPool("redis", "sessions", Map.of("uri", serverUri(), "database", DATABASE,
                "min_size", 1, "max_size", 4, "timeout", "10s", "client_name", "earnorm-sessions"));

        assertThat(manager.getPool("sessions")).containsSame(created);
        assertThat(created).isInstanceOf(RedisPool.class);
        assertThat(created.config().maxSize()).isEqualTo(4);
        try (RedisConnection conn = ((RedisPool) created).acquire()) {
            assertThat(conn.execute("CLIENT", "GETNAME")).isEqualTo("earnorm-sessions");
            conn.execute("SET", key("from-manager"), "yes");
        }
        assertThat(admin().get(key("from-manager"))).isEqualTo("yes");

        manager.closeAll();

        assertThat(created.state()).isEqualTo(PoolState.CLOSED);
        assertThat(manager.getPool("sessions")).isEmpty();
    }

    @Test
    void thePoolManagerRefusesAnUnknownKeyByName() {
        PoolManager manager = closeLater(new PoolManager());
        manager.registerPoolType("redis", RedisPool::new);

        assertThatThrownBy(() -> manager.createPool("redis", "sessions", Map.of("uri", serverUri(), "pasword", "x")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("unknown option 'pasword' for a redis pool");
        assertThat(manager.getPool("sessions")).isEmpty();
    }

    @Test
    void closingThePoolClosesItsSockets() {
        String name = "earnorm-closing-" + UUID.randomUUID();
        RedisPool pool = open(sharedServerPool().minSize(2).maxSize(2).clientName(name));
        await().atMost(Duration.ofSeconds(10)).until(() -> admin().clientList().contains("name=" + name + " "));

        pool.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> !admin().clientList().contains("name=" + name + " "));
        assertThat(pool.state()).isEqualTo(PoolState.CLOSED);
    }

    @Test
    void atStartThePoolReportsWhatItReachedAndWarnsWhenInstancesTimesMaxSizeExceedMaxclients() {
        long maxClients = Long.parseLong(admin().configGet("maxclients").get("maxclients"));
        int instances = (int) (maxClients / 10) + 1;

        RedisPool modest = open(sharedServerPool().maxSize(10));
        RedisPool crowded = open(sharedServerPool().maxSize(10).instances(instances));

        assertThat(modest.startupFindings().topology()).startsWith("master ").endsWith("/" + DATABASE);
        assertThat(modest.startupFindings().limit()).hasValue((int) maxClients);
        assertThat(modest.startupFindings().overLimit()).isFalse();
        assertThat(crowded.startupFindings().wanted()).isEqualTo(10 * instances);
        assertThat(crowded.startupFindings().overLimit()).isTrue();
    }
}
