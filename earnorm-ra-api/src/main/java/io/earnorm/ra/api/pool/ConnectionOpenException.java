package io.earnorm.ra.api.pool;

/** A new connection could not be opened; the cause is the driver's error. */
public class ConnectionOpenException extends PoolException {

    private static final long serialVersionUID = 1L;

    public ConnectionOpenException(String poolName, String message) {
        super(poolName, message, null);
    }

    public ConnectionOpenException(String poolName, String message, Throwable cause) {
        super(poolName, message, cause);
    }
}
