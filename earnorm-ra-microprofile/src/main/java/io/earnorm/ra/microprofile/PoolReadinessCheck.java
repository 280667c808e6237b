package io.earnorm.ra.microprofile;

import io.earnorm.ra.api.pool.ObservedPool;
import io.earnorm.ra.api.pool.PoolRegistry;
import io.earnorm.ra.api.pool.PoolStats;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready while every pool of the adapter can serve: DOWN while one is paused, with the reason per pool. */
@Readiness
@ApplicationScoped
public class PoolReadinessCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("earnorm-pools").up();
        for (ObservedPool pool : PoolRegistry.global().pools()) {
            PoolStats stats = pool.stats();
            String problem = PoolHealth.notReady(stats).orElse(null);
            response.withData(pool.name(), problem != null ? problem
                    : stats.state() + ", " + stats.active() + "/" + stats.maxSize() + " in use, " + stats.pending() + " waiting");
            if (problem != null) {
                response.down();
            }
        }
        return response.build();
    }
}
