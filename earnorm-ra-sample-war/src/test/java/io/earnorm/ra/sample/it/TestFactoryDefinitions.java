package io.earnorm.ra.sample.it;

import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * Connection factories that only the in-container tests use, beside the sample application's:
 * an XA PostgreSQL factory (its partner, {@code eis/earnorm/it/payments}, is defined by the tests'
 * post-boot commands), small pools to watch the pool core's rules at work, and one whose config is
 * wrong. Payara creates a definition's factory when it is first looked up, so the wrong one fails
 * only the test that looks for it.
 */
@ConnectionFactoryDefinition(
        name = TestFactoryDefinitions.XA_ORDERS,
        interfaceName = "io.earnorm.ra.api.PostgresConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.XATransaction,
        properties = {
                "url=${MPCONFIG=earnorm.postgres.url}",
                "user=${MPCONFIG=earnorm.postgres.user}",
                "password=${MPCONFIG=earnorm.postgres.password}",
                "xa=true",
                "poolName=it-orders",
                "org.glassfish.connector-connection-pool.pooling=false"})
@ConnectionFactoryDefinition(
        name = TestFactoryDefinitions.SINGLE_POSTGRES,
        interfaceName = "io.earnorm.ra.api.PostgresConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.LocalTransaction,
        properties = {
                "url=${MPCONFIG=earnorm.postgres.url}",
                "user=${MPCONFIG=earnorm.postgres.user}",
                "password=${MPCONFIG=earnorm.postgres.password}",
                "maxSize=1",
                "poolName=it-single-postgres",
                "org.glassfish.connector-connection-pool.pooling=false"})
@ConnectionFactoryDefinition(
        name = TestFactoryDefinitions.SINGLE_REDIS,
        interfaceName = "io.earnorm.ra.api.RedisConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        properties = {
                "uri=${MPCONFIG=earnorm.redis.uri}",
                "maxSize=1",
                "poolName=it-single-redis",
                "org.glassfish.connector-connection-pool.pooling=false"})
@ConnectionFactoryDefinition(
        name = TestFactoryDefinitions.CAPPED_REDIS,
        interfaceName = "io.earnorm.ra.api.RedisConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        properties = {
                "uri=${MPCONFIG=earnorm.redis.uri}",
                "maxSize=" + TestFactoryDefinitions.CAPPED_MAX_SIZE,
                "acquireTimeout=1s",
                "poolName=it-capped-redis",
                "org.glassfish.connector-connection-pool.pooling=false"})
@ConnectionFactoryDefinition(
        name = TestFactoryDefinitions.MISCONFIGURED,
        interfaceName = "io.earnorm.ra.api.RedisConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        properties = {
                "uri=${MPCONFIG=earnorm.redis.uri}",
                "maxSize=-1",
                "poolName=it-misconfigured",
                "org.glassfish.connector-connection-pool.pooling=false"})
public final class TestFactoryDefinitions {

    static final String XA_ORDERS = "java:app/eis/it/orders";
    static final String XA_PAYMENTS = "eis/earnorm/it/payments";
    static final String SINGLE_POSTGRES = "java:app/eis/it/single-postgres";
    static final String SINGLE_REDIS = "java:app/eis/it/single-redis";
    static final String CAPPED_REDIS = "java:app/eis/it/capped-redis";
    static final int CAPPED_MAX_SIZE = 2;
    static final String MISCONFIGURED = "java:app/eis/it/misconfigured";

    private TestFactoryDefinitions() {
    }
}
