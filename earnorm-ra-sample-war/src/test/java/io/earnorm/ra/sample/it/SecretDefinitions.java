package io.earnorm.ra.sample.it;

import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * The connection definitions of {@link SecretsInContainerIT}, each carrying its distinctive
 * password (the system property {@value #PASSWORD_PROPERTY}): PostgreSQL pools that work (the
 * password as a config property, and inside the URL), and definitions that fail with it: a
 * database that does not exist, a closed port, MongoDB and Redis servers without authentication
 * (the password as a property and inside the address). The PostgreSQL role signs on with the
 * password where the server checks passwords; {@code secrets-post-boot-commands.txt} defines two
 * administrator's pools with it as well (the password in a file named by {@code ${FILE=...}}, and in
 * {@code --property}).
 */
@ConnectionFactoryDefinition(
        name = SecretDefinitions.POSTGRES,
        interfaceName = "io.earnorm.ra.api.PostgresConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.LocalTransaction,
        properties = {
                "url=${MPCONFIG=earnorm.postgres.url}",
                "user=${MPCONFIG=" + SecretDefinitions.USER_PROPERTY + "}",
                "password=${MPCONFIG=" + SecretDefinitions.PASSWORD_PROPERTY + "}",
                "poolName=it-secret-pg",
                "maxSize=2",
                "acquireTimeout=5s",
                "org.glassfish.connector-connection-pool.pooling=false"})
@ConnectionFactoryDefinition(
        name = SecretDefinitions.POSTGRES_URL,
        interfaceName = "io.earnorm.ra.api.PostgresConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.LocalTransaction,
        properties = {
                "url=${MPCONFIG=earnorm.it.secrets.postgres.url-with-password}",
                "poolName=it-secret-pg-url",
                "maxSize=2",
                "acquireTimeout=5s",
                "org.glassfish.connector-connection-pool.pooling=false"})
@ConnectionFactoryDefinition(
        name = SecretDefinitions.POSTGRES_NO_DATABASE,
        interfaceName = "io.earnorm.ra.api.PostgresConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.LocalTransaction,
        properties = {
                "url=${MPCONFIG=earnorm.it.secrets.postgres.no-database}",
                "user=${MPCONFIG=" + SecretDefinitions.USER_PROPERTY + "}",
                "password=${MPCONFIG=" + SecretDefinitions.PASSWORD_PROPERTY + "}",
                "poolName=it-secret-pg-no-database",
                "acquireTimeout=3s",
                "org.glassfish.connector-connection-pool.pooling=false"})
@ConnectionFactoryDefinition(
        name = SecretDefinitions.POSTGRES_CLOSED_PORT,
        interfaceName = "io.earnorm.ra.api.PostgresConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.LocalTransaction,
        properties = {
                "url=${MPCONFIG=earnorm.it.secrets.postgres.closed-port}",
                "user=${MPCONFIG=" + SecretDefinitions.USER_PROPERTY + "}",
                "password=${MPCONFIG=" + SecretDefinitions.PASSWORD_PROPERTY + "}",
                "poolName=it-secret-pg-closed-port",
                "connectTimeout=2s",
                "acquireTimeout=3s",
                "org.glassfish.connector-connection-pool.pooling=false"})
@ConnectionFactoryDefinition(
        name = SecretDefinitions.MONGO_URI,
        interfaceName = "io.earnorm.ra.api.MongoConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        properties = {
                "uri=${MPCONFIG=earnorm.it.secrets.mongo.uri-with-password}",
                "poolName=it-secret-mongo-uri",
                "operationTimeout=2s",
                "acquireTimeout=3s",
                "org.glassfish.connector-connection-pool.pooling=false"})
@ConnectionFactoryDefinition(
        name = SecretDefinitions.MONGO_PROPERTY,
        interfaceName = "io.earnorm.ra.api.MongoConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        properties = {
                "uri=${MPCONFIG=earnorm.mongo.uri}",
                "database=secrets",
                "user=app",
                "password=${MPCONFIG=" + SecretDefinitions.PASSWORD_PROPERTY + "}",
                "poolName=it-secret-mongo-property",
                "operationTimeout=2s",
                "acquireTimeout=3s",
                "org.glassfish.connector-connection-pool.pooling=false"})
@ConnectionFactoryDefinition(
        name = SecretDefinitions.REDIS_PROPERTY,
        interfaceName = "io.earnorm.ra.api.RedisConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        properties = {
                "uri=${MPCONFIG=earnorm.redis.uri}",
                "password=${MPCONFIG=" + SecretDefinitions.PASSWORD_PROPERTY + "}",
                "poolName=it-secret-redis-property",
                "acquireTimeout=3s",
                "org.glassfish.connector-connection-pool.pooling=false"})
@ConnectionFactoryDefinition(
        name = SecretDefinitions.REDIS_URI,
        interfaceName = "io.earnorm.ra.api.RedisConnectionFactory",
        resourceAdapter = "earnorm-ra",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        properties = {
                "uri=${MPCONFIG=earnorm.it.secrets.redis.uri-with-password}",
                "poolName=it-secret-redis-uri",
                "acquireTimeout=3s",
                "org.glassfish.connector-connection-pool.pooling=false"})
public final class SecretDefinitions {

    static final String USER_PROPERTY = "earnorm.it.secrets.user";
    static final String PASSWORD_PROPERTY = "earnorm.it.secrets.password";

    static final String POSTGRES = "java:app/eis/it/secret-pg";
    static final String POSTGRES_URL = "java:app/eis/it/secret-pg-url";
    static final String POSTGRES_ADMIN_FILE = "eis/earnorm/it/secret-admin-file";
    static final String POSTGRES_ADMIN_PROPERTY = "eis/earnorm/it/secret-admin-property";
    static final String POSTGRES_NO_DATABASE = "java:app/eis/it/secret-pg-no-database";
    static final String POSTGRES_CLOSED_PORT = "java:app/eis/it/secret-pg-closed-port";
    static final String MONGO_URI = "java:app/eis/it/secret-mongo-uri";
    static final String MONGO_PROPERTY = "java:app/eis/it/secret-mongo-property";
    static final String REDIS_PROPERTY = "java:app/eis/it/secret-redis-property";
    static final String REDIS_URI = "java:app/eis/it/secret-redis-uri";

    private SecretDefinitions() {
    }
}
