package io.earnorm.ra.microprofile;

import io.earnorm.ra.api.pool.CloseReason;
import io.earnorm.ra.api.pool.ObservedPool;
import io.earnorm.ra.api.pool.PoolState;

import java.util.function.ToLongFunction;

/**
 * The figures read from a pool each time {@code /metrics} is scraped. The counts that only grow
 * are read from the pool too (named {@code ..._total}), so they equal its stats exactly, including
 * what happened before the application started.
 */
public enum PoolGauge {

    OPEN("earnorm.pool.connections.open", "Open connections, in use and idle", p -> p.stats().total()),
    IN_USE("earnorm.pool.connections.in.use", "Connections held by the application", p -> p.stats().active()),
    IDLE("earnorm.pool.connections.idle", "Idle connections ready to be lent", p -> p.stats().available()),
    PENDING("earnorm.pool.connections.pending", "Callers waiting to acquire a connection", p -> p.stats().pending()),
    OPENING("earnorm.pool.connections.opening", "Connections being opened", p -> p.stats().opening()),
    MAX_SIZE("earnorm.pool.connections.max", "The pool's maxSize", p -> p.stats().maxSize()),
    MIN_SIZE("earnorm.pool.connections.min", "The pool's minSize", p -> p.stats().minSize()),
    STATE("earnorm.pool.state", "0 ready, 1 paused (the server does not answer), 2 closed", p -> stateCode(p.stats().state())),
    CREATED("earnorm.pool.connections.created.total", "Connections opened since the pool was created", p -> p.stats().created()),
    CLOSED_STALE("earnorm.pool.connections.closed.stale.total", "Connections closed because clear() retired their generation", p -> closed(p, CloseReason.STALE)),
    CLOSED_IDLE("earnorm.pool.connections.closed.idle.total", "Connections closed after idleTimeout", p -> closed(p, CloseReason.IDLE)),
    CLOSED_EXPIRED("earnorm.pool.connections.closed.expired.total", "Connections closed at maxLifetime", p -> closed(p, CloseReason.EXPIRED)),
    CLOSED_ERROR("earnorm.pool.connections.closed.error.total", "Connections closed because they failed", p -> closed(p, CloseReason.ERROR)),
    CLOSED_POOL_CLOSED("earnorm.pool.connections.closed.pool.closed.total", "Connections closed with the pool", p -> closed(p, CloseReason.POOL_CLOSED)),
    ACQUIRE_TIMEOUTS("earnorm.pool.acquire.timeouts.total", "Acquires that timed out or found the pool exhausted", p -> p.stats().timeouts()),
    VALIDATION_FAILURES("earnorm.pool.validation.failures.total", "Connections that failed validation", p -> p.stats().validationFailures()),
    LEAKS("earnorm.pool.leaks.total", "Borrows held past leakDetectionThreshold", p -> p.stats().leaks()),
    BACKEND_ERRORS("earnorm.pool.backend.errors.total", "Connections lost to a failure: broken in use, failed validation or reset, never opened", p -> p.metrics().backendErrors()),
    CLOSED_FLEET_SHARE("earnorm.pool.connections.closed.fleet.share.total", "Connections given back so that another instance could have its fleet share",
            p -> closed(p, CloseReason.FLEET_SHARE)),
    FLEET_BUDGET("earnorm.pool.fleet.budget", "fleetMaxSize: the connections all instances of the pool may hold together; 0 without a fleet budget",
            p -> p.stats().fleet().budget()),
    FLEET_CONNECTIONS("earnorm.pool.fleet.connections", "The pool's connections on the server, all instances together, at the last count",
            p -> p.stats().fleet().fleetCount()),
    FLEET_INSTANCES("earnorm.pool.fleet.instances", "Instances of the pool the server showed at the last count, this one included",
            p -> p.stats().fleet().instances()),
    FLEET_SHARE("earnorm.pool.fleet.share", "Connections this instance is entitled to whatever the others do: budget / instances",
            p -> p.stats().fleet().share());

    private final String metricName;
    private final String description;
    private final ToLongFunction<ObservedPool> read;

    PoolGauge(String metricName, String description, ToLongFunction<ObservedPool> read) {
        this.metricName = metricName;
        this.description = description;
        this.read = read;
    }

    public String metricName() {
        return metricName;
    }

    public String description() {
        return description;
    }

    /** The figure of {@code pool} now. */
    public long read(ObservedPool pool) {
        return read.applyAsLong(pool);
    }

    private static long closed(ObservedPool pool, CloseReason reason) {
        return pool.metrics().closedByReason().getOrDefault(reason, 0L);
    }

    static long stateCode(PoolState state) {
        return switch (state) {
            case READY -> 0;
            case PAUSED -> 1;
            case CLOSED -> 2;
        };
    }
}
