package io.earnorm.ra.jmx;

import io.earnorm.ra.api.pool.LatencySummary;
import io.earnorm.ra.api.pool.ObservedPool;
import io.earnorm.ra.api.pool.PoolMXBean;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One pool's MXBean: each attribute read from the pool when JMX asks, nothing cached. */
final class PoolMXBeanView implements PoolMXBean {

    private final ObservedPool pool;

    PoolMXBeanView(ObservedPool pool) {
        this.pool = pool;
    }

    @Override
    public String getName() {
        return pool.name();
    }

    @Override
    public String getBackendType() {
        return pool.backendType();
    }

    @Override
    public String getAddress() {
        return pool.address();
    }

    @Override
    public String getState() {
        return pool.stats().state().name();
    }

    @Override
    public int getTotal() {
        return pool.stats().total();
    }

    @Override
    public int getActive() {
        return pool.stats().active();
    }

    @Override
    public int getIdle() {
        return pool.stats().available();
    }

    @Override
    public int getPending() {
        return pool.stats().pending();
    }

    @Override
    public int getOpening() {
        return pool.stats().opening();
    }

    @Override
    public int getMinSize() {
        return pool.stats().minSize();
    }

    @Override
    public int getMaxSize() {
        return pool.stats().maxSize();
    }

    @Override
    public int getFleetBudget() {
        return pool.stats().fleet().budget();
    }

    @Override
    public int getFleetConnections() {
        return pool.stats().fleet().fleetCount();
    }

    @Override
    public int getFleetInstances() {
        return pool.stats().fleet().instances();
    }

    @Override
    public int getFleetShare() {
        return pool.stats().fleet().share();
    }

    @Override
    public boolean isFleetCounted() {
        return pool.stats().fleet().counted();
    }

    @Override
    public long getCreated() {
        return pool.stats().created();
    }

    @Override
    public long getClosed() {
        return pool.stats().closed();
    }

    @Override
    public Map<String, Long> getClosedByReason() {
        Map<String, Long> byName = new TreeMap<>();
        pool.metrics().closedByReason().forEach((reason, count) -> byName.put(reason.name(), count));
        return byName;
    }

    @Override
    public long getAcquireTimeouts() {
        return pool.stats().timeouts();
    }

    @Override
    public long getValidationFailures() {
        return pool.stats().validationFailures();
    }

    @Override
    public long getLeaksDetected() {
        return pool.stats().leaks();
    }

    @Override
    public long getBackendErrors() {
        return pool.metrics().backendErrors();
    }

    @Override
    public double getAcquireWaitP50Millis() {
        return millis(acquireWait().p50());
    }

    @Override
    public double getAcquireWaitP95Millis() {
        return millis(acquireWait().p95());
    }

    @Override
    public double getAcquireWaitP99Millis() {
        return millis(acquireWait().p99());
    }

    @Override
    public double getAcquireWaitMaxMillis() {
        return millis(acquireWait().max());
    }

    @Override
    public double getTimeInUseP99Millis() {
        return millis(pool.metrics().timeInUse().p99());
    }

    @Override
    public double getOpenTimeP99Millis() {
        return millis(pool.metrics().openTime().p99());
    }

    @Override
    public List<HistorySample> getHistory() {
        return pool.history().samples().stream().map(HistorySample::of).toList();
    }

    @Override
    public List<HistoryMarker> getHistoryMarkers() {
        return pool.history().markers().stream().map(HistoryMarker::of).toList();
    }

    @Override
    public long getHistoryIntervalMillis() {
        return pool.history().interval().toMillis();
    }

    @Override
    public void clear() {
        pool.clear();
    }

    private LatencySummary acquireWait() {
        return pool.metrics().acquireWait();
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1_000_000.0;
    }
}
