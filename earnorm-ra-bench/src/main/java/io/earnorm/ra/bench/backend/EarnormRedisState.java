package io.earnorm.ra.bench.backend;

import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.redis.RedisPool;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** One EarnORM {@link RedisPool}, full before the first iteration, shared by all benchmark threads. */
@State(Scope.Benchmark)
public class EarnormRedisState {

    RedisPool pool;

    @Setup(Level.Trial)
    public void open(RedisData data) {
        PoolLogs.showOnlyWarnings();
        // validateOnBorrow stays at its default (true): it skips connections used in the last
        // 500 ms, which is every borrow in the steady state; Jedis's pool does not test on borrow.
        pool = RedisPool.builder()
                .name("bench-redis")
                .uri(Servers.redisUri())
                .minSize(PoolSize.CONNECTIONS)
                .maxSize(PoolSize.CONNECTIONS)
                .acquireTimeout(PoolSize.WAIT_LIMIT)
                .build();
        pool.init();
        Checks.poolIsFull("EarnORM RedisPool", pool.size());
        try (RedisConnection c = pool.acquire()) {
            Checks.sameValue("EarnORM RedisPool GET", RedisData.VALUE, c.execute("GET", RedisData.firstKey()));
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        pool.close();
    }
}
