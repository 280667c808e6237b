package io.earnorm.ra.api.pool;

/**
 * A borrowed connection was used after it went back to its pool (or its pool retired it): every
 * call on a released connection fails with this exception instead of touching a connection that
 * may already belong to another borrower.
 */
public class ConnectionClosedException extends PoolException {

    private static final long serialVersionUID = 1L;

    public ConnectionClosedException(String poolName, String message) {
        super(poolName, message, null);
    }
}
