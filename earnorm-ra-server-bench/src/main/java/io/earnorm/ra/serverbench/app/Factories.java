package io.earnorm.ra.serverbench.app;

import io.earnorm.ra.api.MongoConnectionFactory;
import io.earnorm.ra.api.PostgresConnectionFactory;
import io.earnorm.ra.api.RedisConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.transaction.UserTransaction;

import javax.sql.DataSource;

/**
 * Everything the server defines for the benchmark (src/main/payara/post-boot-commands.txt): the
 * adapter's factories with the server's connector pool off and on, Payara's JDBC resource, the
 * managed executor the workers run on, and the transaction manager.
 */
@ApplicationScoped
public class Factories {

    @Resource(lookup = "eis/earnorm-bench/postgres")
    private PostgresConnectionFactory postgres;
    @Resource(lookup = "eis/earnorm-bench/postgres-pooled")
    private PostgresConnectionFactory postgresPooled;
    @Resource(lookup = "eis/earnorm-bench/redis")
    private RedisConnectionFactory redis;
    @Resource(lookup = "eis/earnorm-bench/redis-pooled")
    private RedisConnectionFactory redisPooled;
    @Resource(lookup = "eis/earnorm-bench/mongo")
    private MongoConnectionFactory mongo;
    @Resource(lookup = "eis/earnorm-bench/mongo-pooled")
    private MongoConnectionFactory mongoPooled;
    @Resource(lookup = "jdbc/earnorm-bench")
    private DataSource jdbc;
    @Resource(lookup = "concurrent/earnorm-bench")
    private ManagedExecutorService executor;
    @Resource
    private UserTransaction transaction;

    // Read through methods: the beans that inject this one hold a client proxy, whose fields are not these.

    DataSource jdbc() {
        return jdbc;
    }

    ManagedExecutorService executor() {
        return executor;
    }

    UserTransaction transaction() {
        return transaction;
    }

    PostgresConnectionFactory postgres(Side side) {
        return side == Side.RAR_POOLED ? postgresPooled : postgres;
    }

    RedisConnectionFactory redis(Side side) {
        return side == Side.RAR_POOLED ? redisPooled : redis;
    }

    MongoConnectionFactory mongo(Side side) {
        return side == Side.RAR_POOLED ? mongoPooled : mongo;
    }
}
