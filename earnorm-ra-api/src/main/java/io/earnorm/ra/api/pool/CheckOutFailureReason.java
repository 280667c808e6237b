package io.earnorm.ra.api.pool;

/** Why an acquire ended without a connection. */
public enum CheckOutFailureReason {
    /** The acquire timeout passed, or nothing was free and the caller would not wait. */
    TIMEOUT,
    /** The pool was closed before or while waiting. */
    POOL_CLOSED,
    /** The backend failed: the pool is paused, or a connection could not be opened. */
    CONNECTION_ERROR,
    /** The waiting thread was interrupted. */
    INTERRUPTED,
    /** The caller cancelled its asynchronous acquire. */
    CANCELLED
}
