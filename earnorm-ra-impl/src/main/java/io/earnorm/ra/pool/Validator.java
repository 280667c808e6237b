package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.CloseReason;

import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Validation with a time bound: on borrow (skipped for a connection used in the last 500 ms, and
 * bounded by what is left of the borrower's deadline), on return, by keepalive and on a holder's
 * request. A connection that fails is closed, never lent.
 */
final class Validator<C> {

    private static final System.Logger LOG = System.getLogger(Validator.class.getName());

    private final ConnectionPool<C> pool;

    Validator(ConnectionPool<C> pool) {
        this.pool = pool;
    }

    /**
     * Validates a claimed entry when the rules ask for it; a failed one is retired and the caller
     * looks again. Validation is bounded by what is left of the caller's deadline.
     */
    boolean fitToLend(PoolEntry<C> e, long now, long deadline) {
        if (!pool.validateOnBorrow || !Lifetimes.validationDue(e, now)) {
            return true;
        }
        long budget = Math.min(pool.validationTimeoutNanos, deadline - now);
        if (budget <= 0) {
            // No time left to validate: pass it on untouched rather than fail a good connection.
            pool.handOff.passOn(e);
            return false;
        }
        if (validate(e, budget)) {
            return true;
        }
        pool.closer.retire(e, CloseReason.ERROR, null);
        return false;
    }

    boolean validate(PoolEntry<C> e, long timeoutNanos) {
        boolean valid;
        try {
            valid = pool.backend.validate(e.connection, Duration.ofNanos(timeoutNanos));
        } catch (Exception | LinkageError x) {
            valid = false;
        }
        if (!valid) {
            pool.counters.validationFailures.increment();
            LOG.log(Level.INFO, () -> "pool '" + pool.name + "': connection #" + e.id + " failed validation and is closed");
            pool.listeners.validationFailed(pool.name, e.id);
        }
        return valid;
    }

    /** Validates a borrowed connection now, for its borrower. */
    boolean ping(PoolEntry<C> e) {
        boolean valid = validate(e, pool.validationTimeoutNanos);
        if (!valid) {
            // Its borrower holds it still; it is retired when it comes back.
            e.broken = true;
        }
        return valid;
    }

}
