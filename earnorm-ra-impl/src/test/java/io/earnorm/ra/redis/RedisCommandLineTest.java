package io.earnorm.ra.redis;

import io.earnorm.ra.api.EarnormBackendException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisDataException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How execute's arguments are encoded and its replies decoded; no server involved. */
class RedisCommandLineTest {

    private static List<String> texts(RedisCommandLine line) {
        return line.arguments().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void encodesTextBytesAndNumbers() {
        byte[] raw = {0, (byte) 0xff, 7};
        RedisCommandLine line = RedisCommandLine.of("zadd", "k", 1.5, "ü", raw, 42, 7L, (short) 3, new BigDecimal("2.50"),
                Double.POSITIVE_INFINITY, -2.0);

        assertThat(line.command()).isEqualTo("ZADD");
        assertThat(new String(line.name(), StandardCharsets.UTF_8)).isEqualTo("zadd");
        assertThat(texts(line)).containsExactly("k", "1.5", "ü", new String(raw, StandardCharsets.UTF_8), "42", "7", "3", "2.50", "inf", "-2");
        assertThat(line.arguments().get(3)).isSameAs(raw);
    }

    @Test
    void wordsAfterTheCommandNameAreLeadingArguments() {
        RedisCommandLine line = RedisCommandLine.of("  client  setname ", "worker");

        assertThat(line.command()).isEqualTo("CLIENT");
        assertThat(line.subcommand()).isEqualTo("SETNAME");
        assertThat(texts(line)).containsExactly("setname", "worker");
    }

    @Test
    void refusesOtherArgumentTypesByPositionAndType() {
        assertThatThrownBy(() -> RedisCommandLine.of("SET", "k", Boolean.TRUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("argument 2 of Redis command SET is a java.lang.Boolean; Redis arguments are String, byte[] or a number");
        assertThatThrownBy(() -> RedisCommandLine.of("GET", (Object) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("argument 1 of Redis command GET is null");
        assertThatThrownBy(() -> RedisCommandLine.of("INCRBYFLOAT", "k", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INCRBYFLOAT").hasMessageContaining("NaN");
        assertThatThrownBy(() -> RedisCommandLine.of(" ", "k"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a Redis command name");
    }

    @Test
    void toStringShowsNoArgumentValue() {
        assertThat(RedisCommandLine.of("AUTH", "alice", "hunter2").toString()).isEqualTo("AUTH (2 arguments)");
    }

    @Test
    void decodesRepliesRecursively() {
        Object reply = Arrays.asList("0".getBytes(StandardCharsets.UTF_8), List.of("a".getBytes(StandardCharsets.UTF_8), 5L), null);

        assertThat(RedisReplies.decode(reply, false, "X")).isEqualTo(Arrays.asList("0", List.of("a", 5L), null));
        Object binary = RedisReplies.decode(reply, true, "X");
        assertThat(((List<?>) binary).get(0)).isEqualTo("0".getBytes(StandardCharsets.UTF_8));
        assertThat(RedisReplies.decode(null, false, "GET")).isNull();
        assertThat(RedisReplies.decode(12L, false, "INCR")).isEqualTo(12L);
    }

    @Test
    void anErrorInsideAnArrayIsReturnedInItsPlace() {
        Object decoded = RedisReplies.decode(List.of(new JedisDataException("ERR value is not an integer"), "OK".getBytes(StandardCharsets.UTF_8)), false, "EXEC");

        List<?> results = (List<?>) decoded;
        assertThat(results.get(1)).isEqualTo("OK");
        assertThat(results.get(0)).isInstanceOfSatisfying(EarnormBackendException.class, e -> {
            assertThat(e.operation()).isEqualTo("EXEC");
            assertThat(e.connectionLost()).isFalse();
            assertThat(e.getMessage()).contains("ERR value is not an integer");
        });
    }
}
