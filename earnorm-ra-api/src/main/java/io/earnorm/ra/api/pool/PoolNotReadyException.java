package io.earnorm.ra.api.pool;

/**
 * The pool was created but not yet initialised: a pool starts paused, as the MongoDB connection
 * pooling specification has it, and hands out connections only after {@code init()} (or
 * {@code ready()}) made it ready. The acquire fails at once instead of waiting.
 */
public class PoolNotReadyException extends PoolException {

    private static final long serialVersionUID = 1L;

    public PoolNotReadyException(String poolName, String message) {
        super(poolName, message, null);
    }
}
