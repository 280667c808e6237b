package io.earnorm.ra.servers;

import io.earnorm.ra.api.EarnormConnectionFactory;
import io.earnorm.ra.api.MongoConnectionFactory;
import io.earnorm.ra.api.PostgresConnectionFactory;
import io.earnorm.ra.api.RedisConnectionFactory;
import io.earnorm.ra.servers.Definition.Backend;
import io.earnorm.ra.servers.Definition.DefinedBy;
import io.earnorm.ra.servers.Definition.Variant;
import jakarta.annotation.Resource;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GET /checks runs every check inside the server and answers one line per check (see
 * {@link CheckResult}). The factories are injected here by {@code @Resource}: the application's own
 * by their {@code java:app} names, the administrator's by resource references {@code eis/admin/...}
 * (bound to the server's global names by default, on WildFly by WEB-INF/jboss-web.xml).
 *
 * <p>The application's own factories are defined here too, the same on every server: each backend
 * with the server's own connector pool at its smallest (minPoolSize 0) and on, with a steady size of
 * 8 over an adapter {@code maxSize} of 5, and PostgreSQL with XA. They stand on the servlet because
 * Open Liberty reads resource definitions only on component classes (a plain class's are ignored:
 * CWNEN1003E at injection). An annotation cannot turn the server's pool off portably: GlassFish's
 * {@code org.glassfish.connector-connection-pool.pooling} property makes WildFly refuse the
 * definition (IJ020060, no such property on the factory). The addresses are written out: the suite
 * starts MongoDB (in-process, port 18017) itself and uses the machine's PostgreSQL and Redis,
 * because each server replaces variables in annotations differently, or not at all. The README's
 * "Servers" section shows these definitions.
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
                "acquireTimeout=5s"})
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
                "acquireTimeout=5s"})
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
                "acquireTimeout=5s"})
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
                "acquireTimeout=5s"})
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
                "acquireTimeout=5s"})
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
                "acquireTimeout=5s"})
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
                "acquireTimeout=5s"})
// readme:servers-app-definitions:end
@WebServlet("/checks")
public class ChecksServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = "java:app/eis/app/postgres")
    private PostgresConnectionFactory appPostgres;
    @Resource(lookup = "java:app/eis/app/redis")
    private RedisConnectionFactory appRedis;
    @Resource(lookup = "java:app/eis/app/mongo")
    private MongoConnectionFactory appMongo;
    @Resource(lookup = "java:app/eis/app/postgres-pooled")
    private PostgresConnectionFactory appPostgresPooled;
    @Resource(lookup = "java:app/eis/app/redis-pooled")
    private RedisConnectionFactory appRedisPooled;
    @Resource(lookup = "java:app/eis/app/mongo-pooled")
    private MongoConnectionFactory appMongoPooled;
    @Resource(lookup = "java:app/eis/app/postgres-xa")
    private PostgresConnectionFactory appPostgresXa;

    @Resource(name = "eis/admin/postgres")
    private PostgresConnectionFactory adminPostgres;
    @Resource(name = "eis/admin/redis")
    private RedisConnectionFactory adminRedis;
    @Resource(name = "eis/admin/mongo")
    private MongoConnectionFactory adminMongo;
    @Resource(name = "eis/admin/postgres-pooled")
    private PostgresConnectionFactory adminPostgresPooled;
    @Resource(name = "eis/admin/redis-pooled")
    private RedisConnectionFactory adminRedisPooled;
    @Resource(name = "eis/admin/mongo-pooled")
    private MongoConnectionFactory adminMongoPooled;
    @Resource(name = "eis/admin/postgres-xa")
    private PostgresConnectionFactory adminPostgresXa;

    @Resource
    private UserTransaction tx;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        PrintWriter out = response.getWriter();
        for (CheckResult result : new ServerChecks(injected(), tx).runAll()) {
            out.println(result.toLine());
        }
    }

    private Map<Definition, EarnormConnectionFactory<?>> injected() {
        Map<Definition, EarnormConnectionFactory<?>> injected = new LinkedHashMap<>();
        put(injected, DefinedBy.APP, appPostgres, appRedis, appMongo, appPostgresPooled, appRedisPooled, appMongoPooled, appPostgresXa);
        put(injected, DefinedBy.ADMIN, adminPostgres, adminRedis, adminMongo, adminPostgresPooled, adminRedisPooled, adminMongoPooled, adminPostgresXa);
        return injected;
    }

    private static void put(Map<Definition, EarnormConnectionFactory<?>> injected, DefinedBy by,
                            EarnormConnectionFactory<?> postgres, EarnormConnectionFactory<?> redis, EarnormConnectionFactory<?> mongo,
                            EarnormConnectionFactory<?> postgresPooled, EarnormConnectionFactory<?> redisPooled, EarnormConnectionFactory<?> mongoPooled,
                            EarnormConnectionFactory<?> postgresXa) {
        injected.put(new Definition(by, Backend.POSTGRES, Variant.PLAIN), postgres);
        injected.put(new Definition(by, Backend.REDIS, Variant.PLAIN), redis);
        injected.put(new Definition(by, Backend.MONGO, Variant.PLAIN), mongo);
        injected.put(new Definition(by, Backend.POSTGRES, Variant.POOLED), postgresPooled);
        injected.put(new Definition(by, Backend.REDIS, Variant.POOLED), redisPooled);
        injected.put(new Definition(by, Backend.MONGO, Variant.POOLED), mongoPooled);
        injected.put(new Definition(by, Backend.POSTGRES, Variant.XA), postgresXa);
    }
}
