package io.earnorm.ra.api;

/**
 * The server refused or failed an operation: a constraint violated, a syntax error, a wrong type,
 * a lost connection. The message names the backend and the operation; the cause is the driver's
 * exception. {@link #connectionLost()} tells whether the connection itself failed, in which case
 * the pool closes it instead of reusing it.
 */
public class EarnormBackendException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String backendType;
    private final String operation;
    private final boolean connectionLost;

    public EarnormBackendException(String backendType, String operation, String message, boolean connectionLost, Throwable cause) {
        super(message, cause);
        this.backendType = backendType;
        this.operation = operation;
        this.connectionLost = connectionLost;
    }

    public String backendType() {
        return backendType;
    }

    /** The operation (or SQL) that failed. */
    public String operation() {
        return operation;
    }

    /** True when the connection is gone (closed, reset, timed out) rather than the one operation refused. */
    public boolean connectionLost() {
        return connectionLost;
    }
}
