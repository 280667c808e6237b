package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.CloseReason;
import io.earnorm.ra.api.pool.PoolMetrics;
import io.earnorm.ra.api.pool.PoolStats;

import java.util.function.LongSupplier;

/**
 * What the pool core reports beyond its events: the timings of borrows, opens and closes. The core
 * defines it and an observer implements it ({@code io.earnorm.ra.metrics} does, found through
 * {@link java.util.ServiceLoader} by {@link Factory}), so the core depends on no observer.
 *
 * <p>The borrow path calls {@link ConnectionRecorder#borrowEnded} on the recorder of the connection
 * it returns: one object per connection with one writer at a time, so an implementation can record
 * with plain stores and no allocation.
 */
public interface PoolRecorder {

    /** A connection opened in {@code openNanos}; the returned recorder times its borrows until it closes. */
    ConnectionRecorder connectionOpened(long openNanos);

    /** A connection closed, or failed to open ({@code connection} is then {@code null}). */
    void connectionClosed(ConnectionRecorder connection, CloseReason reason);

    /** Everything recorded so far, beside the pool's {@code stats}. */
    PoolMetrics snapshot(PoolStats stats);

    /** Where one connection's borrows are timed; written only by the connection's borrower of the moment. */
    interface ConnectionRecorder {

        /** A borrow ended: the borrower waited {@code waitNanos} for the connection and held it {@code heldNanos}. */
        void borrowEnded(long waitNanos, long heldNanos);
    }

    /** Makes the recorder of one pool; registered as a {@link java.util.ServiceLoader} service. */
    interface Factory {

        PoolRecorder create(LongSupplier nanoClock);
    }
}
