package io.earnorm.ra.bench.pool;

import io.earnorm.ra.pool.Backend;

import java.time.Duration;

/** A backend whose connections are plain objects: opening, validating and closing cost nothing. */
final class NoOpBackend implements Backend<Object> {

    @Override
    public String type() {
        return "noop";
    }

    @Override
    public String describe() {
        return "nowhere (benchmark stub)";
    }

    @Override
    public Object open() {
        return new Object();
    }

    @Override
    public boolean validate(Object connection, Duration timeout) {
        return true;
    }

    @Override
    public void close(Object connection) {
    }
}
