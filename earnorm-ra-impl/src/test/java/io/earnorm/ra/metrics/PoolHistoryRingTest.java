package io.earnorm.ra.metrics;

import io.earnorm.ra.api.pool.CloseReason;
import io.earnorm.ra.api.pool.PoolHistory;
import io.earnorm.ra.api.pool.PoolMarker;
import io.earnorm.ra.api.pool.PoolSample;
import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.api.pool.PoolStats;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The history ring on its own, fed by hand and timed by clocks the test moves: exact figures. */
class PoolHistoryRingTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final AtomicLong millis = new AtomicLong(1_700_000_000_000L);
    private final LatencyHistogram waits = new LatencyHistogram(Duration.ofMinutes(1), 0);
    private final long[] closed = new long[CloseReason.values().length];

    private PoolHistoryRing ring(int length) {
        return new PoolHistoryRing(Duration.ofSeconds(5), length, nanos::get, millis::get, waits.buckets());
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
        millis.addAndGet(d.toMillis());
    }

    private static PoolStats stats(PoolState state, int inUse, int idle, int waiting, long created, long timeouts) {
        return new PoolStats("p", "fake", state, inUse + idle, inUse, idle, waiting, 0, 0, 10, created, 0, timeouts, 0, 0,
                Duration.ZERO, Duration.ZERO, 0);
    }

    @Test
    void eachSampleHoldsTheDifferencesOfTheCountersSinceTheSampleBefore() {
        PoolHistoryRing ring = ring(10);
        for (int i = 0; i < 99; i++) {
            waits.record(2_000); // 2 µs
        }
        waits.record(50_000_000); // 50 ms
        closed[CloseReason.IDLE.ordinal()] = 2;
        advance(Duration.ofSeconds(5));
        ring.sample(stats(PoolState.READY, 3, 1, 2, 4, 1), closed, 0, waits.buckets());

        waits.record(7_000_000); // 7 ms
        closed[CloseReason.IDLE.ordinal()] = 3;
        closed[CloseReason.ERROR.ordinal()] = 1;
        advance(Duration.ofSeconds(5));
        ring.sample(stats(PoolState.PAUSED, 0, 0, 0, 6, 4), closed, 1, waits.buckets());

        PoolHistory h = ring.history();
        assertThat(h.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(h.capacity()).isEqualTo(10);
        assertThat(h.samples()).hasSize(2);
        PoolSample first = h.samples().get(0);
        assertThat(first.at()).isEqualTo(Instant.ofEpochMilli(1_700_000_005_000L));
        assertThat(first.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(first.state()).isEqualTo(PoolState.READY);
        assertThat(first.open()).isEqualTo(4);
        assertThat(first.inUse()).isEqualTo(3);
        assertThat(first.idle()).isEqualTo(1);
        assertThat(first.waiting()).isEqualTo(2);
        assertThat(first.acquires()).isEqualTo(100);
        assertThat(first.opened()).isEqualTo(4);
        assertThat(first.timeouts()).isEqualTo(1);
        assertThat(first.errors()).isZero();
        assertThat(first.acquireP50()).isEqualTo(Duration.ofNanos(LatencyHistogram.upperBoundOf(LatencyHistogram.bucketOf(2_000))));
        assertThat(first.acquireP99()).isEqualTo(Duration.ofNanos(LatencyHistogram.upperBoundOf(LatencyHistogram.bucketOf(2_000))));
        assertThat(first.closedByReason()).containsEntry(CloseReason.IDLE, 2L).containsEntry(CloseReason.ERROR, 0L)
                .containsKeys(CloseReason.values());

        PoolSample second = h.samples().get(1);
        assertThat(second.state()).isEqualTo(PoolState.PAUSED);
        assertThat(second.acquires()).as("only the borrow of this interval").isEqualTo(1);
        assertThat(second.acquireP50()).isEqualTo(Duration.ofNanos(LatencyHistogram.upperBoundOf(LatencyHistogram.bucketOf(7_000_000))));
        assertThat(second.acquireP99()).isEqualTo(second.acquireP50());
        assertThat(second.opened()).isEqualTo(2);
        assertThat(second.timeouts()).isEqualTo(3);
        assertThat(second.errors()).isEqualTo(1);
        assertThat(second.closedByReason()).containsEntry(CloseReason.IDLE, 1L).containsEntry(CloseReason.ERROR, 1L);
        assertThat(second.closed()).isEqualTo(2);
    }

    @Test
    void anIntervalWithoutBorrowsHasZeroPercentilesAndCounts() {
        PoolHistoryRing ring = ring(3);
        advance(Duration.ofSeconds(5));
        ring.sample(stats(PoolState.READY, 0, 2, 0, 2, 0), closed, 0, waits.buckets());

        PoolSample only = ring.history().samples().get(0);
        assertThat(only.acquires()).isZero();
        assertThat(only.acquireP50()).isEqualTo(Duration.ZERO);
        assertThat(only.acquireP99()).isEqualTo(Duration.ZERO);
        assertThat(only.idle()).isEqualTo(2);
    }

    @Test
    void theRingKeepsTheLastSamplesOldestFirstAndNeverGrows() {
        PoolHistoryRing ring = ring(3);
        for (int i = 1; i <= 7; i++) {
            advance(Duration.ofSeconds(5));
            ring.sample(stats(PoolState.READY, i, 0, 0, i, 0), closed, 0, waits.buckets());
        }

        PoolHistory h = ring.history();
        assertThat(h.samples()).extracting(PoolSample::inUse).containsExactly(5, 6, 7);
        assertThat(h.samples()).extracting(PoolSample::opened).containsExactly(1L, 1L, 1L);
        assertThat(h.capacity()).isEqualTo(3);
    }

    @Test
    void markersAreKeptOldestFirstInARingOfTheirOwn() {
        PoolHistoryRing ring = ring(3);
        for (int i = 0; i < PoolHistoryRing.MARKERS + 2; i++) {
            advance(Duration.ofSeconds(1));
            ring.mark(i % 2 == 0 ? PoolMarker.Kind.CLEARED : PoolMarker.Kind.READY, "n" + i);
        }

        assertThat(ring.history().markers()).hasSize(PoolHistoryRing.MARKERS);
        assertThat(ring.history().markers().get(0).detail()).isEqualTo("n2");
        assertThat(ring.history().markers().get(PoolHistoryRing.MARKERS - 1).detail()).isEqualTo("n" + (PoolHistoryRing.MARKERS + 1));
        assertThat(ring.history().markers()).extracting(PoolMarker::at).isSorted();
    }
}
