package io.earnorm.ra.microprofile;

import io.earnorm.ra.api.pool.PoolExhaustedException;
import io.earnorm.ra.api.pool.PoolRegistry;
import io.earnorm.ra.pool.ConnectionPool;
import io.earnorm.ra.pool.PoolConfig;
import io.earnorm.ra.pool.PooledConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Each published figure moves when the pool does what it counts, and only then. */
class PoolGaugeTest {

    private final ScriptedBackend backend = new ScriptedBackend();
    private final ConnectionPool<Long> pool = new ConnectionPool<>("gauges-" + System.nanoTime(), backend,
            PoolConfig.builder().minSize(0).maxSize(2).probeInterval(Duration.ofMillis(20)).build());

    @BeforeEach
    void ready() {
        pool.ready();
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void theGaugesFollowBorrowsReturnsAndFailures() {
        Map<PoolGauge, Long> start = read();
        assertThat(start).containsEntry(PoolGauge.OPEN, 0L).containsEntry(PoolGauge.MAX_SIZE, 2L).containsEntry(PoolGauge.STATE, 0L);

        PooledConnection<Long> first = pool.acquire();
        PooledConnection<Long> second = pool.acquire();
        assertThat(read()).containsEntry(PoolGauge.OPEN, 2L).containsEntry(PoolGauge.IN_USE, 2L)
                .containsEntry(PoolGauge.IDLE, 0L).containsEntry(PoolGauge.CREATED, 2L);

        assertThatThrownBy(() -> pool.acquire(Duration.ZERO)).isInstanceOf(PoolExhaustedException.class);
        assertThat(read()).containsEntry(PoolGauge.ACQUIRE_TIMEOUTS, 1L);

        first.close();
        second.markBroken(new IllegalStateException("socket reset"));
        second.close();
        Map<PoolGauge, Long> after = read();
        assertThat(after).containsEntry(PoolGauge.IN_USE, 0L).containsEntry(PoolGauge.IDLE, 1L).containsEntry(PoolGauge.OPEN, 1L)
                .containsEntry(PoolGauge.CLOSED_ERROR, 1L).containsEntry(PoolGauge.BACKEND_ERRORS, 1L)
                .containsEntry(PoolGauge.CLOSED_STALE, 0L);
    }

    @Test
    void clearingPausesThePoolAndRetiresItsConnectionsAsStale() {
        pool.acquire().close();
        backend.serverDown = true;

        pool.clear();

        assertThat(read()).containsEntry(PoolGauge.STATE, 1L).containsEntry(PoolGauge.OPEN, 0L);
        // The retired connection is closed in the background.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(read()).containsEntry(PoolGauge.CLOSED_STALE, 1L));
    }

    @Test
    void theRegistryListsThePoolWhileItIsOpen() {
        assertThat(PoolRegistry.global().pool(pool.name())).containsSame(pool);
        pool.close();
        assertThat(PoolRegistry.global().pool(pool.name())).isEmpty();
        assertThat(read()).containsEntry(PoolGauge.STATE, 2L).containsEntry(PoolGauge.CLOSED_POOL_CLOSED, 0L);
    }

    @Test
    void theFleetGaugesShowTheBudgetAndTheShareThePoolKeepsTo() {
        assertThat(read()).containsEntry(PoolGauge.FLEET_BUDGET, 0L).containsEntry(PoolGauge.FLEET_SHARE, 0L);
        // This backend cannot count connections on a server: the pool keeps to fleetMaxSize / instances.
        ConnectionPool<Long> fleet = new ConnectionPool<>("gauges-fleet-" + System.nanoTime(), new ScriptedBackend(),
                PoolConfig.builder().maxSize(5).fleetMaxSize(6).instances(3).build());
        try {
            fleet.ready();
            PooledConnection<Long> one = fleet.acquire();
            assertThat(read(fleet)).containsEntry(PoolGauge.FLEET_BUDGET, 6L).containsEntry(PoolGauge.FLEET_SHARE, 2L)
                    .containsEntry(PoolGauge.FLEET_INSTANCES, 1L).containsEntry(PoolGauge.FLEET_CONNECTIONS, 1L);
            one.close();
        } finally {
            fleet.close();
        }
    }

    private Map<PoolGauge, Long> read() {
        return read(pool);
    }

    private static Map<PoolGauge, Long> read(ConnectionPool<Long> pool) {
        Map<PoolGauge, Long> figures = new EnumMap<>(PoolGauge.class);
        for (PoolGauge gauge : PoolGauge.values()) {
            figures.put(gauge, gauge.read(pool));
        }
        return figures;
    }
}
