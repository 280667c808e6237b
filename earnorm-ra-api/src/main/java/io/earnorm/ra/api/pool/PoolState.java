package io.earnorm.ra.api.pool;

/** The life of a pool: it hands out connections only while {@link #READY}. */
public enum PoolState {
    /** Hands out connections. */
    READY,
    /**
     * Cleared after a backend failure: acquires fail at once with {@link BackendUnavailableException}
     * until a background probe (or an explicit {@code ready()}) succeeds.
     */
    PAUSED,
    /** Closed for good. */
    CLOSED
}
