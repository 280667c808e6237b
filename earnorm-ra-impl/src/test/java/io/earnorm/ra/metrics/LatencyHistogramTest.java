package io.earnorm.ra.metrics;

import io.earnorm.ra.api.pool.LatencySummary;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyHistogramTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void everyValueFallsInABucketThatHoldsItAndIsAtMostAQuarterWide() {
        for (long v : new long[]{0, 1, 3, 4, 5, 7, 8, 1_000, 999_999, 1_000_000, 123_456_789, SECOND * 3600, Long.MAX_VALUE}) {
            int bucket = LatencyHistogram.bucketOf(v);
            long upper = LatencyHistogram.upperBoundOf(bucket);
            long lower = bucket == 0 ? 0 : LatencyHistogram.upperBoundOf(bucket - 1) + 1;
            assertThat(v).as("value in its bucket").isBetween(Math.min(lower, v), upper);
            assertThat(upper - v).as("bucket width for " + v).isLessThanOrEqualTo(Math.max(1, v / 4));
        }
    }

    @Test
    void percentilesComeFromTheRecordedValues() {
        LatencyHistogram h = new LatencyHistogram(Duration.ofMinutes(1), 0);
        LatencyHistogram.Recorder one = h.newRecorder();
        LatencyHistogram.Recorder other = h.newRecorder();
        for (int i = 1; i <= 100; i++) {
            (i % 2 == 0 ? one : other).record(i * 1_000_000L); // 1 ms .. 100 ms, over two connections
        }
        h.retire(other); // a connection closed: what it recorded still counts

        LatencySummary s = h.summary(0);

        assertThat(s.count()).isEqualTo(100);
        assertThat(s.recentCount()).isEqualTo(100);
        assertThat(s.max()).isEqualTo(Duration.ofMillis(100));
        assertThat(s.total()).isEqualTo(Duration.ofMillis(5050));
        assertThat(s.mean()).isEqualTo(Duration.ofMillis(50).plusNanos(500_000));
        assertThat(s.p50().toNanos()).isBetween(50_000_000L, 62_500_000L);
        assertThat(s.p95().toNanos()).isBetween(95_000_000L, 118_750_000L);
        assertThat(s.p99().toNanos()).isBetween(99_000_000L, 123_750_000L);
    }

    @Test
    void thePercentilesForgetWhatIsOlderThanTwoWindowsWhileTheCountsKeepIt() {
        LatencyHistogram h = new LatencyHistogram(Duration.ofSeconds(60), 0);
        LatencyHistogram.Recorder r = h.newRecorder();
        for (int i = 0; i < 100; i++) {
            r.record(SECOND); // a slow minute
        }
        h.summary(61 * SECOND);           // a window has passed: the baseline moves
        assertThat(h.summary(62 * SECOND).recentCount()).as("still within two windows").isEqualTo(100);

        for (int i = 0; i < 10; i++) {
            h.record(1_000); // then fast
        }
        h.retire(r);
        LatencySummary later = h.summary(125 * SECOND);

        assertThat(later.recentCount()).isEqualTo(10);
        assertThat(later.p99()).isLessThan(Duration.ofMillis(1));
        assertThat(later.count()).isEqualTo(110);
        assertThat(later.max()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anEmptyHistogramSaysZero() {
        LatencySummary s = new LatencyHistogram(Duration.ofMinutes(1), 0).summary(0);
        assertThat(s).isEqualTo(LatencySummary.EMPTY);
    }
}
