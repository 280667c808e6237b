package io.earnorm.ra.redis;

import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.api.pool.ConnectionClosedException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.commands.JedisCommands;
import redis.clients.jedis.exceptions.JedisDataException;

import java.io.Closeable;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code commands()}: Jedis's typed commands on the borrowed socket, and nothing more. */
class RedisTypedCommandsIT extends RedisFixture {

    private final RedisPool pool = open(sharedServerPool().maxSize(1));

    @Test
    void typedCommandsReadAndWriteTheSameDataAsExecute() {
        try (RedisConnection conn = pool.acquire()) {
            JedisCommands redis = conn.commands();

            assertThat(redis.set(key("s"), "value")).isEqualTo("OK");
            assertThat(conn.execute("GET", key("s"))).isEqualTo("value");
            conn.execute("SET", key("t"), "from execute");
            assertThat(redis.get(key("t"))).isEqualTo("from execute");

            assertThat(redis.incr(key("n"))).isEqualTo(1L);
            assertThat(redis.incrBy(key("n"), 9)).isEqualTo(10L);
            assertThat(redis.hset(key("h"), Map.of("a", "1", "b", "2"))).isEqualTo(2L);
            assertThat(redis.hgetAll(key("h"))).isEqualTo(Map.of("a", "1", "b", "2"));
            assertThat(redis.rpush(key("l"), "x", "y", "z")).isEqualTo(3L);
            assertThat(redis.lrange(key("l"), 0, -1)).isEqualTo(List.of("x", "y", "z"));
            assertThat(redis.sadd(key("set"), "p", "q")).isEqualTo(2L);
            assertThat(redis.smembers(key("set"))).isEqualTo(Set.of("p", "q"));
            assertThat(redis.zadd(key("z"), 1.5, "m")).isEqualTo(1L);
            assertThat(redis.zscore(key("z"), "m")).isEqualTo(1.5);
            assertThat(redis.expire(key("s"), 100)).isEqualTo(1L);
            assertThat(redis.ttl(key("s"))).isBetween(1L, 100L);
            assertThat(redis.exists(key("s"), key("missing"))).isEqualTo(1L);
            assertThat(redis.del(key("s"))).isEqualTo(1L);
            assertThat(redis.get(key("s"))).isNull();
        }
    }

    @Test
    void typedCommandsUseTheConfiguredDatabase() {
        try (RedisConnection conn = pool.acquire()) {
            conn.commands().set(key("where"), "here");
        }
        assertThat(admin().get(key("where"))).isEqualTo("here");
    }

    @Test
    void nothingObtainedWorksAfterClose() {
        RedisConnection conn = pool.acquire();
        JedisCommands redis = conn.commands();
        conn.close();

        assertThatThrownBy(() -> redis.get(key("k"))).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(conn::commands).isInstanceOf(ConnectionClosedException.class);
    }

    @Test
    void offersNothingThatCouldCloseOrReconfigureThePooledSocket() {
        try (RedisConnection conn = pool.acquire()) {
            long id = clientId(conn);
            JedisCommands redis = conn.commands();

            assertThat(redis).isNotInstanceOf(Jedis.class).isNotInstanceOf(Closeable.class).isNotInstanceOf(AutoCloseable.class);
            assertThat(redis.getClass().getInterfaces()).containsExactly(JedisCommands.class);
            redis.set(key("k"), "v");
            assertThat(clientId(conn)).isEqualTo(id);
        }
    }

    @Test
    void aServerErrorComesThroughAsTheDriverSaysAndKeepsTheConnection() {
        long id;
        try (RedisConnection conn = pool.acquire()) {
            id = clientId(conn);
            conn.commands().set(key("k"), "string");

            assertThatThrownBy(() -> conn.commands().lpush(key("k"), "x"))
                    .isInstanceOf(JedisDataException.class).hasMessageContaining("WRONGTYPE");
            assertThat(conn.isStale()).isFalse();
        }
        try (RedisConnection again = pool.acquire()) {
            assertThat(clientId(again)).isEqualTo(id);
        }
    }
}
