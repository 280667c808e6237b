package io.earnorm.ra.serverbench.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The harness outside the server, on a plain executor: a short step over a known operation
 * produces a well-formed result line that reads back as it was written. (The in-server run is
 * run-server-bench.sh; nothing here measures speed.)
 */
class HarnessTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aStepCountsCallsAndReadsBackFromItsLine() throws Exception {
        AtomicLong calls = new AtomicLong();
        StepResult result = new Harness(executor).run("sleep", "test", () -> {
            calls.incrementAndGet();
            Thread.sleep(1);
        }, 4, Duration.ofMillis(50), Duration.ofMillis(200));

        assertThat(result.operation()).isEqualTo("sleep");
        assertThat(result.workers()).isEqualTo(4);
        assertThat(result.calls()).isPositive().isLessThanOrEqualTo(calls.get());
        assertThat(result.errors()).isZero();
        assertThat(result.p50Micros()).isGreaterThanOrEqualTo(1000 * 0.98);
        assertThat(result.p50Micros()).isLessThanOrEqualTo(result.p99Micros());
        assertThat(result.p99Micros()).isLessThanOrEqualTo(result.p999Micros());
        assertThat(result.p999Micros()).isLessThanOrEqualTo(result.maxMicros());
        assertThat(result.bytesPerCall()).isGreaterThanOrEqualTo(0);

        String line = result.toLine();
        assertThat(line.split("\t", -1)).hasSize(14);
        StepResult read = StepResult.parse(line);
        assertThat(read.operation()).isEqualTo("sleep");
        assertThat(read.side()).isEqualTo("test");
        assertThat(read.calls()).isEqualTo(result.calls());
        assertThat(read.p99Micros()).isEqualTo(result.p99Micros(), org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void failedCallsAreCountedWithTheFirstError() throws Exception {
        StepResult result = new Harness(executor).run("fail", "test", () -> {
            throw new IllegalStateException("backend\tdown\nagain");
        }, 2, Duration.ZERO, Duration.ofMillis(50));

        assertThat(result.errors()).isPositive();
        assertThat(result.firstError()).isEqualTo("java.lang.IllegalStateException: backend down again");
        assertThat(StepResult.parse(result.toLine()).firstError()).isEqualTo(result.firstError());
    }

    @Test
    void aMalformedLineIsRefusedWithWhatWasWrong() {
        assertThatThrownBy(() -> StepResult.parse("pg-row\trar\t8"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("14 tab-separated fields")
                .hasMessageContaining("3");
    }

    @Test
    void histogramPercentilesStayWithinTheirBucket() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v = 1; v <= 100_000; v++) {
            h.record(v * 1000);
        }
        assertThat(h.count()).isEqualTo(100_000);
        assertThat(h.percentile(0.5)).isBetween(50_000_000L, (long) (50_000_000 * 1.016));
        assertThat(h.percentile(0.99)).isBetween(99_000_000L, (long) (99_000_000 * 1.016));
        assertThat(h.percentile(1.0)).isEqualTo(100_000_000L);
        assertThat(h.max()).isEqualTo(100_000_000L);
        assertThat(h.mean()).isEqualTo(50_000_500.0);
    }
}
