package io.earnorm.ra.pool;

import java.util.concurrent.atomic.AtomicInteger;

/** A connection of {@link FakeBackend}: no I/O, but it knows how many borrowers hold it. */
final class FakeConnection {

    final int number;
    /** Borrowers currently using it; a test that sees 2 has caught a double lend. */
    final AtomicInteger holders = new AtomicInteger();
    volatile boolean valid = true;
    volatile boolean closed;
    volatile int resets;

    FakeConnection(int number) {
        this.number = number;
    }

    /** Marks the start of a borrower's use and returns how many hold it now. */
    int enter() {
        return holders.incrementAndGet();
    }

    void exit() {
        holders.decrementAndGet();
    }

    @Override
    public String toString() {
        return "FakeConnection#" + number;
    }
}
