package io.earnorm.ra.api.pool;

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

    /** Retires every connection and pauses the pool until the server answers a probe (a flush). */
    void clear();
}
