package io.earnorm.ra.api.pool;

import java.time.Instant;

/**
 * A change of a pool's state in its {@link PoolHistory}, at the moment it happened (not rounded to
 * a sample).
 *
 * @param at     when the pool changed state
 * @param kind   what happened
 * @param detail the cause of a clear ({@code "requested"} when an operator or the application asked for it), or empty
 */
public record PoolMarker(Instant at, Kind kind, String detail) {

    public PoolMarker {
        detail = detail == null ? "" : detail;
    }

    /** What happened to the pool. */
    public enum Kind {
        /** The pool turned ready: at its start, or resumed when a paused pool's probe (or {@code ready()}) succeeded. */
        READY,
        /** The pool was cleared and paused: acquires fail fast until it is ready again. */
        CLEARED,
        /** The pool was closed. */
        CLOSED
    }
}
