package io.earnorm.ra.api.pool;

/**
 * One pool as monitoring sees it: what it is, how it is doing, its events, and the one operation
 * an operator needs in an incident. The adapter's pools (each sub-pool of a connection definition)
 * and the plain-Java pools are all listed in {@link PoolRegistry#global()}.
 */
public interface ObservedPool {

    /** The pool's name (a connection definition's {@code poolName}, with the user of a sub-pool in brackets). */
    String name();

    /** {@code mongodb}, {@code redis}, {@code postgresql} or a custom type. */
    String backendType();

    /** Where the pool connects, with any password masked. */
    String address();

    PoolStats stats();

    PoolMetrics metrics();

    /**
     * The pool's recent past: one sample per interval (by default every 5 s over the last hour),
     * oldest first, and the moments it was cleared, paused or resumed. Recorded by a pool thread,
     * off the borrow path; {@link PoolHistory#EMPTY} for a pool that keeps none.
     */
    default PoolHistory history() {
        return PoolHistory.EMPTY;
    }

    /** Adds a listener of this pool's events; it is called on the pool's threads and must not block. */
    void addListener(PoolListener listener);

    void removeListener(PoolListener listener);

    /**
     * Retires every connection (idle ones at once, borrowed ones on release) and pauses the pool
     * until a probe reaches the server again.
     */
    void clear();
}
