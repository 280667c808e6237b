package io.earnorm.ra.sample;

import io.earnorm.ra.api.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * At most {@value #WRITES_PER_WINDOW} writes per client in {@value #WINDOW_SECONDS} seconds counted
 * from its first one: a counter per client in Redis that expires with its window. A Lua script
 * counts and sets the expiry in one step, so that no counter can be left without one.
 */
@ApplicationScoped
public class WriteRateLimiter {

    public static final int WRITES_PER_WINDOW = 10;
    public static final int WINDOW_SECONDS = 60;
    private static final String PREFIX = "earnorm:sample:writes:";
    private static final String COUNT = """
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
            return {count, redis.call('TTL', KEYS[1])}""";

    @Inject
    RedisConnections redis;

    /** Counts one write of {@code client}, refusing it with 429 past the limit. */
    public void check(String client) {
        List<?> counted;
        try (RedisConnection conn = redis.open()) {
            counted = (List<?>) conn.execute("EVAL", COUNT, 1, PREFIX + client, WINDOW_SECONDS);
        }
        long count = (Long) counted.get(0);
        long secondsLeft = (Long) counted.get(1);
        if (count > WRITES_PER_WINDOW) {
            throw ApiException.rateLimited(WRITES_PER_WINDOW, WINDOW_SECONDS, Math.max(1, secondsLeft));
        }
    }
}
