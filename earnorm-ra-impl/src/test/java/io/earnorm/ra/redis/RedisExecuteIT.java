package io.earnorm.ra.redis;

import io.earnorm.ra.api.EarnormBackendException;
import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.api.pool.ConnectionClosedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code execute} against a real server: every kind of reply and argument, and every kind of failure. */
class RedisExecuteIT extends RedisFixture {

    private final RedisPool pool = open(sharedServerPool().maxSize(1));

    @Test
    void statusBulkIntegerAndNilReplies() {
        try (RedisConnection conn = pool.acquire()) {
            assertThat(conn.execute("SET", key("s"), "value")).isEqualTo("OK");
            assertThat(conn.execute("GET", key("s"))).isEqualTo("value");
            assertThat(conn.execute("GET", key("missing"))).isNull();
            assertThat(conn.execute("INCR", key("n"))).isEqualTo(1L);
            assertThat(conn.execute("INCRBY", key("n"), 41)).isEqualTo(42L);
            assertThat(conn.execute("APPEND", key("s"), "!")).isEqualTo(6L);
            assertThat(conn.execute("PING")).isEqualTo("PONG");
        }
    }

    @Test
    void arraysAreListsAllTheWayDown() {
        try (RedisConnection conn = pool.acquire()) {
            assertThat(conn.execute("RPUSH", key("l"), "a", "b", "c")).isEqualTo(3L);
            assertThat(conn.execute("LRANGE", key("l"), 0, -1)).isEqualTo(List.of("a", "b", "c"));
            conn.execute("HSET", key("h"), "f1", "v1", "f2", "v2");
            assertThat(conn.execute("HGETALL", key("h"))).isEqualTo(List.of("f1", "v1", "f2", "v2"));
            assertThat(conn.execute("MGET", key("l-missing"), key("h-missing"))).isEqualTo(Arrays.asList(null, null));

            Object scan = conn.execute("SCAN", 0, "MATCH", key("*"), "COUNT", 1000);

            assertThat(scan).asList().hasSize(2);
            assertThat(((List<?>) scan).get(1)).asList().contains(key("l"), key("h"));
        }
    }

    @Test
    void aTransactionReturnsItsResultsAndAnErrorInItsPlace() {
        try (RedisConnection conn = pool.acquire()) {
            conn.execute("SET", key("word"), "abc");
            assertThat(conn.execute("MULTI")).isEqualTo("OK");
            assertThat(conn.execute("INCR", key("counter"))).isEqualTo("QUEUED");
            assertThat(conn.execute("INCR", key("word"))).isEqualTo("QUEUED");
            assertThat(conn.execute("GET", key("word"))).isEqualTo("QUEUED");

            List<?> results = (List<?>) conn.execute("EXEC");

            assertThat(results.get(0)).isEqualTo(1L);
            assertThat(results.get(1)).isInstanceOfSatisfying(EarnormBackendException.class,
                    e -> assertThat(e.getMessage()).contains("not an integer"));
            assertThat(results.get(2)).isEqualTo("abc");
        }
    }

    @Test
    void textIsUtf8AndBytesStayBytes() {
        byte[] notUtf8 = {(byte) 0xc3, (byte) 0x28, 0, (byte) 0xff};
        try (RedisHandle conn = (RedisHandle) pool.acquire()) {
            conn.execute("SET", key("text"), "grüße ✓");
            conn.execute("SET", key("bytes"), notUtf8);

            assertThat(conn.execute("GET", key("text"))).isEqualTo("grüße ✓");
            assertThat(conn.execute("STRLEN", key("text"))).isEqualTo((long) "grüße ✓".getBytes(StandardCharsets.UTF_8).length);
            assertThat(conn.executeBinary("GET", key("bytes"))).isEqualTo(notUtf8);
            assertThat(conn.executeBinary("PING")).isEqualTo("PONG".getBytes(StandardCharsets.US_ASCII));
            assertThat(conn.executeBinary("MGET", key("bytes"), key("none"))).asList()
                    .satisfiesExactly(v -> assertThat(v).isEqualTo(notUtf8), v -> assertThat(v).isNull());
        }
    }

    @Test
    void numbersAreSentAsTheirDecimalText() {
        try (RedisConnection conn = pool.acquire()) {
            conn.execute("SET", key("n"), 10);
            assertThat(conn.execute("INCRBYFLOAT", key("n"), 1.5)).isEqualTo("11.5");
            assertThat(conn.execute("EXPIRE", key("n"), 100L)).isEqualTo(1L);
            conn.execute("ZADD", key("z"), 2.25, "m", Double.POSITIVE_INFINITY, "top");
            assertThat(conn.execute("ZSCORE", key("z"), "m")).isEqualTo("2.25");
            assertThat(conn.execute("ZSCORE", key("z"), "top")).isEqualTo("inf");
        }
    }

