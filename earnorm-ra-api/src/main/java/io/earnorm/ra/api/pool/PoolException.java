package io.earnorm.ra.api.pool;

import java.util.Objects;

/** The base of every failure a pool reports; it names the pool. */
public abstract class PoolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String poolName;

    protected PoolException(String poolName, String message, Throwable cause) {
        super("pool '" + poolName + "': " + message, cause);
        this.poolName = Objects.requireNonNull(poolName, "poolName");
    }

    /** The name of the pool that failed. */
    public String poolName() {
        return poolName;
    }
}
