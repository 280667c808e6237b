package io.earnorm.ra.pool;

import java.time.Duration;

/** Real time plus an offset a test moves forward, so that idle, lifetime and leak rules need no sleeping. */
final class TestClock implements PoolClock {

    private volatile long offsetNanos;

    void advance(Duration d) {
        offsetNanos += d.toNanos();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime() + offsetNanos;
    }

    @Override
    public long currentTimeMillis() {
        return System.currentTimeMillis() + offsetNanos / 1_000_000;
    }
}
