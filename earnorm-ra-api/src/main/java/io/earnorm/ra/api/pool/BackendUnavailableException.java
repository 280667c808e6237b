package io.earnorm.ra.api.pool;

/** The pool is paused after a backend failure: acquires fail at once instead of waiting out the timeout, until a background probe finds the backend again. The cause, when known, is the failure that paused the pool. */
public class BackendUnavailableException extends PoolException {

    private static final long serialVersionUID = 1L;

    public BackendUnavailableException(String poolName, String message) {
        super(poolName, message, null);
    }

    public BackendUnavailableException(String poolName, String message, Throwable cause) {
        super(poolName, message, cause);
    }
}
