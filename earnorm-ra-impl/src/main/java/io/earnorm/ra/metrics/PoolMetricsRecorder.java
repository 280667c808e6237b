package io.earnorm.ra.metrics;

import io.earnorm.ra.api.pool.CloseReason;
import io.earnorm.ra.api.pool.PoolListener;
import io.earnorm.ra.api.pool.PoolMetrics;
import io.earnorm.ra.api.pool.PoolStats;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * Turns one pool's events into what {@link PoolMetrics} holds beyond its stats: closes per reason,
 * backend errors, and the acquire-wait, time-in-use and open-time histograms. Recording is a few
 * atomic additions, so it can listen to every borrow.
 */
public final class PoolMetricsRecorder implements PoolListener {

    /** How far back the percentiles look: one to two of these. */
    public static final Duration RECENT_WINDOW = Duration.ofMinutes(1);

    private static final CloseReason[] REASONS = CloseReason.values();

    private final LongSupplier nanoClock;
    private final AtomicLongArray closedByReason = new AtomicLongArray(REASONS.length);
    private final AtomicLong backendErrors = new AtomicLong();
    private final LatencyHistogram acquireWait;
    private final LatencyHistogram timeInUse;
    private final LatencyHistogram openTime;

    public PoolMetricsRecorder(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        long now = nanoClock.getAsLong();
        this.acquireWait = new LatencyHistogram(RECENT_WINDOW, now);
        this.timeInUse = new LatencyHistogram(RECENT_WINDOW, now);
        this.openTime = new LatencyHistogram(RECENT_WINDOW, now);
    }

    public PoolMetrics snapshot(PoolStats stats) {
        long now = nanoClock.getAsLong();
        Map<CloseReason, Long> closed = new EnumMap<>(CloseReason.class);
        for (CloseReason reason : REASONS) {
            closed.put(reason, closedByReason.get(reason.ordinal()));
        }
        return new PoolMetrics(stats, closed, backendErrors.get(), acquireWait.summary(now), timeInUse.summary(now), openTime.summary(now));
    }

    @Override
    public void connectionReady(String pool, long connectionId, long openNanos) {
        openTime.record(openNanos);
    }

    @Override
    public void connectionClosed(String pool, long connectionId, CloseReason reason, Throwable cause) {
        closedByReason.incrementAndGet(reason.ordinal());
        if (reason == CloseReason.ERROR) {
            backendErrors.incrementAndGet();
        }
    }

    @Override
    public void checkedOut(String pool, long connectionId, long waitNanos) {
        acquireWait.record(waitNanos);
    }

    @Override
    public void checkedIn(String pool, long connectionId, long heldNanos) {
        timeInUse.record(heldNanos);
    }
}
