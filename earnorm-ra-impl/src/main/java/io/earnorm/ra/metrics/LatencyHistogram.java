package io.earnorm.ra.metrics;

import io.earnorm.ra.api.pool.LatencySummary;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Durations in buckets a quarter of a power of two wide (1 ns to about 150 years in 256 buckets),
 * recorded with a few uncontended atomic additions and no allocation, so that it can sit on the
 * borrow path.
 * The count, total and max are cumulative; percentiles are read over a recent window by comparing
 * the buckets with a copy taken at least {@code window} earlier ({@link #summary}).
 */
public final class LatencyHistogram {

    private static final int SUB_BUCKETS = 4;
    private static final int BUCKETS = 64 * SUB_BUCKETS;

    /** Threads record into one of these stripes of buckets, so that borrowers on many cores rarely share a counter. */
    private static final int STRIPES = 8;

    private final AtomicLongArray buckets = new AtomicLongArray(STRIPES * BUCKETS);
    private final LongAdder count = new LongAdder();
    private final LongAdder totalNanos = new LongAdder();
    private final AtomicLong maxNanos = new AtomicLong();
    private final Duration window;

    // The window's baselines: 'older' is at least one window old, 'newer' younger; guarded by this.
    private long[] older = new long[BUCKETS];
    private long olderAt;
    private long[] newer = new long[BUCKETS];
    private long newerAt;

    public LatencyHistogram(Duration window, long nowNanos) {
        this.window = window;
        this.olderAt = nowNanos;
        this.newerAt = nowNanos;
    }

    public void record(long nanos) {
        long n = Math.max(0, nanos);
        int stripe = (int) (Thread.currentThread().getId() & (STRIPES - 1));
        buckets.incrementAndGet(stripe * BUCKETS + bucketOf(n));
        count.increment();
        totalNanos.add(n);
        long max = maxNanos.get();
        while (n > max && !maxNanos.compareAndSet(max, n)) {
            max = maxNanos.get();
        }
    }

    /** The cumulative figures and the percentiles of the last one to two windows. */
    public synchronized LatencySummary summary(long nowNanos) {
        long[] current = new long[BUCKETS];
        for (int i = 0; i < STRIPES * BUCKETS; i++) {
            current[i % BUCKETS] += buckets.get(i);
        }
        long windowNanos = window.toNanos();
        if (nowNanos - newerAt >= windowNanos) {
            older = newer;
            olderAt = newerAt;
            newer = current.clone();
            newerAt = nowNanos;
        }
        long[] recent = new long[BUCKETS];
        long recentCount = 0;
        for (int i = 0; i < BUCKETS; i++) {
            recent[i] = current[i] - older[i];
            recentCount += recent[i];
        }
        return new LatencySummary(count.sum(), Duration.ofNanos(totalNanos.sum()), Duration.ofNanos(maxNanos.get()), recentCount,
                percentile(recent, recentCount, 0.50), percentile(recent, recentCount, 0.95), percentile(recent, recentCount, 0.99));
    }

    private static Duration percentile(long[] counts, long total, double quantile) {
        if (total == 0) {
            return Duration.ZERO;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Duration.ofNanos(upperBoundOf(i));
            }
        }
        return Duration.ofNanos(upperBoundOf(BUCKETS - 1));
    }

    /** Bucket {@code 4e + s} holds [2^e (1 + s/4), 2^e (1 + (s+1)/4)); values below 4 have a bucket each. */
    static int bucketOf(long nanos) {
        if (nanos < SUB_BUCKETS) {
            return (int) nanos;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(nanos);
        int sub = (int) ((nanos >>> (exponent - 2)) & (SUB_BUCKETS - 1));
        return exponent * SUB_BUCKETS + sub;
    }

    /** The largest value bucket {@code index} holds. */
    static long upperBoundOf(int index) {
        if (index < SUB_BUCKETS) {
            return index;
        }
        int exponent = index / SUB_BUCKETS;
        int sub = index % SUB_BUCKETS;
        long base = 1L << exponent;
        long step = base >>> 2;
        long upper = base + (sub + 1) * step - 1;
        return upper < 0 ? Long.MAX_VALUE : upper;
    }
}
