package io.earnorm.ra.api.pool;

import java.util.List;
import java.util.Map;

/**
 * One pool in JMX, under {@code io.earnorm.ra:type=Pool,backend=<backend>,name="<pool>"}: the
 * figures of {@link PoolMetrics} and the operation an operator needs in an incident. The resource
 * adapter registers one per pool in the platform MBean server while the pool is open.
 */
public interface PoolMXBean {

    String getName();

    String getBackendType();

    /** Where the pool connects, with any password masked. */
    String getAddress();

    /** {@code READY}, {@code PAUSED} or {@code CLOSED}. */
    String getState();

    int getTotal();

    int getActive();

    int getIdle();

    int getPending();

    int getOpening();

    int getMinSize();

    int getMaxSize();

    long getCreated();

    long getClosed();

    /** Closed connections per {@link CloseReason} name. */
    Map<String, Long> getClosedByReason();

    long getAcquireTimeouts();

    long getValidationFailures();

    long getLeaksDetected();

    long getBackendErrors();

    /** Acquire wait percentiles over the last one to two minutes, in milliseconds. */
    double getAcquireWaitP50Millis();

    double getAcquireWaitP95Millis();

    double getAcquireWaitP99Millis();

    double getAcquireWaitMaxMillis();

    double getTimeInUseP99Millis();

    double getOpenTimeP99Millis();

    /** {@code fleetMaxSize}: the connections all instances of the pool may hold together; 0 without a fleet budget ({@link FleetStats}). */
    int getFleetBudget();

    /** The pool's connections on the server, all instances together, at the last count. */
    int getFleetConnections();

    /** Instances of the pool the server showed at the last count, this one included. */
    int getFleetInstances();

    /** The connections this instance is entitled to whatever the others do. */
    int getFleetShare();

    /** False while the fleet cannot be counted on the server (the pool keeps to fleetMaxSize / instances). */
    boolean isFleetCounted();

    /**
     * The pool's {@link PoolHistory} samples, oldest first: one composite per interval (JMX
     * clients show them as a table). Times are epoch milliseconds, durations milliseconds.
     */
    List<HistorySample> getHistory();

    /** The pool's state changes of the {@link PoolHistory}, oldest first. */
    List<HistoryMarker> getHistoryMarkers();

    /** The time between two history samples, in milliseconds. */
    long getHistoryIntervalMillis();

    /**
     * One {@link PoolSample} in types every JMX client reads (an MXBean maps it to a
     * {@code CompositeData}).
     */
    record HistorySample(long atEpochMillis, double intervalMillis, String state, int open, int inUse, int idle, int waiting,
                         int maxSize, long acquires, long timeouts, long errors, double acquireP50Millis, double acquireP99Millis,
                         long opened, long closedStale, long closedIdle, long closedExpired, long closedError, long closedPoolClosed) {

        public static HistorySample of(PoolSample s) {
            Map<CloseReason, Long> c = s.closedByReason();
            return new HistorySample(s.at().toEpochMilli(), s.interval().toNanos() / 1e6, s.state().name(), s.open(), s.inUse(), s.idle(),
                    s.waiting(), s.maxSize(), s.acquires(), s.timeouts(), s.errors(), s.acquireP50().toNanos() / 1e6,
                    s.acquireP99().toNanos() / 1e6, s.opened(), c.getOrDefault(CloseReason.STALE, 0L), c.getOrDefault(CloseReason.IDLE, 0L),
                    c.getOrDefault(CloseReason.EXPIRED, 0L), c.getOrDefault(CloseReason.ERROR, 0L), c.getOrDefault(CloseReason.POOL_CLOSED, 0L));
        }
    }

    /** One {@link PoolMarker} in JMX types. */
    record HistoryMarker(long atEpochMillis, String kind, String detail) {

        public static HistoryMarker of(PoolMarker m) {
            return new HistoryMarker(m.at().toEpochMilli(), m.kind().name(), m.detail());
        }
    }

    /** Retires every connection and pauses the pool until the server answers a probe (a flush). */
    void clear();
}
