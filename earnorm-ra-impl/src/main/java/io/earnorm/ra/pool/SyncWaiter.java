package io.earnorm.ra.pool;

import java.util.concurrent.locks.LockSupport;

/**
 * A thread blocked in {@code acquire}: it parks until signalled or until its deadline. At the head
 * of the queue it serves itself: a returned connection only nudges it awake and it claims the
 * connection on its own thread. When it wakes to find the connection already taken by a newcomer,
 * it is marked {@link #overtaken}, and from then on connections are handed to it directly, so a
 * waiter is overtaken at most once.
 */
final class SyncWaiter<C> extends Waiter<C> {

    private final Thread thread;
    /** Set by whoever nudged this waiter because a connection went idle; cleared when it looks. */
    private volatile boolean nudged;
    /** A newcomer took a connection this waiter was nudged for; it gets the next one handed over. */
    volatile boolean overtaken;

    SyncWaiter(Thread thread, long startNanos, long deadlineNanos) {
        super(startNanos, deadlineNanos);
        this.thread = thread;
    }

    @Override
    void signal() {
        LockSupport.unpark(thread);
    }

    /**
     * Wakes the waiter to look for an idle connection itself. A waiter already nudged and not yet
     * looking is not unparked again: it will see every connection that went idle before it looks.
     */
    void nudge() {
        if (nudged) {
            return;
        }
        nudged = true;
        LockSupport.unpark(thread);
    }

    /** True (once) when the waiter was nudged since it last looked. */
    boolean takeNudge() {
        if (!nudged) {
            return false;
        }
        nudged = false;
        return true;
    }
}
