package io.earnorm.ra.api.pool;

/** The pool is closed: acquires fail, and waiters are failed when it closes. */
public class PoolClosedException extends PoolException {

    private static final long serialVersionUID = 1L;

    public PoolClosedException(String poolName, String message) {
        super(poolName, message, null);
    }

    public PoolClosedException(String poolName, String message, Throwable cause) {
        super(poolName, message, cause);
    }
}
