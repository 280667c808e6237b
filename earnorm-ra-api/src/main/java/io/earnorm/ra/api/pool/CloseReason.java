package io.earnorm.ra.api.pool;

/** Why the pool closed a connection. */
public enum CloseReason {
    /** It belonged to a generation of connections retired by {@code clear()}. */
    STALE,
    /** It stayed idle longer than {@code idleTimeout} while the pool held more than {@code minSize}. */
    IDLE,
    /** It reached {@code maxLifetime}. */
    EXPIRED,
    /** It failed: validation, reset, a backend error reported by its borrower, or it never opened. */
    ERROR,
    /** The pool was closed. */
    POOL_CLOSED,
    /**
     * It was given back to the server so that another instance of the pool, below its share of the
     * fleet budget ({@code fleetMaxSize}) and with callers waiting, can open one.
     */
    FLEET_SHARE
}
