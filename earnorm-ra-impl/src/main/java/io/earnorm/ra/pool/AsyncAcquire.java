package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.CheckOutFailureReason;
import io.earnorm.ra.api.pool.CloseReason;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Acquires without a waiting thread: the caller's future waits in the same FIFO queue as blocked
 * threads, completed on the thread that hands a connection over; validation, when due, runs on a
 * pool thread, and one scheduled task per waiter enforces its deadline.
 */
final class AsyncAcquire<C> {

    private final ConnectionPool<C> pool;

    AsyncAcquire(ConnectionPool<C> pool) {
        this.pool = pool;
    }

    CompletionStage<PooledConnection<C>> acquire(long timeoutNanos) {
        long start = pool.clock.nanoTime();
        pool.listeners.checkOutStarted(pool.name);
        RuntimeException refusal = pool.errors.refusal(pool.lifecycle);
        if (refusal != null) {
            pool.checkOutFailed(refusal, start);
            return CompletableFuture.failedFuture(refusal);
        }
        AsyncWaiter<C> w = new AsyncWaiter<>(start, start + timeoutNanos, this::onSignal);
        w.future.whenComplete((lease, error) -> {
            if (error instanceof CancellationException && w.tryCancel()) {
                pool.queue.withdraw(w);
                pool.listeners.checkOutFailed(pool.name, CheckOutFailureReason.CANCELLED, pool.clock.nanoTime() - start);
            }
        });
        PoolEntry<C> e;
        if (pool.queue.waiting() == 0 && (e = pool.claimLendable(start)) != null) {
            // Hand it over through the waiter so that validation, if due, runs off the caller's thread.
            w.tryFulfil(e);
            onSignal(w);
            return w.future;
        }
        if (timeoutNanos == 0) {
            pool.counters.timeouts.increment();
            RuntimeException error = pool.errors.exhausted();
            pool.checkOutFailed(error, start);
            return CompletableFuture.failedFuture(error);
        }
        pool.handOff.enqueue(w, false);
        scheduleDeadline(w);
        return w.future;
    }

    private void scheduleDeadline(AsyncWaiter<C> w) {
        try {
            w.deadlineTask = pool.executor.schedule(() -> {
                if (w.tryCancel()) {
                    pool.queue.withdraw(w);
                    pool.counters.timeouts.increment();
                    RuntimeException error = pool.errors.timedOut(w, pool.clock.nanoTime());
                    pool.checkOutFailed(error, w.startNanos);
                    w.future.completeExceptionally(error);
                }
            }, Math.max(0, w.deadlineNanos - pool.clock.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            pool.queue.fail(w, pool.errors.closed());
        }
        if (w.state() != Waiter.WAITING) {
            w.cancelDeadline();
        }
    }

    /** Runs on the thread that ended an asynchronous waiter. */
    private void onSignal(AsyncWaiter<C> w) {
        int s = w.settledState();
        if (s == Waiter.FAILED) {
            fail(w, w.failure());
            return;
        }
        if (s != Waiter.FULFILLED) {
            return;
        }
        PoolEntry<C> e = w.entry();
        long now = pool.clock.nanoTime();
        if (pool.validateOnBorrow && Lifetimes.validationDue(e, now)) {
            try {
                pool.executor.execute(() -> validate(w, e));
            } catch (RejectedExecutionException closing) {
                pool.closer.retire(e, CloseReason.POOL_CLOSED, null);
                fail(w, pool.errors.closed());
            }
            return;
        }
        deliver(w, e, now);
    }

    private void validate(AsyncWaiter<C> w, PoolEntry<C> e) {
        if (pool.validator.fitToLend(e, pool.clock.nanoTime(), w.deadlineNanos)) {
            deliver(w, e, pool.clock.nanoTime());
            return;
        }
        w.failedValidations++;
        if (w.deadlineNanos - pool.clock.nanoTime() <= 0) {
            pool.counters.timeouts.increment();
            fail(w, pool.errors.timedOut(w, pool.clock.nanoTime()));
            return;
        }
        w.rearm();
        pool.handOff.enqueue(w, true);
        if (w.deadlineTask == null) {
            scheduleDeadline(w);
        }
    }

    private void fail(AsyncWaiter<C> w, RuntimeException error) {
        w.cancelDeadline();
        pool.checkOutFailed(error, w.startNanos);
        w.future.completeExceptionally(error);
    }

    private void deliver(AsyncWaiter<C> w, PoolEntry<C> e, long now) {
        w.cancelDeadline();
        pool.markBorrowed(e, w.startNanos, now);
        PooledConnection<C> lease = new PooledConnection<>(e, e.state());
        if (!w.future.complete(lease)) {
            // The caller cancelled as the connection arrived.
            lease.close();
        }
    }
}
