package io.earnorm.ra.microprofile;

import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.api.pool.PoolStats;

import java.util.Optional;

/** The rules that turn a pool's stats into health, apart from any health API so they can be tested alone. */
public final class PoolHealth {

    private PoolHealth() {
    }

    /**
     * Why the pool cannot serve now, or empty when it can: paused means the server did not answer
     * the last open or probe, and every acquire fails fast until it does.
     */
    public static Optional<String> notReady(PoolStats stats) {
        if (stats.state() == PoolState.PAUSED) {
            return Optional.of("paused: " + stats.backendType() + " does not answer; acquires fail until a probe succeeds");
        }
        if (stats.state() == PoolState.CLOSED) {
            return Optional.of("closed");
        }
        return Optional.empty();
    }

    /**
     * Why the pool will not recover by itself, or empty: every connection is held by a borrower
     * reported as leaked and callers are waiting, so only a restart frees the pool.
     */
    public static Optional<String> notLive(PoolStats stats) {
        if (stats.leaks() > 0 && stats.active() >= stats.maxSize() && stats.pending() > 0) {
            return Optional.of("exhausted by leaks: " + stats.active() + "/" + stats.maxSize() + " in use, "
                    + stats.leaks() + " leak(s) reported, " + stats.pending() + " waiting");
        }
        return Optional.empty();
    }
}
