package io.earnorm.ra.api.pool;

/** An acquire waited its whole deadline (the acquire timeout, including any validation retries) without getting a connection. */
public class AcquireTimeoutException extends PoolException {

    private static final long serialVersionUID = 1L;

    public AcquireTimeoutException(String poolName, String message) {
        super(poolName, message, null);
    }

    public AcquireTimeoutException(String poolName, String message, Throwable cause) {
        super(poolName, message, cause);
    }
}
