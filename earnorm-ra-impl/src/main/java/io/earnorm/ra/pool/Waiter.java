package io.earnorm.ra.pool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One caller waiting in a pool's FIFO queue, blocked ({@link SyncWaiter}) or asynchronous
 * ({@link AsyncWaiter}). A waiter ends exactly once: fulfilled with an entry, failed with an
 * exception, or cancelled by its owner (timeout, interrupt, cancellation); a compare-and-set on
 * its state decides which, so a connection is never handed to a waiter that already gave up.
 */
abstract class Waiter<C> {

    static final int WAITING = 0;
    /** Won by a fulfiller who is still writing the entry; becomes FULFILLED a moment later. */
    static final int FULFILLING = 1;
    static final int FULFILLED = 2;
    static final int FAILING = 3;
    static final int FAILED = 4;
    static final int CANCELLED = 5;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Waiter.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final long startNanos;
    final long deadlineNanos;
    /** Validations failed for this caller so far; a retry goes back to the head of the queue. */
    int failedValidations;

    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state;
    private PoolEntry<C> entry;
    private RuntimeException failure;

    Waiter(long startNanos, long deadlineNanos) {
        this.startNanos = startNanos;
        this.deadlineNanos = deadlineNanos;
    }

    final int state() {
        return state;
    }

    /** Hands {@code e} (owned by the caller, IN_USE) to this waiter; false when it already ended. */
    final boolean tryFulfil(PoolEntry<C> e) {
        if (!STATE.compareAndSet(this, WAITING, FULFILLING)) {
            return false;
        }
        entry = e;
        state = FULFILLED;
        return true;
    }

    /** Ends this waiter with {@code error}; false when it already ended. */
    final boolean tryFail(RuntimeException error) {
        if (!STATE.compareAndSet(this, WAITING, FAILING)) {
            return false;
        }
        failure = error;
        state = FAILED;
        return true;
    }

    /** Called by the owner when it gives up; false when a fulfiller or failer got there first. */
    final boolean tryCancel() {
        return STATE.compareAndSet(this, WAITING, CANCELLED);
    }

    /** Waits out the short step between winning the state and publishing the result. */
    final int settledState() {
        int s;
        while ((s = state) == FULFILLING || s == FAILING) {
            Thread.onSpinWait();
        }
        return s;
    }

    final PoolEntry<C> entry() {
        return entry;
    }

    final RuntimeException failure() {
        return failure;
    }

    /** Makes a fulfilled waiter wait again after the entry it got failed validation. */
    final void rearm() {
        entry = null;
        failure = null;
        state = WAITING;
    }

    /** Tells the owner that this waiter ended; called once, by whoever ended it. */
    abstract void signal();
}
