package io.earnorm.ra.sample;

import io.earnorm.ra.api.pool.FleetStats;
import io.earnorm.ra.api.pool.LatencySummary;
import io.earnorm.ra.api.pool.ObservedPool;
import io.earnorm.ra.api.pool.PoolHistory;
import io.earnorm.ra.api.pool.PoolMarker;
import io.earnorm.ra.api.pool.PoolSample;
import io.earnorm.ra.api.pool.PoolMetrics;
import io.earnorm.ra.api.pool.PoolRegistry;
import io.earnorm.ra.api.pool.PoolStats;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code /api/pools}: every pool of the resource adapter as the pool page ({@code pools.html})
 * draws it. Addresses are the pools' own, with passwords masked. {@code /api/pools/{name}/history}:
 * one pool's history, samples and state-change markers oldest first; with {@code ?after=<instant>}
 * only those later than that instant, so that the page, which asks every 2 s, fetches what is new.
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

    /**
     * One pool's {@link PoolHistory}, its samples and markers later than {@code after} when given;
     * 404 with the names of the pools there are when none has this name.
     */
    @GET
    @Path("{name}/history")
    public Response history(@PathParam("name") String name, @QueryParam("after") String after) {
        Instant since = instantOrEpoch(after);
        return PoolRegistry.global().pool(name)
                .map(pool -> Response.ok(history(pool, since)).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
                        .entity(Json.createObjectBuilder().add("error", "no pool named '" + name + "'; the pools are "
                                + PoolRegistry.global().pools().stream().map(ObservedPool::name).toList()).build())
                        .build());
    }

    private static Instant instantOrEpoch(String after) {
        if (after == null || after.isBlank()) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(after);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("after", "after must be an instant such as 2026-12-06T21:40:05.012Z (as the history's 'at' gives it), not '" + after + "'");
        }
    }

    private static JsonObject history(ObservedPool pool, Instant after) {
        PoolHistory h = pool.history();
        JsonArrayBuilder samples = Json.createArrayBuilder();
        for (PoolSample s : h.samples()) {
            if (!s.at().isAfter(after)) {
                continue;
            }
            JsonObjectBuilder closed = Json.createObjectBuilder();
            s.closedByReason().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> closed.add(e.getKey().name(), e.getValue()));
            samples.add(Json.createObjectBuilder()
                    .add("at", s.at().toString())
                    .add("intervalMs", millis(s.interval()))
                    .add("state", s.state().name())
                    .add("open", s.open())
                    .add("inUse", s.inUse())
                    .add("idle", s.idle())
                    .add("waiting", s.waiting())
                    .add("maxSize", s.maxSize())
                    .add("acquires", s.acquires())
                    .add("timeouts", s.timeouts())
                    .add("errors", s.errors())
                    .add("acquireP50Ms", millis(s.acquireP50()))
                    .add("acquireP99Ms", millis(s.acquireP99()))
                    .add("opened", s.opened())
                    .add("closed", closed));
        }
        JsonArrayBuilder markers = Json.createArrayBuilder();
        for (PoolMarker m : h.markers()) {
            if (!m.at().isAfter(after)) {
                continue;
            }
            markers.add(Json.createObjectBuilder().add("at", m.at().toString()).add("kind", m.kind().name()).add("detail", m.detail()));
        }
        return Json.createObjectBuilder()
                .add("name", pool.name())
                .add("backend", pool.backendType())
                .add("intervalMs", h.interval().toMillis())
                .add("capacity", h.capacity())
                .add("samples", samples)
                .add("markers", markers)
                .build();
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
                .add("fleet", fleet(s.fleet()))
                .build();
    }

    /** The budget shared with the pool's other instances (budget 0: none), as last counted on the server. */
    private static JsonObject fleet(FleetStats f) {
        return Json.createObjectBuilder()
                .add("budget", f.budget())
                .add("connections", f.fleetCount())
                .add("instances", f.instances())
                .add("share", f.share())
                .add("counted", f.counted())
                .build();
    }

    private static double millis(Duration d) {
        return Math.round(d.toNanos() / 1_000.0) / 1_000.0;
    }
}
