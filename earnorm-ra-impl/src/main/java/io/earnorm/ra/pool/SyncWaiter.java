package io.earnorm.ra.pool;

import java.util.concurrent.locks.LockSupport;

/** A thread blocked in {@code acquire}: it parks until signalled or until its deadline. */
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
