package io.earnorm.ra.api.pool;

import java.time.Duration;

/**
 * Receives one call for each pool and connection event. Metrics, health checks, JMX and logs are
 * built on these calls and on {@link PoolStats}; nothing else reaches into a pool.
 *
 * <p>The events of the borrow/return path ({@link #checkOutStarted}, {@link #checkedOut},
 * {@link #checkedIn}) carry primitives instead of event objects so that a listener costs no
 * allocation on that path. Connection ids increase from 1 within a pool. Methods are called on the
 * thread that caused the event, must return quickly and must not throw; an exception thrown by a
 * listener is logged and otherwise ignored.
 */
public interface PoolListener {

    /** The pool was created with the given (already validated) options, described as text. */
    default void poolCreated(String pool, String options) {
    }

    /** The pool turned ready: after creation, or when a paused pool's probe succeeded. */
    default void poolReady(String pool) {
    }

    /**
     * Every connection of {@code generation} and older was retired and the pool paused.
     *
     * @param cause the backend failure that triggered the clear, or {@code null} when requested
     */
    default void poolCleared(String pool, int generation, Throwable cause) {
    }

    /** The pool was closed. */
    default void poolClosed(String pool) {
    }

    /** The pool began to open connection {@code connectionId}. */
    default void connectionCreated(String pool, long connectionId) {
    }

    /** Connection {@code connectionId} is open and usable; opening it took {@code openNanos}. */
    default void connectionReady(String pool, long connectionId, long openNanos) {
    }

    /**
     * Connection {@code connectionId} was closed, or failed to open ({@link CloseReason#ERROR}).
     *
     * @param cause the failure behind an {@code ERROR}, or {@code null}
     */
    default void connectionClosed(String pool, long connectionId, CloseReason reason, Throwable cause) {
    }

    /** A connection failed validation (on borrow, on return or by keepalive). */
    default void validationFailed(String pool, long connectionId) {
    }

    /** A caller started to acquire a connection. */
    default void checkOutStarted(String pool) {
    }

    /** An acquire ended without a connection after {@code waitNanos}. */
    default void checkOutFailed(String pool, CheckOutFailureReason reason, long waitNanos) {
    }

    /** Connection {@code connectionId} was handed to a caller who waited {@code waitNanos} for it. */
    default void checkedOut(String pool, long connectionId, long waitNanos) {
    }

    /** Connection {@code connectionId} came back after being held for {@code heldNanos}. */
    default void checkedIn(String pool, long connectionId, long heldNanos) {
    }

    /**
     * Connection {@code connectionId} has been held longer than {@code leakDetectionThreshold}.
     *
     * @param borrowedAt a throwable whose stack trace is the borrower's when it acquired the connection
     */
    default void leakDetected(String pool, long connectionId, Duration held, Throwable borrowedAt) {
    }
}
