package io.earnorm.ra.serverbench.app;

import io.earnorm.ra.serverbench.harness.Harness;
import io.earnorm.ra.serverbench.harness.Operation;
import io.earnorm.ra.serverbench.harness.StepResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.sql.SQLException;
import java.time.Duration;

/**
 * The harness's endpoints, called by the launcher one after the other: {@code POST setup} writes
 * the data and calls every operation once on every side (so that a misconfigured side fails before
 * any measuring), {@code GET step} runs one step and answers with its {@link StepResult} line,
 * {@code POST teardown} removes the data. A step blocks its request for warm-up + measurement.
 */
@Path("/")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class StepResource {

    @Inject
    Factories factories;
    @Inject
    Operations operations;
    @Inject
    Dataset dataset;

    @POST
    @Path("setup")
    public String setup() throws Exception {
        dataset.create();
        StringBuilder checked = new StringBuilder();
        for (String name : Operations.NAMES) {
            for (Side side : Side.values()) {
                for (Lookup lookup : Lookup.values()) {
                    operations.of(name, side, lookup).call();
                    checked.append(name).append(' ').append(side.id()).append(' ').append(lookup.id()).append('\n');
                }
            }
        }
        return checked.toString();
    }

    @POST
    @Path("teardown")
    public String teardown() throws SQLException {
        dataset.remove();
        return "removed\n";
    }

    @GET
    @Path("step")
    public String step(@QueryParam("op") String op, @QueryParam("side") String side,
                       @QueryParam("lookup") @DefaultValue("global") String lookup,
                       @QueryParam("workers") @DefaultValue("1") int workers,
                       @QueryParam("warmupMs") @DefaultValue("2000") long warmupMs,
                       @QueryParam("measureMs") @DefaultValue("5000") long measureMs) throws InterruptedException {
        Operation operation;
        try {
            operation = operations.of(op, Side.of(side), Lookup.of(lookup));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage(), e);
        }
        StepResult result = new Harness(factories.executor())
                .run(op, side, operation, workers, Duration.ofMillis(warmupMs), Duration.ofMillis(measureMs));
        return result.toLine() + "\n";
    }
}
