package io.earnorm.ra.api.pool;

import java.time.Duration;

/**
 * How long one kind of pool operation took (waiting to acquire, holding a connection, opening
 * one). The count, total and max cover the pool's whole life; the percentiles cover the recent
 * window, the last one to two minutes, so they show the pool as it is now. Percentiles are read
 * from buckets a quarter of a power of two wide: within 19% of the true value.
 *
 * @param count        operations since the pool was created
 * @param total        their summed duration
 * @param max          the longest of them
 * @param recentCount  operations in the recent window
 * @param p50          median of the recent window ({@code ZERO} when it is empty)
 * @param p95          95th percentile of the recent window
 * @param p99          99th percentile of the recent window
 */
public record LatencySummary(long count, Duration total, Duration max, long recentCount, Duration p50, Duration p95, Duration p99) {

    /** Nothing measured yet. */
    public static final LatencySummary EMPTY = new LatencySummary(0, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /** The mean over the pool's life ({@code ZERO} when nothing was measured). */
    public Duration mean() {
        return count == 0 ? Duration.ZERO : total.dividedBy(count);
    }
}
