package io.earnorm.ra.serverbench.app;

import io.earnorm.ra.api.MongoConnectionFactory;
import io.earnorm.ra.api.PostgresConnectionFactory;
import io.earnorm.ra.api.RedisConnectionFactory;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.transaction.UserTransaction;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Everything the server defines for the benchmark (src/main/payara/post-boot-commands.txt): the
 * adapter's factories with the server's connector pool off and on, Payara's JDBC resource, the
 * managed executor the workers run on, and the transaction manager. Each factory and the data
 * source are reached two ways ({@link Lookup}): by their global JNDI names, looked up here without a
 * resource reference, and through resource references to a second JNDI name of the same pool
 * ({@code ...-ref}), so that one run can compare what Payara does for each.
 */
@ApplicationScoped
public class Factories {

    @Resource(lookup = "eis/earnorm-bench/postgres-ref")
    private PostgresConnectionFactory postgresRef;
    @Resource(lookup = "eis/earnorm-bench/postgres-pooled-ref")
    private PostgresConnectionFactory postgresPooledRef;
    @Resource(lookup = "eis/earnorm-bench/redis-ref")
    private RedisConnectionFactory redisRef;
    @Resource(lookup = "eis/earnorm-bench/redis-pooled-ref")
    private RedisConnectionFactory redisPooledRef;
    @Resource(lookup = "eis/earnorm-bench/mongo-ref")
    private MongoConnectionFactory mongoRef;
    @Resource(lookup = "eis/earnorm-bench/mongo-pooled-ref")
    private MongoConnectionFactory mongoPooledRef;
    @Resource(lookup = "jdbc/earnorm-bench-ref")
    private DataSource jdbcRef;
    @Resource(lookup = "concurrent/earnorm-bench")
    private ManagedExecutorService executor;
    @Resource
    private UserTransaction transaction;

    private PostgresConnectionFactory postgres;
    private PostgresConnectionFactory postgresPooled;
    private RedisConnectionFactory redis;
    private RedisConnectionFactory redisPooled;
    private MongoConnectionFactory mongo;
    private MongoConnectionFactory mongoPooled;
    private DataSource jdbc;

    @PostConstruct
    void lookUpGlobalNames() {
        try {
            InitialContext context = new InitialContext();
            postgres = (PostgresConnectionFactory) context.lookup("eis/earnorm-bench/postgres");
            postgresPooled = (PostgresConnectionFactory) context.lookup("eis/earnorm-bench/postgres-pooled");
            redis = (RedisConnectionFactory) context.lookup("eis/earnorm-bench/redis");
            redisPooled = (RedisConnectionFactory) context.lookup("eis/earnorm-bench/redis-pooled");
            mongo = (MongoConnectionFactory) context.lookup("eis/earnorm-bench/mongo");
            mongoPooled = (MongoConnectionFactory) context.lookup("eis/earnorm-bench/mongo-pooled");
            jdbc = (DataSource) context.lookup("jdbc/earnorm-bench");
        } catch (NamingException e) {
            throw new IllegalStateException("a resource of post-boot-commands.txt is missing: " + e.getMessage(), e);
        }
    }

    // Read through methods: the beans that inject this one hold a client proxy, whose fields are not these.

    DataSource jdbc(Lookup lookup) {
        return lookup == Lookup.REFERENCE ? jdbcRef : jdbc;
    }

    ManagedExecutorService executor() {
        return executor;
    }

    UserTransaction transaction() {
        return transaction;
    }

    PostgresConnectionFactory postgres(Side side, Lookup lookup) {
        if (lookup == Lookup.REFERENCE) {
            return side == Side.RAR_POOLED ? postgresPooledRef : postgresRef;
        }
        return side == Side.RAR_POOLED ? postgresPooled : postgres;
    }

    RedisConnectionFactory redis(Side side, Lookup lookup) {
        if (lookup == Lookup.REFERENCE) {
            return side == Side.RAR_POOLED ? redisPooledRef : redisRef;
        }
        return side == Side.RAR_POOLED ? redisPooled : redis;
    }

    MongoConnectionFactory mongo(Side side, Lookup lookup) {
        if (lookup == Lookup.REFERENCE) {
            return side == Side.RAR_POOLED ? mongoPooledRef : mongoRef;
        }
        return side == Side.RAR_POOLED ? mongoPooled : mongo;
    }
}
