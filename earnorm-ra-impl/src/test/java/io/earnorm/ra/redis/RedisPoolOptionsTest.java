package io.earnorm.ra.redis;

import io.earnorm.ra.api.pool.InvalidConfigException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Options and settings of a Redis pool; nothing here connects to a server. */
class RedisPoolOptionsTest {

    @Test
    void separateOptionsWinOverTheUri() {
        RedisSettings settings = RedisPool.builder()
                .uri("redis://alice:fromuri@h:7000/2")
                .user("bob").password("given").database(5).clientName("app-1")
                .connectTimeout(Duration.ofMillis(300)).socketTimeout(Duration.ofSeconds(4))
                .settings();

        assertThat(settings).isEqualTo(new RedisSettings("h", 7000, "bob", "given", 5, "app-1", Duration.ofMillis(300), Duration.ofSeconds(4)));
    }

    @Test
    void defaultsToLocalhostDatabaseZeroAndJedisTimeouts() {
        RedisSettings settings = RedisPool.builder().settings();

        assertThat(settings.describe()).isEqualTo("localhost:6379/0");
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.socketTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theMapConstructorReadsSeedAndJavaNames() {
        try (RedisPool pool = new RedisPool("cache", Map.of("uri", "redis://h:7001", "password", "pw", "database", "4",
                "client_name", "svc", "socketTimeout", "750ms", "connect_timeout", Duration.ofSeconds(1),
                "min_size", 0, "maxSize", 3, "timeout", "5s"))) {
            assertThat(pool.name()).isEqualTo("cache");
            assertThat(pool.backendType()).isEqualTo("redis");
            assertThat(pool.config().maxSize()).isEqualTo(3);
            assertThat(pool.config().acquireTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(pool.settings()).isEqualTo(new RedisSettings("h", 7001, null, "pw", 4, "svc", Duration.ofSeconds(1), Duration.ofMillis(750)));
        }
    }

    @Test
    void anUnknownKeyIsRefusedByNameListingTheOptions() {
        assertThatThrownBy(() -> new RedisPool("cache", Map.of("uri", "redis://h", "databse", 1)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("unknown option 'databse' for a redis pool")
                .hasMessageContaining("database").hasMessageContaining("socketTimeout").hasMessageContaining("maxSize");
    }

    @Test
    void aPasswordOfTheWrongTypeIsRefusedWithoutShowingIt() {
        InvalidConfigException e = catchThrowableOfType(
                () -> new RedisPool("cache", Map.of("password", new StringBuilder("sekrit").reverse().chars().toArray())),
                InvalidConfigException.class);

        assertThat(e.option()).isEqualTo("password");
        assertThat(e.getMessage()).contains("password must be text");
    }

    @Test
    void badValuesNameTheOption() {
        assertThatThrownBy(() -> RedisPool.builder().database(-1).settings()).hasMessage("database must be >= 0 (database=-1)");
        assertThatThrownBy(() -> RedisPool.builder().clientName("my app").settings()).hasMessageContaining("clientName must be printable ASCII without spaces");
        assertThatThrownBy(() -> RedisPool.builder().user("bob").settings()).hasMessageContaining("user 'bob' needs a password");
        assertThatThrownBy(() -> RedisPool.builder().socketTimeout(Duration.ZERO).settings()).hasMessageContaining("socketTimeout must be at least 1ms");
        assertThatThrownBy(() -> new RedisPool("p", Map.of("socket_timeout", "2"))).hasMessageContaining("needs a unit");
        assertThatThrownBy(() -> new RedisPool("p", Map.of("database", "two"))).hasMessageContaining("database must be a whole number");
        assertThatThrownBy(() -> RedisPool.builder().uri("redis://h:0").build()).isInstanceOf(InvalidConfigException.class);
    }

    @Test
    void describeAndToStringNeverShowThePassword() {
        RedisSettings settings = RedisPool.builder().uri("redis://alice:Pa55-word@h:7000/1").settings();

        assertThat(settings.describe()).isEqualTo("alice@h:7000/1");
        assertThat(settings.toString()).doesNotContain("Pa55-word").contains("password=****");
        assertThat(new RedisBackend(settings, 10).toString()).doesNotContain("Pa55-word");
        try (RedisPool pool = RedisPool.builder().uri("redis://alice:Pa55-word@h:7000/1").build()) {
            assertThat(pool.toString()).doesNotContain("Pa55-word").contains("alice@h:7000/1");
        }
    }
}
