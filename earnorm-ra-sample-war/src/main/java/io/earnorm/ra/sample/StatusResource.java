package io.earnorm.ra.sample;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.function.BooleanSupplier;

/**
 * {@code /api/status}: each connection factory, how it was defined and obtained, and whether its
 * backend answers a ping now. 200 when all three do, else 503. Payara reports an application as
 * deployed even when a factory it needs is missing; this is where that shows.
 */
@Path("status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    @Inject
    UserStore users;

    @Inject
    RedisConnections redis;

    @Inject
    LedgerConnections ledger;

    @GET
    public Response status() {
        JsonObject mongo = check("mongodb", UserStore.JNDI_NAME, "@ConnectionFactoryDefinition", "@Resource injection", users::ping);
        JsonObject cache = check("redis", RedisConnections.JNDI_NAME, "@ConnectionFactoryDefinition", "InitialContext lookup", redis::ping);
        JsonObject postgres = check("postgresql", LedgerConnections.JNDI_NAME, "asadmin commands", "@Resource injection", ledger::ping);
        boolean up = mongo.getBoolean("up") && cache.getBoolean("up") && postgres.getBoolean("up");
        JsonArrayBuilder factories = Json.createArrayBuilder().add(mongo).add(cache).add(postgres);
        JsonObject body = Json.createObjectBuilder().add("up", up).add("factories", factories).build();
        return Response.status(up ? 200 : 503).entity(body).build();
    }

    private static JsonObject check(String backend, String jndiName, String definedBy, String obtainedBy, BooleanSupplier ping) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("backend", backend).add("jndiName", jndiName)
                .add("definedBy", definedBy).add("obtainedBy", obtainedBy);
        try {
            b.add("up", ping.getAsBoolean());
        } catch (RuntimeException e) {
            b.add("up", false).add("error", String.valueOf(e.getMessage()));
        }
        return b.build();
    }
}
