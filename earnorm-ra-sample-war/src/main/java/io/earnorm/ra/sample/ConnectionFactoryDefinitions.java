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
 * the application at its servers.
 *
 * <p>Payara's own connector pool stays on: with it off, Payara makes and destroys a managed
 * connection on every {@code getConnection()} (see the README, "What a getConnection costs inside
 * Payara"). A managed connection holds a physical connection of the adapter's pool core only while
 * it is in use, so {@code maxSize} stays the one cap. Payara's pool may hold as many managed
 * connections as Payara Micro has request threads (200), so that callers beyond {@code maxSize}
 * wait in the pool core's fair queue (up to {@code acquireTimeout}), not in Payara's pool; it keeps
 * none ready ({@code minPoolSize = 0}, the pool core's {@code minSize}) and never asks the adapter to
 * match connections. The MongoDB factory takes no part in JTA transactions: see
 * {@link UserDirectory}.
 */
// readme:connection-factory-definitions:start
@ConnectionFactoryDefinition(
        name = "java:app/eis/users",
        interfaceName = "io.earnorm.ra.api.MongoConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        minPoolSize = 0,
        maxPoolSize = 200,
        properties = {
                "uri=${MPCONFIG=earnorm.mongo.uri}",
                "database=earnorm_sample",
                "poolName=sample-users",
                "maxSize=10",
                "acquireTimeout=5s",
                "org.glassfish.connector-connection-pool.match-connections=false"})
@ConnectionFactoryDefinition(
        name = "java:app/eis/cache",
        interfaceName = "io.earnorm.ra.api.RedisConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        minPoolSize = 0,
        maxPoolSize = 200,
        properties = {
                "uri=${MPCONFIG=earnorm.redis.uri}",
                "poolName=sample-cache",
                "maxSize=10",
                "acquireTimeout=5s",
                "org.glassfish.connector-connection-pool.match-connections=false"})
// readme:connection-factory-definitions:end
public final class ConnectionFactoryDefinitions {

    private ConnectionFactoryDefinitions() {
    }
}
