package io.earnorm.ra.backend;

import io.earnorm.ra.api.EarnormConnection;
import io.earnorm.ra.api.pool.AcquireTimeoutException;
import io.earnorm.ra.api.pool.IllegalReleaseException;
import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.api.pool.PoolStats;
import io.earnorm.ra.pool.PoolFactory;
import io.earnorm.ra.pool.PoolManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The seed's pool protocol that every backend's plain-Java pool keeps, on a real server: built,
 * initialised, lending and counting; release once and only to its own pool; asynchronous acquire
 * handed over or timed out; an unknown option refused by name. A backend's {@code *PoolApiIT}
 * implements it beside its fixture (a test interface, as each already extends its fixture) and adds
 * what only that backend does.
 *
 * @param <P> the backend's pool
 * @param <H> its connection handle
 */
public interface PoolApiContract<P extends BackendPool<H, ?>, H extends EarnormConnection> {

    /** A started pool on the test server, closed after the test; {@code name} may be null for the default. */
    P openPool(String name, int minSize, int maxSize);

    /** {@code mongodb}, {@code redis} or {@code postgresql}. */
    String backendType();

    /** A real round trip through {@code conn} with the backend's own command, its result checked; {@code tag} makes it this call's own. */
    void roundTrip(H conn, String tag);

    /** What the pool manager registers for the backend ({@code RedisPool::new}, ...). */
    PoolFactory poolFactory();

    /** Options of a pool on the test server, valid as they are. */
    Map<String, Object> serverOptions();

    /** Some of the backend's own option names, which a refusal of an unknown key must list. */
    List<String> someOwnOptionNames();

    @Test
    default void theBuilderMakesAPoolThatInitialisesLendsAndCounts() {
        P pool = openPool("users", 2, 3);

        assertThat(pool.name()).isEqualTo("users");
        assertThat(pool.backendType()).isEqualTo(backendType());
        assertThat(pool.state()).isEqualTo(PoolState.READY);
        assertThat(pool.size()).isGreaterThanOrEqualTo(2);

        try (H conn = pool.acquire()) {
            PoolStats stats = pool.stats();
            assertThat(stats.active()).isEqualTo(1);
            assertThat(stats.backendType()).isEqualTo(backendType());
            assertThat(stats.maxSize()).isEqualTo(3);
            assertThat(conn.backendType()).isEqualTo(backendType());
            assertThat(conn.ping()).isTrue();
            assertThat(conn.createdAt()).isBeforeOrEqualTo(conn.lastUsedAt());
            assertThat(conn.lastUsedAt()).isBeforeOrEqualTo(Instant.now());
            assertThat(conn.lifetime()).isPositive();
            assertThat(conn.idleTime().isNegative()).isFalse();
            assertThat(conn.isStale()).isFalse();
            roundTrip(conn, "built");
        }
        PoolStats after = pool.stats();
        assertThat(after.active()).isZero();
        assertThat(after.available()).isEqualTo(after.total());
        assertThat(after.created()).isGreaterThanOrEqualTo(2);
    }

    @Test
    default void releaseGivesBackOnceAndRefusesAStranger() {
        P pool = openPool(null, 0, 2);
        P other = openPool("other", 0, 1);
        H conn = pool.acquire();
        H stranger = other.acquire();

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
    default void acquireAsyncHandsOverWhenAConnectionIsFreeAndTimesOutOtherwise() throws Exception {
        P pool = openPool(null, 0, 1);
        H first = pool.acquireAsync().toCompletableFuture().get(10, TimeUnit.SECONDS);
        roundTrip(first, "first");

        CompletableFuture<H> tooLate = pool.acquireAsync(Duration.ofMillis(200)).toCompletableFuture();
        Throwable timedOut = catchThrowable(() -> tooLate.get(10, TimeUnit.SECONDS));
        assertThat(timedOut).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(AcquireTimeoutException.class);

        CompletableFuture<H> waiting = pool.acquireAsync().toCompletableFuture();
        first.close();
        try (H second = waiting.get(10, TimeUnit.SECONDS)) {
            roundTrip(second, "second");
        }
        assertThat(pool.stats().timeouts()).isEqualTo(1);
    }

    @Test
    default void thePoolManagerRefusesAnUnknownKeyByName() {
        try (PoolManager manager = new PoolManager()) {
            manager.registerPoolType(backendType(), poolFactory());
            Map<String, Object> options = new HashMap<>(serverOptions());
            options.put("databse", "x");

            assertThatThrownBy(() -> manager.createPool(backendType(), "users", options))
                    .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.option()).isEqualTo("databse"))
                    .hasMessageContaining("unknown option 'databse' for a " + backendType() + " pool")
                    .hasMessageContaining("maxSize")
                    .satisfies(e -> assertThat(e.getMessage()).contains(someOwnOptionNames()));
            assertThat(manager.getPool("users")).isEmpty();
        }
    }
}
