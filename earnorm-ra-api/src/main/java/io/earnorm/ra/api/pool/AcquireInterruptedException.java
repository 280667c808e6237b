package io.earnorm.ra.api.pool;

/** The thread was interrupted while waiting for a connection. Its interrupt flag stays set. */
public class AcquireInterruptedException extends PoolException {

    private static final long serialVersionUID = 1L;

    public AcquireInterruptedException(String poolName, String message) {
        super(poolName, message, null);
    }

    public AcquireInterruptedException(String poolName, String message, Throwable cause) {
        super(poolName, message, cause);
    }
}
