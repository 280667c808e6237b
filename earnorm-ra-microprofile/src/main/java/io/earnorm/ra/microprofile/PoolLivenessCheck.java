package io.earnorm.ra.microprofile;

import io.earnorm.ra.api.pool.ObservedPool;
import io.earnorm.ra.api.pool.PoolRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live unless a pool is stuck in a way it cannot leave by itself ({@link PoolHealth#notLive}). A
 * server that does not answer is a readiness matter: the pool recovers when it is back.
 */
@Liveness
@ApplicationScoped
public class PoolLivenessCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("earnorm-pools").up();
        for (ObservedPool pool : PoolRegistry.global().pools()) {
            String problem = PoolHealth.notLive(pool.stats()).orElse(null);
            if (problem != null) {
                response.down().withData(pool.name(), problem);
            }
        }
        return response.build();
    }
}
