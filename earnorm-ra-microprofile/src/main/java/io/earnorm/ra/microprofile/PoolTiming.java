package io.earnorm.ra.microprofile;

/** The timers fed by each pool's events. */
public enum PoolTiming {

    ACQUIRE_WAIT("earnorm.pool.acquire.wait", "Time from the start of an acquire to the hand-over of a connection"),
    IN_USE("earnorm.pool.connections.use", "Time from hand-over to release"),
    OPEN("earnorm.pool.connections.open.time", "Time to open and ready a new connection");

    private final String metricName;
    private final String description;

    PoolTiming(String metricName, String description) {
        this.metricName = metricName;
        this.description = description;
    }

    public String metricName() {
        return metricName;
    }

    public String description() {
        return description;
    }
}
