package io.earnorm.ra.metrics;

import io.earnorm.ra.api.pool.CloseReason;
import io.earnorm.ra.api.pool.PoolHistory;
import io.earnorm.ra.api.pool.PoolMarker;
import io.earnorm.ra.api.pool.PoolMetrics;
import io.earnorm.ra.api.pool.PoolStats;
import io.earnorm.ra.pool.PoolRecorder;
import io.earnorm.ra.pool.PoolRecorder.HistoryOptions;

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
        public PoolRecorder create(LongSupplier nanoClock, LongSupplier epochMillisClock, HistoryOptions history) {
            return new PoolMetricsRecorder(nanoClock, epochMillisClock, history);
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
    private final PoolHistoryRing history;

    /** A recorder with the default history, on the system clock's wall time. */
    public PoolMetricsRecorder(LongSupplier nanoClock) {
        this(nanoClock, System::currentTimeMillis, new HistoryOptions(HistoryOptions.DEFAULT_INTERVAL, HistoryOptions.DEFAULT_LENGTH));
    }

    public PoolMetricsRecorder(LongSupplier nanoClock, LongSupplier epochMillisClock, HistoryOptions historyOptions) {
        this.nanoClock = nanoClock;
        long now = nanoClock.getAsLong();
        this.acquireWait = new LatencyHistogram(RECENT_WINDOW, now);
        this.timeInUse = new LatencyHistogram(RECENT_WINDOW, now);
        this.openTime = new LatencyHistogram(RECENT_WINDOW, now);
        this.history = new PoolHistoryRing(historyOptions.interval(), historyOptions.length(), nanoClock, epochMillisClock, acquireWait.buckets());
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

    /** One history sample: the pool's gauges now, and what the counters and the acquire-wait buckets moved since the last. */
    @Override
    public void sample(PoolStats stats) {
        long[] closed = new long[REASONS.length];
        for (CloseReason reason : REASONS) {
            closed[reason.ordinal()] = closedByReason.get(reason.ordinal());
        }
        history.sample(stats, closed, backendErrors.get(), acquireWait.buckets());
    }

    @Override
    public PoolHistory history() {
        return history.history();
    }

    @Override
    public void poolReady() {
        history.mark(PoolMarker.Kind.READY, "");
    }

    @Override
    public void poolCleared(Throwable cause) {
        history.mark(PoolMarker.Kind.CLEARED, cause == null ? "requested" : cause.toString());
    }

    @Override
    public void poolClosed() {
        history.mark(PoolMarker.Kind.CLOSED, "");
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
