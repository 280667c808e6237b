package io.earnorm.ra.api.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One interval of a pool's {@link PoolHistory}. Gauges are read at the end of the interval; counts
 * are what happened during it (the difference of the pool's lifetime counters between this sample
 * and the one before; the first sample counts from the pool's creation).
 *
 * @param at                  when the sample was taken (the end of the interval)
 * @param interval            how long the interval lasted, by the pool's clock
 * @param state               the pool's state at {@code at}
 * @param open                open connections: in use + idle
 * @param inUse               connections held by borrowers
 * @param idle                idle connections
 * @param waiting             callers waiting to acquire
 * @param maxSize             the pool's maxSize
 * @param acquires            borrows that ended (the connection came back) during the interval
 * @param timeouts            acquires that timed out or found the pool exhausted
 * @param errors              connections lost to a failure (backend errors)
 * @param acquireP50          median acquire wait of the borrows that ended in the interval ({@code ZERO} when none)
 * @param acquireP99          99th percentile of the same
 * @param opened              connections opened
 * @param closedByReason      connections closed, per reason (every reason present)
 */
public record PoolSample(
        Instant at,
        Duration interval,
        PoolState state,
        int open,
        int inUse,
        int idle,
        int waiting,
        int maxSize,
        long acquires,
        long timeouts,
        long errors,
        Duration acquireP50,
        Duration acquireP99,
        long opened,
        Map<CloseReason, Long> closedByReason) {

    public PoolSample {
        closedByReason = Map.copyOf(closedByReason);
    }

    /** Connections closed during the interval, for any reason. */
    public long closed() {
        return closedByReason.values().stream().mapToLong(Long::longValue).sum();
    }
}
