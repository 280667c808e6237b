package io.earnorm.ra.microprofile;

import io.earnorm.ra.pool.Backend;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A backend whose connections are numbers and whose server can be switched off. */
final class ScriptedBackend implements Backend<Long> {

    private final AtomicLong ids = new AtomicLong();
    volatile boolean serverDown;

    @Override
    public String type() {
        return "scripted";
    }

    @Override
    public String describe() {
        return "nowhere:0";
    }

    @Override
    public Long open() throws Exception {
        if (serverDown) {
            throw new ConnectException("connection refused");
        }
        return ids.incrementAndGet();
    }

    @Override
    public boolean validate(Long connection, Duration timeout) {
        return !serverDown;
    }

    @Override
    public void close(Long connection) {
    }

    @Override
    public boolean isServerUnavailable(Throwable error) {
        return error instanceof ConnectException;
    }
}
