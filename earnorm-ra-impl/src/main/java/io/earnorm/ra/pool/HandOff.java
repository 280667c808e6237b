package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.CloseReason;

import java.lang.System.Logger.Level;

/**
 * The fair hand-off: every connection freed (returned, newly opened, passed keepalive) goes to the
 * head of the wait queue directly while anyone waits, and only goes idle when nobody does. The
 * return path ({@link #checkIn}) is a stamp check and one compare-and-set when nobody waits.
 */
final class HandOff<C> {

    private static final System.Logger LOG = System.getLogger(HandOff.class.getName());

    private final ConnectionPool<C> pool;

    HandOff(ConnectionPool<C> pool) {
        this.pool = pool;
    }

    /** Puts a waiter in the queue, then makes sure something will serve it. */
    void enqueue(Waiter<C> w, boolean atHead) {
        pool.queue.add(w, atHead);
        // A pause or close that ran just before the add missed this waiter: fail it here.
        RuntimeException refusal = pool.errors.refusal(pool.lifecycle);
        if (refusal != null && pool.queue.fail(w, refusal)) {
            return;
        }
        // An idle connection serves the queue before a new one is opened for it.
        serveWaiters();
        pool.opener.fill();
    }

    /** Called by {@link PooledConnection#close()}; {@code borrowState} identifies the borrow. */
    void checkIn(PoolEntry<C> e, long borrowState) {
        if (e.state() != borrowState) {
            if (e.interruptedBorrow == borrowState) {
                return; // closed under its holder by clear(cause, true): nothing to give back
            }
            throw pool.errors.releasedTwice(e);
        }
        long now = pool.clock.nanoTime();
        e.recorder.borrowEnded(e.waitNanos, now - e.borrowedNanos);
        pool.listeners.checkedIn(pool.name, e.id, now - e.borrowedNanos);
        e.lastUsedNanos = now;
        CloseReason reason = null;
        Throwable cause = null;
        if (e.broken) {
            reason = CloseReason.ERROR;
            cause = e.brokenCause;
        } else if (pool.lifecycle.isClosed()) {
            reason = CloseReason.POOL_CLOSED;
        } else if (pool.fleet.shouldShrink()) {
            reason = CloseReason.FLEET_SHARE;
        } else if ((reason = Lifetimes.returnReason(e, pool.lifecycle.generation(), now)) == null) {
            if (pool.testOnReturn && !pool.validator.validate(e, pool.validationTimeoutNanos)) {
                reason = CloseReason.ERROR;
            } else {
                try {
                    pool.backend.reset(e.connection);
                } catch (Exception | LinkageError x) {
                    reason = CloseReason.ERROR;
                    cause = x;
                    LOG.log(Level.WARNING, () -> "pool '" + pool.name + "': connection #" + e.id + " could not be reset for reuse and is closed: " + x);
                }
            }
        }
        boolean handOver = reason == null && pool.queue.waiting() != 0;
        if (!e.transition(borrowState, reason != null || handOver ? PoolEntry.RESERVED : PoolEntry.IDLE)) {
            if (e.interruptedBorrow == borrowState) {
                return;
            }
            throw pool.errors.releasedTwice(e);
        }
        if (reason != null) {
            pool.closer.retire(e, reason, cause);
        } else if (handOver) {
            e.markInUse();
            passOn(e);
        } else {
            afterIdle(e);
        }
    }

    /**
     * Gives an entry the caller owns (IN_USE) to the head waiter, or makes it idle when nobody
     * waits. Used for every freed connection: returned, newly opened, passed keepalive.
     */
    void passOn(PoolEntry<C> e) {
        if (pool.queue.waiting() != 0 && pool.lifecycle.isReady() && pool.queue.handOff(e)) {
            return;
        }
        makeIdle(e);
    }

    /** Puts an entry the caller owns back to idle, then lets a waiter that came meanwhile have it. */
    void makeIdle(PoolEntry<C> e) {
        e.set(PoolEntry.IDLE);
        afterIdle(e);
    }

    private void afterIdle(PoolEntry<C> e) {
        if (!pool.lifecycle.isReady()) {
            // Went idle while the pool stopped being ready: close it if the pool is closed or it is stale.
            boolean closed = pool.lifecycle.isClosed();
            if ((closed || Lifetimes.isStale(e, pool.lifecycle.generation())) && e.tryReserve()) {
                pool.closer.retire(e, closed ? CloseReason.POOL_CLOSED : CloseReason.STALE, null);
            }
        }
        if (pool.queue.waiting() != 0) {
            serveWaiters();
        }
    }

    /** Hands idle entries to the head of the queue while anyone waits. */
    void serveWaiters() {
        while (pool.queue.waiting() > 0 && pool.lifecycle.isReady()) {
            PoolEntry<C> e = pool.claimLendable(pool.clock.nanoTime());
            if (e == null) {
                return;
            }
            if (!pool.queue.handOff(e)) {
                // The waiter counted is between being counted and being queued. It looks for an idle
                // entry once queued, but may have looked while this one was claimed here: put it
                // back and look again while anyone is still counted.
                e.set(PoolEntry.IDLE);
                Thread.onSpinWait();
            }
        }
    }
}
