package io.earnorm.ra.servers;

import io.earnorm.ra.api.EarnormConnectionFactory;
import io.earnorm.ra.api.MongoConnectionFactory;
import io.earnorm.ra.api.PostgresConnectionFactory;
import io.earnorm.ra.api.RedisConnectionFactory;
import io.earnorm.ra.servers.Definition.Backend;
import io.earnorm.ra.servers.Definition.DefinedBy;
import io.earnorm.ra.servers.Definition.Variant;
import jakarta.annotation.Resource;
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
 */
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
