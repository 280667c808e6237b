package io.earnorm.ra.microprofile;

import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.api.pool.PoolStats;
import io.earnorm.ra.pool.ConnectionPool;
import io.earnorm.ra.pool.PoolConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PoolHealthTest {

    @Test
    void aPoolIsNotReadyWhileItsServerDoesNotAnswerAndReadyAgainWhenItDoes() {
        ScriptedBackend backend = new ScriptedBackend();
        try (ConnectionPool<Long> pool = new ConnectionPool<>("health-" + System.nanoTime(), backend,
                PoolConfig.builder().minSize(0).maxSize(2).probeInterval(Duration.ofMillis(20)).build())) {
            pool.init();
            pool.acquire().close();
            assertThat(PoolHealth.notReady(pool.stats())).isEmpty();

            backend.serverDown = true;
            pool.clear();
            assertThat(PoolHealth.notReady(pool.stats())).hasValueSatisfying(reason -> assertThat(reason).contains("paused", "scripted"));

            backend.serverDown = false;
            await().atMost(Duration.ofSeconds(10)).until(() -> PoolHealth.notReady(pool.stats()).isEmpty());
        }
    }

    @Test
    void aPoolIsNotLiveOnlyWhenLeakedBorrowsHoldAllItsConnectionsAndCallersWait() {
        assertThat(PoolHealth.notLive(stats(4, 4, 3, 1))).hasValueSatisfying(reason -> assertThat(reason).contains("4/4", "3 waiting"));
        assertThat(PoolHealth.notLive(stats(4, 4, 3, 0))).as("busy, no leak").isEmpty();
        assertThat(PoolHealth.notLive(stats(3, 4, 3, 1))).as("a connection still free").isEmpty();
        assertThat(PoolHealth.notLive(stats(4, 4, 0, 1))).as("nobody waiting").isEmpty();
    }

    private static PoolStats stats(int active, int maxSize, int pending, long leaks) {
        return new PoolStats("p", "scripted", PoolState.READY, active, active, 0, pending, 0, 0, maxSize, active, 0, 0, 0, leaks,
                Duration.ZERO, Duration.ZERO, 0);
    }
}
