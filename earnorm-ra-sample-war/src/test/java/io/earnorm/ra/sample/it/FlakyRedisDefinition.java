package io.earnorm.ra.sample.it;

import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.api.RedisConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * A factory on {@link FlakyRedis}, with a fleet budget, and {@code /api/it/flaky-redis}, which
 * pings through it: 200 when the ping answers, 503 with the error otherwise.
 */
@ConnectionFactoryDefinition(
        name = FlakyRedisDefinition.JNDI_NAME,
        interfaceName = "io.earnorm.ra.api.RedisConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        properties = {
                "uri=${MPCONFIG=" + FlakyRedis.URI_PROPERTY + "}",
                "poolName=" + FlakyRedisDefinition.POOL_NAME,
                "acquireTimeout=2s",
                "probeInterval=200ms",
                "fleetMaxSize=" + FlakyRedisDefinition.FLEET_MAX_SIZE,
                "org.glassfish.connector-connection-pool.pooling=false"})
@Path("it/flaky-redis")
public class FlakyRedisDefinition {

    static final String JNDI_NAME = "java:app/eis/it/flaky-redis";
    static final String POOL_NAME = "it-flaky-redis";
    /** A fleet budget, so that the pool page has a fleet line to show (the pool is the fleet's only instance). */
    static final int FLEET_MAX_SIZE = 4;

    @Resource(lookup = JNDI_NAME)
    RedisConnectionFactory redis;

    @GET
    public Response ping() {
        try (RedisConnection conn = redis.getConnection()) {
            return Response.ok(String.valueOf(conn.execute("PING"))).build();
        } catch (Exception e) {
            return Response.status(503).entity(String.valueOf(e.getMessage())).build();
        }
    }
}
