package io.earnorm.ra.api.pool;

import java.time.Duration;

/**
 * A consistent-enough snapshot of one pool: the seed's health report fields plus lifetime
 * counters. Gauges are read one after another without stopping the pool, so under load they may
 * disagree by a connection or two; counters only grow.
 *
 * @param poolName           the pool's name
 * @param backendType        {@code mongodb}, {@code redis}, {@code postgresql} or a custom type
 * @param state              ready, paused or closed
 * @param total              open connections: in use + idle (not counting those being opened)
 * @param active             connections held by borrowers
 * @param available          idle connections ready to be handed out
 * @param pending            callers waiting to acquire
 * @param opening            connections being opened
 * @param minSize            configured minimum
 * @param maxSize            configured maximum
 * @param created            connections opened since the pool was created
 * @param closed             connections closed since the pool was created (including failed opens)
 * @param timeouts           acquires that ended with a timeout or exhaustion
 * @param validationFailures connections that failed validation
 * @param leaks              borrows reported as leaked
 * @param averageIdleTime    mean idle time of the idle connections ({@code ZERO} when none)
 * @param averageLifetime    mean age of the open connections ({@code ZERO} when none)
 * @param staleConnections   open connections due for retirement: of a cleared generation or past their lifetime
 * @param fleet              the fleet budget shared with the pool's other instances; {@link FleetStats#NONE} without one
 */
public record PoolStats(
        String poolName,
        String backendType,
        PoolState state,
        int total,
        int active,
        int available,
        int pending,
        int opening,
        int minSize,
        int maxSize,
        long created,
        long closed,
        long timeouts,
        long validationFailures,
        long leaks,
        Duration averageIdleTime,
        Duration averageLifetime,
        int staleConnections,
        FleetStats fleet) {

    public PoolStats {
        fleet = fleet == null ? FleetStats.NONE : fleet;
    }

    /** A snapshot of a pool without a fleet budget. */
    public PoolStats(String poolName, String backendType, PoolState state, int total, int active, int available, int pending, int opening,
                     int minSize, int maxSize, long created, long closed, long timeouts, long validationFailures, long leaks,
                     Duration averageIdleTime, Duration averageLifetime, int staleConnections) {
        this(poolName, backendType, state, total, active, available, pending, opening, minSize, maxSize, created, closed, timeouts,
                validationFailures, leaks, averageIdleTime, averageLifetime, staleConnections, FleetStats.NONE);
    }

    /** In-use connections as a share of {@code maxSize}, from 0.0 to 1.0. */
    public double usageRatio() {
        return maxSize == 0 ? 0.0 : (double) active / maxSize;
    }

    /** True while the pool is ready. */
    public boolean healthy() {
        return state == PoolState.READY;
    }
}
