package io.earnorm.ra.pool;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend with no I/O whose behaviour a test sets: opens can be held at a gate or made to fail,
 * validation can fail or hang for its whole time bound, and every open and close is counted.
 */
final class FakeBackend implements Backend<FakeConnection> {

    /** An error the backend calls "server unavailable"; it pauses the pool. */
    static final class ServerDown extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ServerDown(String message) {
            super(message);
        }
    }

    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger closedCount = new AtomicInteger();
    final AtomicInteger openAttempts = new AtomicInteger();
    final AtomicInteger openingNow = new AtomicInteger();
    final AtomicInteger maxOpeningAtOnce = new AtomicInteger();
    final AtomicInteger maxOpenAtOnce = new AtomicInteger();
    final AtomicInteger validations = new AtomicInteger();
    final AtomicInteger shutdowns = new AtomicInteger();
    /** Connections still open when the backend was shut down. */
    volatile int openAtShutdown = -1;
    final List<FakeConnection> connections = new CopyOnWriteArrayList<>();
    /** The time bound of every validation, in the order they ran. */
    final List<Duration> validationBudgets = new CopyOnWriteArrayList<>();
    /** Errors the next opens throw, one each. */
    final ConcurrentLinkedQueue<RuntimeException> openFailures = new ConcurrentLinkedQueue<>();

    /** While set, every open throws it. */
    volatile RuntimeException failAllOpens;
    /** While set, opens wait for a permit. */
    volatile Semaphore openGate;
    /** While true, validation waits out its whole bound and then fails, as a hung server would make it. */
    volatile boolean validationHangs;
    volatile boolean resetFails;
    volatile boolean closeFails;

    @Override
    public String type() {
        return "fake";
    }

    @Override
    public String describe() {
        return "fake://test";
    }

    @Override
    public FakeConnection open() throws Exception {
        openAttempts.incrementAndGet();
        int now = openingNow.incrementAndGet();
        maxOpeningAtOnce.accumulateAndGet(now, Math::max);
        try {
            Semaphore gate = openGate;
            if (gate != null) {
                gate.acquire();
            }
            RuntimeException failure = failAllOpens;
            if (failure == null) {
                failure = openFailures.poll();
            }
            if (failure != null) {
                throw failure;
            }
            FakeConnection c = new FakeConnection(opened.incrementAndGet());
            connections.add(c);
            maxOpenAtOnce.accumulateAndGet(openCount(), Math::max);
            return c;
        } finally {
            openingNow.decrementAndGet();
        }
    }

    @Override
    public boolean validate(FakeConnection connection, Duration timeout) throws Exception {
        validations.incrementAndGet();
        validationBudgets.add(timeout);
        if (validationHangs) {
            TimeUnit.NANOSECONDS.sleep(timeout.toNanos());
            return false;
        }
        return connection.valid && !connection.closed;
    }

    @Override
    public void reset(FakeConnection connection) {
        connection.resets++;
        if (resetFails) {
            throw new IllegalStateException("reset failed");
        }
    }

    @Override
    public void shutdown() {
        shutdowns.incrementAndGet();
        openAtShutdown = openCount();
    }

    @Override
    public void close(FakeConnection connection) {
        if (connection.closed) {
            throw new AssertionError(connection + " closed twice");
        }
        connection.closed = true;
        closedCount.incrementAndGet();
        if (closeFails) {
            throw new IllegalStateException("close failed");
        }
    }

    @Override
    public boolean isServerUnavailable(Throwable error) {
        return error instanceof ServerDown;
    }

    /** Connections opened and not yet closed. */
    int openCount() {
        return opened.get() - closedCount.get();
    }
}
