package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.PoolState;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A pool's state (PAUSED, READY, CLOSED) and connection generation, as the MongoDB connection
 * pooling specification defines them. A pool starts paused and not yet initialised; the first
 * {@link #makeReady} initialises it. Every change happens under {@link #lock}, and the event that
 * reports it ({@code poolReady}, {@code poolCleared}) is emitted under the same lock, so listeners
 * see the changes in the order they happened. The lock is never held while talking to a backend.
 */
final class Lifecycle {

    /** Guards state, generation, the pause's cause and admission of new entries. */
    final Object lock = new Object();

    private final String pool;
    private final Listeners listeners;
    private final ScheduledExecutorService executor;
    private final long probeNanos;
    private final Runnable probeTask;

    private volatile PoolState state = PoolState.PAUSED;
    private volatile boolean initialized;
    private volatile int generation;
    private volatile Throwable pauseCause;
    private ScheduledFuture<?> probe; // guarded by lock

    Lifecycle(String pool, Listeners listeners, ScheduledExecutorService executor, long probeNanos, Runnable probeTask) {
        this.pool = pool;
        this.listeners = listeners;
        this.executor = executor;
        this.probeNanos = probeNanos;
        this.probeTask = probeTask;
    }

    PoolState state() {
        return state;
    }

    boolean isReady() {
        return state == PoolState.READY;
    }

    boolean isClosed() {
        return state == PoolState.CLOSED;
    }

    /** False until the pool was first made ready; a paused pool that was never ready refuses with "call init()". */
    boolean initialized() {
        return initialized;
    }

    int generation() {
        return generation;
    }

    Throwable pauseCause() {
        return pauseCause;
    }

    /** PAUSED → READY, emitting {@code poolReady}; false when the pool was not paused. */
    boolean makeReady() {
        synchronized (lock) {
            if (state != PoolState.PAUSED) {
                return false;
            }
            state = PoolState.READY;
            initialized = true;
            pauseCause = null;
            if (probe != null) {
                probe.cancel(false);
                probe = null;
            }
            listeners.poolReady(pool);
            return true;
        }
    }

    /**
     * READY → PAUSED with a new generation, emitting {@code poolCleared}, and starts the probe.
     * Returns the generation retired, or -1 when the pool was not ready: clearing a paused (or
     * closed) pool changes nothing and emits nothing. A failure seen on generation
     * {@code failedGeneration} (any when negative) clears only while it is still current, so the
     * connections and opens of one generation that fail together in one outage clear it once.
     */
    int clear(Throwable cause, int failedGeneration) {
        synchronized (lock) {
            if (state != PoolState.READY || failedGeneration >= 0 && failedGeneration != generation) {
                return -1;
            }
            int retired = generation;
            generation = retired + 1;
            pauseCause = cause;
            state = PoolState.PAUSED;
            if (probe == null) {
                probe = executor.scheduleWithFixedDelay(probeTask, probeNanos, probeNanos, TimeUnit.NANOSECONDS);
            }
            listeners.poolCleared(pool, retired, cause);
            return retired;
        }
    }

    /** → CLOSED; false when it already was. The caller emits {@code poolClosed} once its connections are closed. */
    boolean close() {
        synchronized (lock) {
            if (state == PoolState.CLOSED) {
                return false;
            }
            state = PoolState.CLOSED;
            if (probe != null) {
                probe.cancel(false);
                probe = null;
            }
            return true;
        }
    }

    /**
     * Runs {@code first}, then {@code add} when a newly opened entry of {@code entryGeneration} may join
     * the pool: it is not closed, not cleared since the open began, and ready (or {@code probing}).
     */
    boolean admit(int entryGeneration, boolean probing, Runnable first, Runnable add) {
        synchronized (lock) {
            first.run();
            boolean ok = state != PoolState.CLOSED && entryGeneration == generation && (probing || state == PoolState.READY);
            if (ok) {
                add.run();
            }
            return ok;
        }
    }
}
