package io.earnorm.ra.redis;

import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.testsupport.TestServers;
import org.junit.jupiter.api.AfterEach;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the Redis integration tests share: pools on the test server in a database of their own
 * ({@value #DATABASE}), keys under a prefix unique to each test (deleted afterwards), and whatever
 * a test starts closed after it, newest first.
 */
abstract class RedisFixture {

    /** The tests' own database on a shared server; they delete only the keys they made. */
    static final int DATABASE = 11;

    private final String prefix = "earnorm-it:" + UUID.randomUUID() + ":";
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

    /** The shared test server (TestServers: the user's, this machine's, or one started for the tests). */
    static String serverUri() {
        return TestServers.redisUri();
    }

    /** A builder for a pool on the shared server, in the tests' database. */
    static RedisPool.Builder sharedServerPool() {
        return RedisPool.builder().uri(serverUri()).database(DATABASE).acquireTimeout(Duration.ofSeconds(10));
    }

    /** Builds, registers for closing, and initialises a pool. */
    RedisPool open(RedisPool.Builder builder) {
        RedisPool pool = closeLater(builder.build());
        pool.init();
        return pool;
    }

    <T extends AutoCloseable> T closeLater(T resource) {
        toClose.push(resource);
        return resource;
    }

    String key(String name) {
        return prefix + name;
    }

    /** A plain Jedis client on the shared server, outside any pool, for checking and disturbing from the side. */
    Jedis admin() {
        return closeLater(newAdmin());
    }

    private static Jedis newAdmin() {
        RedisUri uri = RedisUri.parse(serverUri());
        return new Jedis(new HostAndPort(uri.host(), uri.port()), DefaultJedisClientConfig.builder()
                .user(uri.user()).password(uri.password()).database(DATABASE).build());
    }

    static long clientId(RedisConnection connection) {
        return (Long) connection.execute("CLIENT", "ID");
    }

    /**
     * Runs {@code action} on another thread and waits for it at most 10 s, so that a hang fails the
     * test (with a TimeoutException) instead of stalling it. What the action throws is rethrown as is.
     */
    static <T> T within10s(Supplier<T> action) throws Exception {
        Future<T> future = CompletableFuture.supplyAsync(action);
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        Exception failure = null;
        try (Jedis jedis = newAdmin()) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, new ScanParams().match(prefix + "*").count(1000));
                List<String> keys = page.getResult();
                if (!keys.isEmpty()) {
                    jedis.del(keys.toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        } catch (RuntimeException e) {
            failure = e;
        }
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
