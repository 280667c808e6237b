package io.earnorm.ra.pool.planted;

import io.earnorm.ra.metrics.PoolMetricsRecorder;

/**
 * A class planted in the pool core's package tree (test sources only) that imports an observer,
 * the mistake issue 12 found in the core: {@code PoolCoreArchitectureTest} must reject it.
 */
public final class PlantedMetricsImport {

    private PlantedMetricsImport() {
    }

    static Object recorder() {
        return new PoolMetricsRecorder(System::nanoTime);
    }
}
