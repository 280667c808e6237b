package io.earnorm.ra.metrics;

import io.earnorm.ra.api.pool.CloseReason;
import io.earnorm.ra.api.pool.PoolMetrics;
import io.earnorm.ra.api.pool.PoolStats;
import io.earnorm.ra.pool.PoolRecorder;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * What {@link PoolMetrics} holds beyond a pool's stats: closes per reason, backend errors, and the
 * acquire-wait, time-in-use and open-time histograms. The pool core calls it through its own {@link PoolRecorder} interface rather than as a
 * listener: borrow and return record into the {@link ConnectionTimings} of the connection they
 * move (plain stores), the rare events here use atomics.
 */
public final class PoolMetricsRecorder implements PoolRecorder {

    /** How the pool core finds this recorder: a {@link java.util.ServiceLoader} service of the core's factory interface. */
    public static final class Factory implements PoolRecorder.Factory {
        @Override
        public PoolRecorder create(LongSupplier nanoClock) {
            return new PoolMetricsRecorder(nanoClock);
        }
    }

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

    /** The recorders of one new connection; give them back with {@link #connectionClosed}. */
    @Override
    public ConnectionTimings connectionOpened(long openNanos) {
        openTime.record(openNanos);
        return new ConnectionTimings(acquireWait.newRecorder(), timeInUse.newRecorder());
    }

    /** A connection closed; {@code timings} is null for one that never opened. */
    @Override
    public void connectionClosed(ConnectionRecorder connection, CloseReason reason) {
        if (connection instanceof ConnectionTimings timings) {
            acquireWait.retire(timings.acquireWait());
            timeInUse.retire(timings.timeInUse());
        }
        closedByReason.incrementAndGet(reason.ordinal());
        if (reason == CloseReason.ERROR) {
            backendErrors.incrementAndGet();
        }
    }

    @Override
    public PoolMetrics snapshot(PoolStats stats) {
        long now = nanoClock.getAsLong();
        Map<CloseReason, Long> closed = new EnumMap<>(CloseReason.class);
        for (CloseReason reason : REASONS) {
            closed.put(reason, closedByReason.get(reason.ordinal()));
        }
        return new PoolMetrics(stats, closed, backendErrors.get(), acquireWait.summary(now), timeInUse.summary(now), openTime.summary(now));
    }

    /** Where one connection's borrows are timed: written only by its borrower of the moment. */
    public record ConnectionTimings(LatencyHistogram.Recorder acquireWait, LatencyHistogram.Recorder timeInUse) implements ConnectionRecorder {
        @Override
        public void borrowEnded(long waitNanos, long heldNanos) {
            acquireWait.record(waitNanos);
            timeInUse.record(heldNanos);
        }
    }
}
