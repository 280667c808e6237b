package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.CloseReason;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The pool's periodic pass: retires idle connections that are stale, expired or idle too long
 * (the same rule as checkout, {@link Lifetimes#retirementReason}), validates idle connections due
 * for keepalive, reports leaks, and asks the opener to refill to minSize.
 */
final class Housekeeper<C> {

    private static final System.Logger LOG = System.getLogger(Housekeeper.class.getName());
    private static final long MIN_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(25);
    private static final long MAX_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ConnectionPool<C> pool;
    private final long keepaliveNanos;
    private final long leakNanos;
    private final Duration leakThreshold;

    Housekeeper(ConnectionPool<C> pool, PoolConfig config) {
        this.pool = pool;
        this.keepaliveNanos = config.keepaliveInterval().toNanos();
        this.leakNanos = config.leakDetectionThreshold().toNanos();
        this.leakThreshold = config.leakDetectionThreshold();
    }

    /** A quarter of the shortest timer, between 25 ms and 1 s. */
    static long periodNanos(PoolConfig config) {
        long shortest = Long.MAX_VALUE;
        for (Duration d : new Duration[] {config.idleTimeout(), config.maxLifetime(), config.keepaliveInterval(), config.leakDetectionThreshold()}) {
            long n = d.toNanos();
            if (n > 0) {
                shortest = Math.min(shortest, n / 4);
            }
        }
        return Math.max(MIN_PERIOD_NANOS, Math.min(MAX_PERIOD_NANOS, shortest));
    }

    void runQuietly() {
        try {
            run();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "pool '" + pool.name + "': housekeeping failed; it runs again next period", e);
        }
    }

    /** One pass; runs periodically and is called directly by tests. */
    void run() {
        if (pool.lifecycle.isClosed()) {
            return;
        }
        long now = pool.clock.nanoTime();
        int generation = pool.lifecycle.generation();
        PoolEntry<C>[] es = pool.entries.snapshot();
        int live = es.length;
        for (PoolEntry<C> e : es) {
            long s = e.state();
            long tag = PoolEntry.tag(s);
            if (tag == PoolEntry.IDLE) {
                if (pool.lifetimes.retirementReason(e, generation, now, live) != null && e.tryReserve()) {
                    CloseReason reason = pool.lifetimes.retirementReason(e, generation, now, live);
                    if (reason != null) {
                        pool.closer.retire(e, reason, null);
                        live--;
                        continue;
                    }
                    pool.handOff.makeIdle(e);
                }
                if (keepaliveNanos != 0 && now - Math.max(e.lastUsedNanos, e.lastValidatedNanos) >= keepaliveNanos && e.tryReserve()) {
                    try {
                        pool.executor.execute(() -> keepalive(e));
                    } catch (RejectedExecutionException closing) {
                        pool.handOff.makeIdle(e);
                    }
                }
            } else if (tag == PoolEntry.IN_USE && leakNanos != 0) {
                checkLeak(e, s, now);
            }
        }
        pool.opener.fill();
    }

    /** Validates an idle connection it reserved; a live one goes to the head waiter or back to idle. */
    private void keepalive(PoolEntry<C> e) {
        if (pool.validator.validate(e, pool.validationTimeoutNanos)) {
            e.lastValidatedNanos = pool.clock.nanoTime();
            e.markInUse();
            pool.handOff.passOn(e);
        } else {
            pool.closer.retire(e, CloseReason.ERROR, null);
        }
    }

    private void checkLeak(PoolEntry<C> e, long s, long now) {
        PoolEntry.BorrowRecord r = e.borrowRecord;
        if (r == null || r.stamp != s || r.reported || now - r.borrowedNanos < leakNanos) {
            return;
        }
        r.reported = true;
        pool.counters.leaks.increment();
        Duration held = Duration.ofNanos(now - r.borrowedNanos);
        LOG.log(Level.WARNING, "pool '" + pool.name + "': connection #" + e.id + " has been held for " + held.toMillis()
                + " ms, longer than leakDetectionThreshold=" + Durations.format(leakThreshold) + "; it was borrowed at", r.stack);
        pool.listeners.leakDetected(pool.name, e.id, held, r.stack);
    }
}
