package io.earnorm.ra.api.pool;

import java.util.Map;

/**
 * Everything published about one pool: its {@link PoolStats} and the counters and timings the
 * stats do not carry.
 *
 * @param stats           gauges and lifetime counters
 * @param closedByReason  connections closed since the pool was created, per reason (every reason present)
 * @param backendErrors   connections lost to a failure: broken in use, failed validation or reset, or never opened
 * @param acquireWait     time from the start of an acquire to the hand-over of a connection (recorded when the connection comes back)
 * @param timeInUse       time from hand-over to release
 * @param openTime        time to open and ready a new connection
 */
public record PoolMetrics(
        PoolStats stats,
        Map<CloseReason, Long> closedByReason,
        long backendErrors,
        LatencySummary acquireWait,
        LatencySummary timeInUse,
        LatencySummary openTime) {

    public PoolMetrics {
        closedByReason = Map.copyOf(closedByReason);
    }
}
