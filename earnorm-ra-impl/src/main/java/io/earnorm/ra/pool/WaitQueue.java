package io.earnorm.ra.pool;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The one strict FIFO queue of a pool's waiters, blocked and asynchronous alike. Whoever frees a
 * connection while someone waits hands it to the head through {@link #handOff}; a newcomer that
 * sees {@link #waiting()} above zero queues behind instead of taking an idle connection, so a newer
 * acquire is never served before an older one still waiting.
 *
 * <p>{@link #waiting()} counts the waiters still in state WAITING: it is raised before a waiter is
 * queued and lowered by whoever ends one (hand-off, failure or the owner's withdrawal), so a
 * releaser that reads zero knows no waiter was queued before its read.
 */
final class WaitQueue<C> {

    private final ConcurrentLinkedDeque<Waiter<C>> waiters = new ConcurrentLinkedDeque<>();
    private final AtomicInteger waiting = new AtomicInteger();

    int waiting() {
        return waiting.get();
    }

    /** Queues a waiter at the tail, or at the head for one whose connection failed validation (it keeps its turn). */
    void add(Waiter<C> w, boolean atHead) {
        waiting.incrementAndGet();
        if (atHead) {
            waiters.offerFirst(w);
        } else {
            waiters.offerLast(w);
        }
    }

    /** Gives an entry the caller owns (IN_USE) to the oldest waiter still waiting; false when none took it. */
    boolean handOff(PoolEntry<C> e) {
        Waiter<C> w;
        while ((w = waiters.pollFirst()) != null) {
            if (w.tryFulfil(e)) {
                waiting.decrementAndGet();
                w.signal();
                return true;
            }
        }
        return false;
    }

    /** Removes a waiter its owner cancelled (timeout, interrupt, cancellation). */
    void withdraw(Waiter<C> w) {
        waiting.decrementAndGet();
        waiters.remove(w);
    }

    /** Fails one queued waiter that is still waiting; used just after it was queued, when the pool stopped being ready. */
    boolean fail(Waiter<C> w, RuntimeException error) {
        if (w.tryFail(error)) {
            waiting.decrementAndGet();
            waiters.remove(w);
            w.signal();
            return true;
        }
        return false;
    }

    void failAll(Supplier<RuntimeException> error) {
        Waiter<C> w;
        while ((w = waiters.pollFirst()) != null) {
            if (w.tryFail(error.get())) {
                waiting.decrementAndGet();
                w.signal();
            }
        }
    }

    /** Fails the oldest waiter still waiting, as after a failed open made for it. */
    void failOldest(RuntimeException error) {
        Waiter<C> w;
        while ((w = waiters.pollFirst()) != null) {
            if (w.tryFail(error)) {
                waiting.decrementAndGet();
                w.signal();
                return;
            }
        }
    }
}
