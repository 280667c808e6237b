package io.earnorm.ra.serverbench.harness;

/**
 * Call durations in nanoseconds, counted in log-linear buckets (64 per power of two, so a
 * percentile is within 1.6% of the true value), with the exact sum and maximum. Recording
 * allocates nothing, so that a worker's allocation count is the operation's alone. One per worker;
 * not thread-safe.
 */
final class LatencyHistogram {

    /** Values below this are counted exactly, one bucket each. */
    private static final int EXACT = 128;
    private static final int SUB_BUCKETS = 64;
    private static final int BUCKETS = 64 * SUB_BUCKETS;

    private final long[] counts = new long[BUCKETS];
    private long count;
    private long sum;
    private long max;

    void record(long nanos) {
        long value = Math.max(0, nanos);
        counts[index(value)]++;
        count++;
        sum += value;
        max = Math.max(max, value);
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        count += other.count;
        sum += other.sum;
        max = Math.max(max, other.max);
    }

    long count() {
        return count;
    }

    long max() {
        return max;
    }

    double mean() {
        return count == 0 ? 0 : (double) sum / count;
    }

    /** The smallest recorded value (to bucket precision) that at least {@code fraction} of the calls did not exceed. */
    long percentile(double fraction) {
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * count));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(highestIn(i), max);
            }
        }
        return max;
    }

    static int index(long value) {
        if (value < EXACT) {
            return (int) value;
        }
        int shift = 63 - Long.numberOfLeadingZeros(value) - 6;
        return shift * SUB_BUCKETS + (int) (value >>> shift);
    }

    static long highestIn(int index) {
        if (index < EXACT) {
            return index;
        }
        int shift = index / SUB_BUCKETS - 1;
        long sub = index - (long) shift * SUB_BUCKETS;
        return ((sub + 1) << shift) - 1;
    }
}
