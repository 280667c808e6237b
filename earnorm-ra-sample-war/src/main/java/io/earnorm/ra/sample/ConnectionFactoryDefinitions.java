package io.earnorm.ra.sample;

import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * The two connection factories this application defines itself. The third, the PostgreSQL ledger
 * ({@code eis/earnorm/ledger}), is defined by the server's administrator: see
 * {@code src/main/payara/post-boot-commands.txt}.
 *
 * <p>The addresses are not written here: Payara replaces {@code ${MPCONFIG=name}} with the
 * MicroProfile Config value of {@code name} when it creates the factory, so that a system property
 * ({@code -Dearnorm.mongo.uri=...}) or an environment variable ({@code EARNORM_MONGO_URI}) points
 * the application at its servers. The container's own pool is off ({@code pooling=false}): the
 * adapter's pool core is the only pool. The MongoDB factory takes no part in JTA transactions: see
 * {@link UserDirectory}.
 */
// readme:connection-factory-definitions:start
@ConnectionFactoryDefinition(
        name = "java:app/eis/users",
        interfaceName = "io.earnorm.ra.api.MongoConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        properties = {
                "uri=${MPCONFIG=earnorm.mongo.uri}",
                "database=earnorm_sample",
                "poolName=sample-users",
                "maxSize=10",
                "acquireTimeout=5s",
                "org.glassfish.connector-connection-pool.pooling=false"})
@ConnectionFactoryDefinition(
        name = "java:app/eis/cache",
        interfaceName = "io.earnorm.ra.api.RedisConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        properties = {
                "uri=${MPCONFIG=earnorm.redis.uri}",
                "poolName=sample-cache",
                "maxSize=10",
                "acquireTimeout=5s",
                "org.glassfish.connector-connection-pool.pooling=false"})
// readme:connection-factory-definitions:end
public final class ConnectionFactoryDefinitions {

    private ConnectionFactoryDefinitions() {
    }
}
