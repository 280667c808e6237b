package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.CloseReason;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The lifetime rules of one pool, as predicates over an entry and a time: stale (an older
 * generation), past its maxLifetime, idle past idleTimeout. Checkout and housekeeping ask the same
 * question, {@link #retirementReason}, so a connection housekeeping would retire is never lent.
 */
final class Lifetimes {

    /** A connection used this recently is lent without validation, as DESIGN.md says. */
    static final long VALIDATION_SKIP_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** Lifetimes are shortened by up to this share, so that connections opened together do not all expire together. */
    private static final double LIFETIME_JITTER = 0.025;
    private static final long MAX_JITTER_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final int minSize;
    private final long maxLifetimeNanos;
    private final long idleTimeoutNanos;

    Lifetimes(PoolConfig config) {
        this.minSize = config.minSize();
        this.maxLifetimeNanos = config.maxLifetime().toNanos();
        this.idleTimeoutNanos = config.idleTimeout().toNanos();
    }

    static boolean isStale(PoolEntry<?> e, int generation) {
        return e.generation != generation;
    }

    static boolean pastMaxLifetime(PoolEntry<?> e, long now) {
        return e.lifetimeNanos != 0 && now - e.createdNanos >= e.lifetimeNanos;
    }

    /** Idle longer than idleTimeout while the pool holds more than minSize connections ({@code live}). */
    boolean pastMaxIdleTime(PoolEntry<?> e, long now, int live) {
        return idleTimeoutNanos != 0 && live > minSize && now - e.lastUsedNanos >= idleTimeoutNanos;
    }

    /** Why an idle entry must be closed rather than kept or lent, or {@code null} when it may be lent. */
    CloseReason retirementReason(PoolEntry<?> e, int generation, long now, int live) {
        if (isStale(e, generation)) {
            return CloseReason.STALE;
        }
        if (pastMaxLifetime(e, now)) {
            return CloseReason.EXPIRED;
        }
        if (pastMaxIdleTime(e, now, live)) {
            return CloseReason.IDLE;
        }
        return null;
    }

    /** Why a returned entry must be closed rather than kept, or {@code null}: idle time does not count, it was just used. */
    static CloseReason returnReason(PoolEntry<?> e, int generation, long now) {
        if (isStale(e, generation)) {
            return CloseReason.STALE;
        }
        return pastMaxLifetime(e, now) ? CloseReason.EXPIRED : null;
    }

    /** True when validation on borrow is due: the connection was not used in the last 500 ms. */
    static boolean validationDue(PoolEntry<?> e, long now) {
        return now - e.lastUsedNanos >= VALIDATION_SKIP_NANOS;
    }

    /** maxLifetime less a random jitter, or 0 for no limit. */
    long lifetimeWithJitter() {
        if (maxLifetimeNanos == 0) {
            return 0;
        }
        long jitter = (long) Math.min(MAX_JITTER_NANOS, maxLifetimeNanos * LIFETIME_JITTER);
        return maxLifetimeNanos - (jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(jitter + 1));
    }
}
