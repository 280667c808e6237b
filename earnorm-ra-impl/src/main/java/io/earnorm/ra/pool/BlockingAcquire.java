package io.earnorm.ra.pool;

import java.util.concurrent.locks.LockSupport;

/**
 * The slow path of a blocking acquire: the caller queues behind everyone already waiting and parks
 * until a connection is handed to it, it is failed, or its one deadline passes. A caller whose
 * connection failed validation goes back to the head of the queue, keeping its turn.
 */
final class BlockingAcquire<C> {

    private final ConnectionPool<C> pool;

    BlockingAcquire(ConnectionPool<C> pool) {
        this.pool = pool;
    }

    PoolEntry<C> acquire(long start, long timeoutNanos) {
        long deadline = start + timeoutNanos;
        SyncWaiter<C> w = null;
        for (;;) {
            RuntimeException refusal = pool.errors.refusal(pool.lifecycle);
            if (refusal != null) {
                throw pool.checkOutFailed(refusal, start);
            }
            boolean retry = w != null;
            PoolEntry<C> e = retry || pool.queue.waiting() != 0 ? null : pool.claimLendable(pool.clock.nanoTime());
            if (e == null) {
                if (timeoutNanos == 0) {
                    pool.counters.timeouts.increment();
                    throw pool.checkOutFailed(pool.errors.exhausted(), start);
                }
                if (w == null) {
                    w = new SyncWaiter<>(Thread.currentThread(), start, deadline);
                } else {
                    w.rearm();
                }
                // A caller whose connection failed validation keeps its turn at the head.
                pool.handOff.enqueue(w, retry);
                e = await(w);
            }
            if (pool.validator.fitToLend(e, pool.clock.nanoTime(), deadline)) {
                return e;
            }
            if (w == null) {
                w = new SyncWaiter<>(Thread.currentThread(), start, deadline);
                w.rearm();
            }
            w.failedValidations++;
            if (deadline - pool.clock.nanoTime() <= 0) {
                pool.counters.timeouts.increment();
                throw pool.checkOutFailed(pool.errors.timedOut(w, pool.clock.nanoTime()), start);
            }
        }
    }

    /** Blocks the calling thread until a connection is handed to it, it is failed, or its deadline passes. */
    private PoolEntry<C> await(SyncWaiter<C> w) {
        for (;;) {
            int s = w.settledState();
            if (s == Waiter.FULFILLED) {
                PoolEntry<C> e = w.entry();
                if (Thread.currentThread().isInterrupted()) {
                    // Interrupted as the connection arrived: pass it on and honour the interrupt.
                    pool.handOff.passOn(e);
                    throw pool.checkOutFailed(pool.errors.interrupted(w, pool.clock.nanoTime()), w.startNanos);
                }
                return e;
            }
            if (s == Waiter.FAILED) {
                throw pool.checkOutFailed(w.failure(), w.startNanos);
            }
            boolean interrupted = Thread.currentThread().isInterrupted();
            long remaining = w.deadlineNanos - pool.clock.nanoTime();
            if (interrupted || remaining <= 0) {
                if (w.tryCancel()) {
                    pool.queue.withdraw(w);
                    if (interrupted) {
                        throw pool.checkOutFailed(pool.errors.interrupted(w, pool.clock.nanoTime()), w.startNanos);
                    }
                    pool.counters.timeouts.increment();
                    throw pool.checkOutFailed(pool.errors.timedOut(w, pool.clock.nanoTime()), w.startNanos);
                }
                continue;
            }
            LockSupport.parkNanos(this, remaining);
        }
    }
}
