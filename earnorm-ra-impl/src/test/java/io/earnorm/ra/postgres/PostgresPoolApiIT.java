package io.earnorm.ra.postgres;

import io.earnorm.ra.api.PostgresConnection;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The seed's pool protocol on a PostgreSQL pool: builder and options map, init, acquire, release, asynchronous acquire, stats. */
class PostgresPoolApiIT extends PostgresFixture {

    @Test
    void theBuilderMakesAPoolThatInitialisesLendsAndCounts() {
        PostgresPool pool = open(sharedServerPool().name("users").minSize(2).maxSize(3).applicationName("earnorm-users"));

        assertThat(pool.name()).isEqualTo("users");
        assertThat(pool.backendType()).isEqualTo("postgresql");
        assertThat(pool.state()).isEqualTo(PoolState.READY);
        assertThat(pool.size()).isGreaterThanOrEqualTo(2);

        try (PostgresConnection conn = pool.acquire()) {
            PoolStats stats = pool.stats();
            assertThat(stats.active()).isEqualTo(1);
            assertThat(stats.backendType()).isEqualTo("postgresql");
            assertThat(stats.maxSize()).isEqualTo(3);
            assertThat(conn.backendType()).isEqualTo("postgresql");
            assertThat(conn.ping()).isTrue();
            assertThat(conn.createdAt()).isBeforeOrEqualTo(conn.lastUsedAt());
            assertThat(conn.lastUsedAt()).isBeforeOrEqualTo(Instant.now());
            assertThat(conn.lifetime()).isPositive();
            assertThat(conn.idleTime().isNegative()).isFalse();
            assertThat(conn.isStale()).isFalse();
            assertThat(conn.fetchVal("SHOW application_name")).isEqualTo("earnorm-users");
        }
        PoolStats after = pool.stats();
        assertThat(after.active()).isZero();
        assertThat(after.available()).isEqualTo(after.total());
        assertThat(after.created()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void releaseGivesBackOnceAndRefusesAStranger() {
        PostgresPool pool = open(sharedServerPool().maxSize(2));
        PostgresPool other = open(sharedServerPool().name("other").maxSize(1));
        PostgresConnection conn = pool.acquire();
        PostgresConnection stranger = other.acquire();

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
        PostgresPool pool = open(sharedServerPool().maxSize(1));
        PostgresConnection first = pool.acquireAsync().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(first.fetchVal("SELECT 'first'")).isEqualTo("first");

        CompletableFuture<PostgresConnection> tooLate = pool.acquireAsync(Duration.ofMillis(200)).toCompletableFuture();
        Throwable timedOut = catchThrowable(() -> tooLate.get(10, TimeUnit.SECONDS));
        assertThat(timedOut).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(AcquireTimeoutException.class);

        CompletableFuture<PostgresConnection> waiting = pool.acquireAsync().toCompletableFuture();
        first.close();
        try (PostgresConnection second = waiting.get(10, TimeUnit.SECONDS)) {
            assertThat(second.fetchVal("SELECT ?::text", "second")).isEqualTo("second");
        }
        assertThat(pool.stats().timeouts()).isEqualTo(1);
    }

    @Test
    void thePoolManagerCreatesPostgresPoolsFromAnOptionsMap() {
        String users = table("users", "name text");
        PoolManager manager = closeLater(new PoolManager());
        manager.registerPoolType("postgresql", PostgresPool::new);

        Pool<?> created = manager.createPool("postgresql", "users", Map.of("url", serverUrl(), "min_size", 1, "max_size", 3,
                "timeout", "10s", "application_name", "earnorm-manager", "connect_timeout", "2s", "socketTimeout", Duration.ofSeconds(30)));

        assertThat(manager.getPool("users")).containsSame(created);
        assertThat(created).isInstanceOf(PostgresPool.class);
        assertThat(created.config().maxSize()).isEqualTo(3);
        PostgresPool pool = (PostgresPool) created;
        assertThat(pool.settings().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(pool.settings().socketTimeout()).isEqualTo(Duration.ofSeconds(30));
        try (PostgresConnection conn = pool.acquire()) {
            assertThat(conn.fetchVal("SHOW application_name")).isEqualTo("earnorm-manager");
            conn.execute("INSERT INTO " + users + " VALUES (?)", "from-manager");
        }
        manager.closeAll();
        assertThat(pool.state()).isEqualTo(PoolState.CLOSED);
        assertThat(manager.getPool("users")).isEmpty();

        PoolManager second = closeLater(new PoolManager());
        second.registerPoolType("postgresql", PostgresPool::new);
        second.createPool("postgresql", "check", Map.of("url", serverUrl()));
        try (PostgresConnection conn = ((PostgresPool) second.getPool("check").orElseThrow()).acquire()) {
            assertThat(conn.fetchVal("SELECT name FROM " + users)).isEqualTo("from-manager");
        }
    }

    @Test
    void anUnknownOptionIsRefusedByName() {
        PoolManager manager = closeLater(new PoolManager());
        manager.registerPoolType("postgresql", PostgresPool::new);

        assertThatThrownBy(() -> manager.createPool("postgresql", "users", Map.of("url", serverUrl(), "databse", "app")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("unknown option 'databse' for a postgresql pool")
                .hasMessageContaining("url").hasMessageContaining("applicationName").hasMessageContaining("maxSize");
        assertThat(manager.getPool("users")).isEmpty();
    }
}
