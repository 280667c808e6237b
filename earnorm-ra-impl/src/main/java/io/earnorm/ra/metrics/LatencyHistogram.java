package io.earnorm.ra.metrics;

import io.earnorm.ra.api.pool.LatencySummary;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Durations in buckets a quarter of a power of two wide (1 ns to about 150 years in 256 buckets).
 * Recording happens in {@link Recorder}s that have one writer at a time (the pool gives each
 * connection its own, and a connection has one borrower), so a record is a few plain stores:
 * no atomic instruction, no lock and no allocation on the borrow path. The histogram adds up its
 * recorders, and those retired, when asked for a {@link #summary}: count, total and max are
 * cumulative; percentiles cover a recent window, read by comparing the buckets with a copy taken
 * at least {@code window} earlier.
 */
public final class LatencyHistogram {

    private static final int SUB_BUCKETS = 4;
    static final int BUCKETS = 64 * SUB_BUCKETS;
    private static final int COUNT = BUCKETS;
    private static final int TOTAL = BUCKETS + 1;
    private static final int MAX = BUCKETS + 2;
    private static final int SLOTS = BUCKETS + 3;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final Duration window;
    // All guarded by this.
    private final List<Recorder> live = new ArrayList<>();
    private final long[] retired = new long[SLOTS];
    private long[] older = new long[BUCKETS];
    private long newerAt;
    private long[] newer = new long[BUCKETS];

    public LatencyHistogram(Duration window, long nowNanos) {
        this.window = window;
        this.newerAt = nowNanos;
    }

    /** A recorder whose figures count in this histogram until it is {@linkplain #retire retired}. */
    public synchronized Recorder newRecorder() {
        Recorder r = new Recorder();
        live.add(r);
        return r;
    }

    /** Folds a recorder that will record no more into the histogram's own figures. */
    public synchronized void retire(Recorder r) {
        if (live.remove(r)) {
            r.addTo(retired);
        }
    }

    /** Records one duration from any thread, for events too rare to need a recorder (opening a connection). */
    public synchronized void record(long nanos) {
        add(retired, nanos);
    }

    /** The cumulative figures and the percentiles of the last one to two windows. */
    public synchronized LatencySummary summary(long nowNanos) {
        long[] all = retired.clone();
        for (Recorder r : live) {
            r.addTo(all);
        }
        if (nowNanos - newerAt >= window.toNanos()) {
            older = newer;
            newer = java.util.Arrays.copyOf(all, BUCKETS);
            newerAt = nowNanos;
        }
        long[] recent = new long[BUCKETS];
        long recentCount = 0;
        for (int i = 0; i < BUCKETS; i++) {
            recent[i] = Math.max(0, all[i] - older[i]);
            recentCount += recent[i];
        }
        return new LatencySummary(all[COUNT], Duration.ofNanos(all[TOTAL]), Duration.ofNanos(all[MAX]), recentCount,
                percentile(recent, recentCount, 0.50), percentile(recent, recentCount, 0.95), percentile(recent, recentCount, 0.99));
    }

    /** The cumulative count of each bucket (index {@code i} as {@link #bucketOf}), for differences between two moments. */
    public synchronized long[] buckets() {
        long[] all = retired.clone();
        for (Recorder r : live) {
            r.addTo(all);
        }
        return java.util.Arrays.copyOf(all, BUCKETS);
    }

    /**
     * The {@code quantile} of the durations counted in {@code counts} (bucket counts as
     * {@link #buckets()} gives, or differences of them), as the largest value of its bucket.
     */
    public static Duration percentile(long[] counts, double quantile) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return percentile(counts, total, quantile);
    }

    private static void add(long[] data, long nanos) {
        long n = Math.max(0, nanos);
        data[bucketOf(n)]++;
        data[COUNT]++;
        data[TOTAL] += n;
        if (n > data[MAX]) {
            data[MAX] = n;
        }
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

    /**
     * One writer's share of a histogram. The writer may change (a connection passes from borrower
     * to borrower) as long as each hand-over happens-before the next record, which the pool's
     * claim of a connection guarantees. Readers see each slot whole (opaque access), perhaps a
     * record or two behind.
     */
    public static final class Recorder {

        private final long[] data = new long[SLOTS];

        private Recorder() {
        }

        public void record(long nanos) {
            long n = Math.max(0, nanos);
            increment(bucketOf(n), 1);
            increment(COUNT, 1);
            increment(TOTAL, n);
            if (n > (long) SLOT.getOpaque(data, MAX)) {
                SLOT.setOpaque(data, MAX, n);
            }
        }

        private void increment(int slot, long by) {
            SLOT.setOpaque(data, slot, (long) SLOT.getOpaque(data, slot) + by);
        }

        void addTo(long[] sums) {
            for (int i = 0; i < MAX; i++) {
                sums[i] += (long) SLOT.getOpaque(data, i);
            }
            sums[MAX] = Math.max(sums[MAX], (long) SLOT.getOpaque(data, MAX));
        }
    }
}
