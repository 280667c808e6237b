package io.earnorm.ra.pool;

import java.util.concurrent.locks.LockSupport;

/**
 * A thread blocked in {@code acquire}: it parks until a connection is handed to it, it is failed,
 * or its deadline passes. It never takes a connection for itself while queued; whoever frees one
 * hands it to the head of the queue, so waiters are served strictly in arrival order.
 */
final class SyncWaiter<C> extends Waiter<C> {

    private final Thread thread;

    SyncWaiter(Thread thread, long startNanos, long deadlineNanos) {
        super(startNanos, deadlineNanos);
        this.thread = thread;
    }

    @Override
    void signal() {
        LockSupport.unpark(thread);
    }
}
