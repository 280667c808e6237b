package io.earnorm.ra.bench.backend;

import io.earnorm.ra.api.RedisConnection;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One GET or one SET of a random key per operation, each through a borrowed connection: the
 * EarnORM {@code RedisPool} through {@code execute} (the seed's documented way), Jedis's
 * {@code RedisClient} through its typed command, which borrows and returns a pooled connection
 * inside the call. The annotations are defaults for a 2-core machine; JMH command-line options
 * override them. Thread counts are chosen per run ({@link BackendBenchMain}).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = BackendFork.QUIET_SLF4J)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RedisBenchmark {

    @Benchmark
    public Object getEarnorm(EarnormRedisState state) {
        try (RedisConnection c = state.pool.acquire()) {
            return c.execute("GET", RedisData.randomKey());
        }
    }

    @Benchmark
    public String getJedis(JedisRedisState state) {
        return state.client.get(RedisData.randomKey());
    }

    @Benchmark
    public Object setEarnorm(EarnormRedisState state) {
        try (RedisConnection c = state.pool.acquire()) {
            return c.execute("SET", RedisData.randomKey(), RedisData.VALUE);
        }
    }

    @Benchmark
    public String setJedis(JedisRedisState state) {
        return state.client.set(RedisData.randomKey(), RedisData.VALUE);
    }
}
