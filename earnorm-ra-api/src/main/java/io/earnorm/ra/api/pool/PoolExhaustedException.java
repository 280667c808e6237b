package io.earnorm.ra.api.pool;

/** Nothing was free and the caller asked not to wait (an acquire timeout of zero). */
public class PoolExhaustedException extends PoolException {

    private static final long serialVersionUID = 1L;

    public PoolExhaustedException(String poolName, String message) {
        super(poolName, message, null);
    }

    public PoolExhaustedException(String poolName, String message, Throwable cause) {
        super(poolName, message, cause);
    }
}