    @Test
    void sendsCommandsTheDriverHasNoConstantForAndNamesInAnyCase() {
        try (RedisConnection conn = pool.acquire()) {
            assertThat(conn.execute("PFSELFTEST")).isEqualTo("OK");
            conn.execute("xadd", key("stream"), "1-1", "f", "v");
            assertThat(conn.execute("XSETID", key("stream"), "5-0")).isEqualTo("OK");
            assertThat(conn.execute("xinfo stream", key("stream"))).asList().contains("last-generated-id", "5-0");
        }
    }

    @Test
    void anUnknownCommandIsUnsupportedAndLeavesTheConnectionUsable() {
        try (RedisConnection conn = pool.acquire()) {
            long id = clientId(conn);

            assertThatThrownBy(() -> conn.execute("FLYTOTHEMOON", "now"))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("redis has no command FLYTOTHEMOON");
            assertThatThrownBy(() -> conn.execute("CLIENT", "DANCE"))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("redis command CLIENT has no subcommand DANCE");
            assertThat(clientId(conn)).isEqualTo(id);
        }
    }

    @Test
    void aWrongNumberOfArgumentsIsAnIllegalArgumentNamingTheCommand() {
        try (RedisConnection conn = pool.acquire()) {
            assertThatThrownBy(() -> conn.execute("GET"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("wrong number of arguments for redis command GET: got 0");
            assertThat(conn.execute("PING")).isEqualTo("PONG");
        }
    }

    @Test
    void anArgumentOfAnotherTypeIsRefusedBeforeAnythingIsSent() {
        try (RedisConnection conn = pool.acquire()) {
            assertThatThrownBy(() -> conn.execute("SET", key("k"), List.of("x")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("argument 2 of Redis command SET is a java.util");
            assertThat(conn.execute("EXISTS", key("k"))).isEqualTo(0L);
        }
    }

    @Test
    void anErrorReplyIsABackendExceptionAndTheConnectionIsKept() {
        long id;
        try (RedisConnection conn = pool.acquire()) {
            id = clientId(conn);
            conn.execute("SET", key("k"), "string");

            EarnormBackendException e = catchThrowableOfType(() -> conn.execute("LPUSH", key("k"), "x"), EarnormBackendException.class);

            assertThat(e.backendType()).isEqualTo("redis");
            assertThat(e.operation()).isEqualTo("LPUSH");
            assertThat(e.connectionLost()).isFalse();
            assertThat(e.getMessage()).contains("WRONGTYPE");
            assertThat(conn.isStale()).isFalse();
            assertThat(conn.execute("GET", key("k"))).isEqualTo("string");
        }
        try (RedisConnection again = pool.acquire()) {
            assertThat(clientId(again)).isEqualTo(id);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SUBSCRIBE        | subscribe mode",
            "PSUBSCRIBE       | subscribe mode",
            "SSUBSCRIBE       | subscribe mode",
            "MONITOR          | endless stream",
            "QUIT             | closes the pooled connection",
            "RESET            | logs out",
            "HELLO 3          | protocol",
            "CLIENT REPLY OFF | one reply for every command",
            "client reply skip | one reply for every command"})
    void commandsThatWouldSpoilTheSocketAreRefused(String command, String reason) {
        try (RedisConnection conn = pool.acquire()) {
            long id = clientId(conn);

            assertThatThrownBy(() -> conn.execute(command, "channel"))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("is not supported by execute")
                    .hasMessageContaining(reason);
            assertThat(clientId(conn)).isEqualTo(id);
        }
    }

    @Test
    void aBlockingCommandMayWaitLongerThanTheSocketTimeout() {
        RedisPool shortTimeout = open(sharedServerPool().maxSize(1).socketTimeout(Duration.ofMillis(200)));
        try (RedisConnection conn = shortTimeout.acquire()) {
            long id = clientId(conn);

            assertThat(conn.execute("BLPOP", key("empty"), 0.6)).isNull();

            assertThat(conn.isStale()).isFalse();
            assertThat(clientId(conn)).isEqualTo(id);
        }
    }

    @Test
    void nothingWorksAfterClose() {
        RedisConnection conn = pool.acquire();
        conn.close();

        assertThat(conn.isClosed()).isTrue();
        assertThatThrownBy(() -> conn.execute("PING")).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(() -> ((RedisHandle) conn).executeBinary("PING")).isInstanceOf(ConnectionClosedException.class);
    }
}
