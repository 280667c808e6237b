package io.earnorm.ra.api.pool;

/**
 * A connection was given back wrongly: released twice, released after its pool closed it, or
 * released to a pool it does not belong to. The pool refuses it and lends nothing twice.
 */
public class IllegalReleaseException extends PoolException {

    private static final long serialVersionUID = 1L;

    public IllegalReleaseException(String poolName, String message) {
        super(poolName, message, null);
    }
}
