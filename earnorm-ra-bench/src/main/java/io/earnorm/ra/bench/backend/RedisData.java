package io.earnorm.ra.bench.backend;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import redis.clients.jedis.RedisClient;

import java.util.stream.IntStream;

/**
 * The benchmark's keys in Redis: {@link Dataset#ROWS} keys under a prefix of their own, written
 * before the first iteration and deleted after the last, so nothing else in the database is
 * touched. SET writes the same value back, so the data stays the same throughout.
 */
@State(Scope.Benchmark)
public class RedisData {

    /** A small value, as a cache entry or a session token would be. */
    static final String VALUE = "v".repeat(64);

    private static final String[] KEYS = IntStream.range(0, Dataset.ROWS)
            .mapToObj(i -> "earnorm-bench:item:" + i)
            .toArray(String[]::new);

    /** Built once, so that neither side pays for string concatenation in the measured call. */
    static String randomKey() {
        return KEYS[Dataset.randomId()];
    }

    static String firstKey() {
        return KEYS[0];
    }

    @Setup(Level.Trial)
    public void write() {
        try (RedisClient client = plainClient()) {
            String[] keysAndValues = new String[KEYS.length * 2];
            for (int i = 0; i < KEYS.length; i++) {
                keysAndValues[2 * i] = KEYS[i];
                keysAndValues[2 * i + 1] = VALUE;
            }
            client.mset(keysAndValues);
        }
    }

    @TearDown(Level.Trial)
    public void delete() {
        try (RedisClient client = plainClient()) {
            client.del(KEYS);
        }
    }

    /** Neither side's pool: a client of the driver's defaults, for loading and cleaning up only. */
    private static RedisClient plainClient() {
        return RedisClient.builder().fromURI(Servers.redisUri()).build();
    }
}
