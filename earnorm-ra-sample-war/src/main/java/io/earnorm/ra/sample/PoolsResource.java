package io.earnorm.ra.sample;

import io.earnorm.ra.api.pool.LatencySummary;
import io.earnorm.ra.api.pool.ObservedPool;
import io.earnorm.ra.api.pool.PoolMetrics;
import io.earnorm.ra.api.pool.PoolRegistry;
import io.earnorm.ra.api.pool.PoolStats;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;

/**
 * {@code /api/pools}: every pool of the resource adapter as the pool page ({@code pools.html})
 * draws it. Addresses are the pools' own, with passwords masked.
 */
@Path("pools")
@Produces(MediaType.APPLICATION_JSON)
public class PoolsResource {

    @GET
    public JsonArray pools() {
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (ObservedPool pool : PoolRegistry.global().pools()) {
            all.add(describe(pool));
        }
        return all.build();
    }

    private static JsonObject describe(ObservedPool pool) {
        PoolMetrics m = pool.metrics();
        PoolStats s = m.stats();
        LatencySummary wait = m.acquireWait();
        return Json.createObjectBuilder()
                .add("name", pool.name())
                .add("backend", pool.backendType())
                .add("address", pool.address())
                .add("state", s.state().name())
                .add("inUse", s.active())
                .add("idle", s.available())
                .add("open", s.total())
                .add("maxSize", s.maxSize())
                .add("pending", s.pending())
                .add("created", s.created())
                .add("timeouts", s.timeouts())
                .add("backendErrors", m.backendErrors())
                .add("acquires", wait.count())
                .add("acquireP50Ms", millis(wait.p50()))
                .add("acquireP95Ms", millis(wait.p95()))
                .add("acquireP99Ms", millis(wait.p99()))
                .build();
    }

    private static double millis(Duration d) {
        return Math.round(d.toNanos() / 1_000.0) / 1_000.0;
    }
}
