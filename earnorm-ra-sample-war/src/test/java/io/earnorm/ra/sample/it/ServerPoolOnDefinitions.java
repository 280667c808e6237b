package io.earnorm.ra.sample.it;

import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * Connection factories with the server's own connector pool left on, as GlassFish and Payara have it
 * by default: a steady pool of 8 managed connections over an adapter {@code maxSize} of 5, for
 * PostgreSQL (local transactions) and Redis.
 */
@ConnectionFactoryDefinition(
        name = ServerPoolOnDefinitions.POOLED_POSTGRES,
        interfaceName = "io.earnorm.ra.api.PostgresConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.LocalTransaction,
        minPoolSize = ServerPoolOnDefinitions.STEADY_SIZE,
        maxPoolSize = 32,
        properties = {
                "url=${MPCONFIG=earnorm.postgres.url}",
                "user=${MPCONFIG=earnorm.postgres.user}",
                "password=${MPCONFIG=earnorm.postgres.password}",
                "maxSize=" + ServerPoolOnDefinitions.MAX_SIZE,
                "acquireTimeout=5s",
                "poolName=it-pooled-postgres"})
@ConnectionFactoryDefinition(
        name = ServerPoolOnDefinitions.POOLED_REDIS,
        interfaceName = "io.earnorm.ra.api.RedisConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        minPoolSize = ServerPoolOnDefinitions.STEADY_SIZE,
        maxPoolSize = 32,
        properties = {
                "uri=${MPCONFIG=earnorm.redis.uri}",
                "maxSize=" + ServerPoolOnDefinitions.MAX_SIZE,
                "acquireTimeout=5s",
                "poolName=it-pooled-redis"})
public final class ServerPoolOnDefinitions {

    static final String POOLED_POSTGRES = "java:app/eis/it/pooled-postgres";
    static final String POOLED_REDIS = "java:app/eis/it/pooled-redis";
    static final int STEADY_SIZE = 8;
    static final int MAX_SIZE = 5;

    private ServerPoolOnDefinitions() {
    }
}
