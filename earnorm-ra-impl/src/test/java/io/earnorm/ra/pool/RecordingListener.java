package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.CheckOutFailureReason;
import io.earnorm.ra.api.pool.CloseReason;
import io.earnorm.ra.api.pool.PoolListener;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Counts every event a pool publishes and keeps the ones a test may inspect. */
final class RecordingListener implements PoolListener {

    final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    final List<String> log = new CopyOnWriteArrayList<>();
    final Map<Long, CloseReason> closeReasons = new ConcurrentHashMap<>();
    final List<CheckOutFailureReason> checkOutFailures = new CopyOnWriteArrayList<>();
    final List<Throwable> leakStacks = new CopyOnWriteArrayList<>();
    final List<Long> checkedOutIds = new CopyOnWriteArrayList<>();
    /** Keep the per-borrow log off for stress runs. */
    volatile boolean logBorrows = true;

    long count(String event) {
        AtomicLong c = counts.get(event);
        return c == null ? 0 : c.get();
    }

    private void hit(String event, String detail) {
        counts.computeIfAbsent(event, k -> new AtomicLong()).incrementAndGet();
        if (detail != null) {
            log.add(detail);
        }
    }

    @Override
    public void poolCreated(String pool, String options) {
        hit("poolCreated", "poolCreated");
    }

    @Override
    public void poolReady(String pool) {
        hit("poolReady", "poolReady");
    }

    @Override
    public void poolCleared(String pool, int generation, Throwable cause) {
        hit("poolCleared", "poolCleared " + generation);
    }

    @Override
    public void poolClosed(String pool) {
        hit("poolClosed", "poolClosed");
    }

    @Override
    public void connectionCreated(String pool, long id) {
        hit("connectionCreated", "connectionCreated " + id);
    }

    @Override
    public void connectionReady(String pool, long id, long openNanos) {
        hit("connectionReady", "connectionReady " + id);
    }

    @Override
    public void connectionClosed(String pool, long id, CloseReason reason, Throwable cause) {
        closeReasons.put(id, reason);
        hit("connectionClosed", "connectionClosed " + id + " " + reason);
    }

    @Override
    public void validationFailed(String pool, long id) {
        hit("validationFailed", "validationFailed " + id);
    }

    @Override
    public void checkOutStarted(String pool) {
        hit("checkOutStarted", logBorrows ? "checkOutStarted" : null);
    }

    @Override
    public void checkOutFailed(String pool, CheckOutFailureReason reason, long waitNanos) {
        checkOutFailures.add(reason);
        hit("checkOutFailed", logBorrows ? "checkOutFailed " + reason : null);
    }

    @Override
    public void checkedOut(String pool, long id, long waitNanos) {
        if (logBorrows) {
            checkedOutIds.add(id);
        }
        hit("checkedOut", logBorrows ? "checkedOut " + id : null);
    }

    @Override
    public void checkedIn(String pool, long id, long heldNanos) {
        hit("checkedIn", logBorrows ? "checkedIn " + id : null);
    }

    @Override
    public void leakDetected(String pool, long id, Duration held, Throwable borrowedAt) {
        leakStacks.add(borrowedAt);
        hit("leakDetected", "leakDetected " + id);
    }
}
