package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.CloseReason;
import io.earnorm.ra.api.pool.PoolMetrics;
import io.earnorm.ra.api.pool.PoolRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link ConnectionPool#metrics()} adds to the stats moves with the pool's events. */
class PoolMetricsTest extends PoolFixture {

    @Test
    void timingsAreRecordedPerBorrowAndPerOpen() {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(2));

        PooledConnection<FakeConnection> c = pool.acquire();
        clock.advance(Duration.ofMillis(40));
        c.close();
        PoolMetrics m = pool.metrics();

        assertThat(m.acquireWait().count()).isEqualTo(1);
        assertThat(m.timeInUse().count()).isEqualTo(1);
        // The test clock moves with real time too: the hold is 40 ms plus however long the test took.
        assertThat(m.timeInUse().max()).isGreaterThanOrEqualTo(Duration.ofMillis(40));
        assertThat(m.timeInUse().p99()).isGreaterThanOrEqualTo(m.timeInUse().max());
        assertThat(m.timeInUse().recentCount()).isEqualTo(1);
        assertThat(m.openTime().count()).isEqualTo(1);
        assertThat(m.stats().created()).isEqualTo(1);
    }

    @Test
    void closesAreCountedPerReasonAndFailuresAsBackendErrors() {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(2));
        PooledConnection<FakeConnection> broken = pool.acquire();
        PooledConnection<FakeConnection> fine = pool.acquire();
        broken.markBroken(new IllegalStateException("reset by peer"));
        broken.close();
        fine.close();

        pool.clear();

        // Retired connections are closed in the background.
        eventually(() -> assertThat(pool.metrics().closedByReason()).containsEntry(CloseReason.STALE, 1L));
        PoolMetrics m = pool.metrics();
        assertThat(m.closedByReason()).containsEntry(CloseReason.ERROR, 1L).containsEntry(CloseReason.IDLE, 0L)
                .containsKeys(CloseReason.values());
        assertThat(m.backendErrors()).isEqualTo(1);
    }

    @Test
    void aPoolIsInTheGlobalRegistryFromCreationToClose() {
        ConnectionPool<FakeConnection> pool = pool("registry-" + System.nanoTime(), config());
        assertThat(PoolRegistry.global().pools()).contains(pool);
        assertThat(pool.address()).isEqualTo(backend.describe());

        pool.close();

        assertThat(PoolRegistry.global().pools()).doesNotContain(pool);
    }
}
