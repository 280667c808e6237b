package io.earnorm.ra.metrics;

import io.earnorm.ra.api.pool.CloseReason;
import io.earnorm.ra.api.pool.PoolHistory;
import io.earnorm.ra.api.pool.PoolMarker;
import io.earnorm.ra.api.pool.PoolSample;
import io.earnorm.ra.api.pool.PoolStats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One pool's history: a ring of {@link PoolSample}s of fixed size and a smaller ring of
 * {@link PoolMarker}s; once full, each new entry overwrites the oldest, so it never grows. A
 * sample's counts are the differences between the pool's lifetime counters (and acquire-wait
 * buckets) now and at the sample before, so nothing is counted twice and nothing is lost between
 * two samples. Written by the pool's sampler thread and its state changes, read by monitoring;
 * everything is guarded by this, and none of it is on the borrow path.
 */
final class PoolHistoryRing {

    /** Markers kept: state changes are rare, and 64 cover many outages within the sampled hour. */
    static final int MARKERS = 64;

    private static final CloseReason[] REASONS = CloseReason.values();

    private final Duration interval;
    private final LongSupplier nanoClock;
    private final LongSupplier epochMillisClock;
    private final PoolSample[] samples;
    private final PoolMarker[] markers = new PoolMarker[MARKERS];
    private long samplesTaken;
    private long markersTaken;
    // The cumulative figures at the last sample; zero at the pool's creation.
    private long lastNanos;
    private long lastCreated;
    private long lastTimeouts;
    private long lastErrors;
    private final long[] lastClosed = new long[REASONS.length];
    private long[] lastWaitBuckets;

    PoolHistoryRing(Duration interval, int length, LongSupplier nanoClock, LongSupplier epochMillisClock, long[] waitBucketsAtStart) {
        this.interval = interval;
        this.samples = new PoolSample[length];
        this.nanoClock = nanoClock;
        this.epochMillisClock = epochMillisClock;
        this.lastNanos = nanoClock.getAsLong();
        this.lastWaitBuckets = waitBucketsAtStart;
    }

    /**
     * Records the interval since the last sample from the pool's {@code s}tats and the recorder's
     * cumulative figures: closes per reason (by ordinal), backend errors and acquire-wait buckets.
     */
    synchronized void sample(PoolStats s, long[] closedByReason, long backendErrors, long[] waitBuckets) {
        long now = nanoClock.getAsLong();
        Map<CloseReason, Long> closed = new EnumMap<>(CloseReason.class);
        for (CloseReason reason : REASONS) {
            long total = closedByReason[reason.ordinal()];
            closed.put(reason, total - lastClosed[reason.ordinal()]);
            lastClosed[reason.ordinal()] = total;
        }
        long[] waits = new long[waitBuckets.length];
        long acquires = 0;
        for (int i = 0; i < waits.length; i++) {
            waits[i] = Math.max(0, waitBuckets[i] - lastWaitBuckets[i]);
            acquires += waits[i];
        }
        PoolSample sample = new PoolSample(Instant.ofEpochMilli(epochMillisClock.getAsLong()), Duration.ofNanos(now - lastNanos), s.state(),
                s.total(), s.active(), s.available(), s.pending(), s.maxSize(), acquires, s.timeouts() - lastTimeouts,
                backendErrors - lastErrors, LatencyHistogram.percentile(waits, 0.50), LatencyHistogram.percentile(waits, 0.99),
                s.created() - lastCreated, closed);
        lastNanos = now;
        lastCreated = s.created();
        lastTimeouts = s.timeouts();
        lastErrors = backendErrors;
        lastWaitBuckets = waitBuckets;
        samples[(int) (samplesTaken++ % samples.length)] = sample;
    }

    synchronized void mark(PoolMarker.Kind kind, String detail) {
        markers[(int) (markersTaken++ % MARKERS)] = new PoolMarker(Instant.ofEpochMilli(epochMillisClock.getAsLong()), kind, detail);
    }

    synchronized PoolHistory history() {
        return new PoolHistory(interval, samples.length, oldestFirst(samples, samplesTaken), oldestFirst(markers, markersTaken));
    }

    private static <T> List<T> oldestFirst(T[] ring, long taken) {
        int kept = (int) Math.min(taken, ring.length);
        List<T> out = new ArrayList<>(kept);
        for (long i = taken - kept; i < taken; i++) {
            out.add(ring[(int) (i % ring.length)]);
        }
        return out;
    }
}
