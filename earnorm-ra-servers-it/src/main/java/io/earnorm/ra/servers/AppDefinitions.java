package io.earnorm.ra.servers;

import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * The connection factories the test application defines itself, the same on every server: each
 * backend with the server's own connector pool at its smallest (minPoolSize 0) and on, with a steady
 * size of 8 over an adapter {@code maxSize} of 5, and PostgreSQL with XA. An annotation cannot turn
 * the server's pool off portably: GlassFish's {@code org.glassfish.connector-connection-pool.pooling}
 * property makes WildFly refuse the definition (IJ020060, no such property on the factory).
 *
 * <p>The addresses are written out: the suite starts MongoDB (in-process, port 18017) itself and
 * uses the machine's PostgreSQL and Redis, because a variable in an annotation is replaced by a
 * different syntax on each server (or not at all). The README's "Servers" section shows this file.
 */
// readme:servers-app-definitions:start
@ConnectionFactoryDefinition(
        name = "java:app/eis/app/postgres",
        interfaceName = "io.earnorm.ra.api.PostgresConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.LocalTransaction,
        minPoolSize = 0,
        properties = {
                "url=jdbc:postgresql://127.0.0.1:5432/test",
                "user=postgres",
                "poolName=app-postgres",
                "maxSize=5",
                "acquireTimeout=2s"})
@ConnectionFactoryDefinition(
        name = "java:app/eis/app/redis",
        interfaceName = "io.earnorm.ra.api.RedisConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        minPoolSize = 0,
        properties = {
                "uri=redis://127.0.0.1:6379",
                "poolName=app-redis",
                "maxSize=5",
                "acquireTimeout=2s"})
@ConnectionFactoryDefinition(
        name = "java:app/eis/app/mongo",
        interfaceName = "io.earnorm.ra.api.MongoConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        minPoolSize = 0,
        properties = {
                "uri=mongodb://127.0.0.1:18017",
                "database=earnorm_servers_it",
                "poolName=app-mongo",
                "maxSize=5",
                "acquireTimeout=2s"})
@ConnectionFactoryDefinition(
        name = "java:app/eis/app/postgres-pooled",
        interfaceName = "io.earnorm.ra.api.PostgresConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.LocalTransaction,
        minPoolSize = 8,
        maxPoolSize = 32,
        properties = {
                "url=jdbc:postgresql://127.0.0.1:5432/test",
                "user=postgres",
                "poolName=app-postgres-pooled",
                "maxSize=5",
                "acquireTimeout=2s"})
@ConnectionFactoryDefinition(
        name = "java:app/eis/app/redis-pooled",
        interfaceName = "io.earnorm.ra.api.RedisConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        minPoolSize = 8,
        maxPoolSize = 32,
        properties = {
                "uri=redis://127.0.0.1:6379",
                "poolName=app-redis-pooled",
                "maxSize=5",
                "acquireTimeout=2s"})
@ConnectionFactoryDefinition(
        name = "java:app/eis/app/mongo-pooled",
        interfaceName = "io.earnorm.ra.api.MongoConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        minPoolSize = 8,
        maxPoolSize = 32,
        properties = {
                "uri=mongodb://127.0.0.1:18017",
                "database=earnorm_servers_it",
                "poolName=app-mongo-pooled",
                "maxSize=5",
                "acquireTimeout=2s"})
@ConnectionFactoryDefinition(
        name = "java:app/eis/app/postgres-xa",
        interfaceName = "io.earnorm.ra.api.PostgresConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.XATransaction,
        minPoolSize = 0,
        properties = {
                "url=jdbc:postgresql://127.0.0.1:5432/test",
                "user=postgres",
                "xa=true",
                "poolName=app-postgres-xa",
                "maxSize=5",
                "acquireTimeout=2s"})
// readme:servers-app-definitions:end
public final class AppDefinitions {

    private AppDefinitions() {
    }
}
