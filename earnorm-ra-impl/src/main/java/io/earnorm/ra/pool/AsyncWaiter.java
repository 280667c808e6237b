package io.earnorm.ra.pool;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/**
 * A caller of {@code acquireAsync}: no thread waits; the pool completes the future on the thread
 * that hands the connection over, and one scheduled task enforces the deadline.
 */
final class AsyncWaiter<C> extends Waiter<C> {

    final CompletableFuture<PooledConnection<C>> future = new CompletableFuture<>();
    private final Consumer<AsyncWaiter<C>> onSignal;
    volatile ScheduledFuture<?> deadlineTask;

    AsyncWaiter(long startNanos, long deadlineNanos, Consumer<AsyncWaiter<C>> onSignal) {
        super(startNanos, deadlineNanos);
        this.onSignal = onSignal;
    }

    @Override
    void signal() {
        onSignal.accept(this);
    }

    void cancelDeadline() {
        ScheduledFuture<?> task = deadlineTask;
        if (task != null) {
            task.cancel(false);
        }
    }
}
