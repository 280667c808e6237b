package io.earnorm.ra.redis;

import io.earnorm.ra.api.pool.InvalidConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RedisUriTest {

    @Test
    void readsEveryPart() {
        RedisUri uri = RedisUri.parse("redis://alice:s%40cret@cache.example:6380/3");

        assertThat(uri).isEqualTo(new RedisUri("cache.example", 6380, "alice", "s@cret", 3));
    }

    @Test
    void leavesOutWhatTheUriDoesNotSay() {
        assertThat(RedisUri.parse("redis://127.0.0.1")).isEqualTo(new RedisUri("127.0.0.1", 6379, null, null, null));
        assertThat(RedisUri.parse("REDIS://localhost:6379/")).isEqualTo(new RedisUri("localhost", 6379, null, null, null));
    }

    @Test
    void anEmptyUserMeansTheDefaultUser() {
        assertThat(RedisUri.parse("redis://:pw@h:1/0")).isEqualTo(new RedisUri("h", 1, null, "pw", 0));
    }

    @Test
    void readsAnIpv6Host() {
        RedisUri uri = RedisUri.parse("redis://[::1]:7000");

        assertThat(uri.host()).isEqualTo("::1");
        assertThat(new RedisSettings(uri.host(), uri.port(), null, null, 0, null, Duration.ofSeconds(1), Duration.ofSeconds(1)).describe())
                .isEqualTo("[::1]:7000/0");
    }

    @Test
    void toStringMasksThePassword() {
        assertThat(RedisUri.parse("redis://alice:topsecret@h:1").toString()).doesNotContain("topsecret").contains("alice@h:1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "redis://u:topsecret@host:notaport",
            "redis://u:top secret@host:6379",
            "http://u:topsecret@host:6379",
            "redis://u:topsecret@host:6379/abc",
            "redis://u:topsecret@host:6379/0?ssl=true",
            "redis://u:topsecret@host:99999",
            "redis://topsecret@host:6379",
            "redis://u:top/secret@host:6379",
            "localhost:6379",
            " "})
    void refusesAMalformedUriNamingTheOptionWithoutThePassword(String text) {
        InvalidConfigException e = catchThrowableOfType(() -> RedisUri.parse(text), InvalidConfigException.class);

        assertThat(e).isNotNull();
        assertThat(e.option()).isEqualTo("uri");
        assertThat(e.getMessage()).startsWith("uri ").doesNotContain("secret");
        assertThat(e.value()).doesNotContain("secret");
        assertThat(e.getCause()).isNull();
    }

    @Test
    void readsRedissAsTls() {
        assertThat(RedisUri.parse("rediss://h:6380")).isEqualTo(new RedisUri("h", 6380, null, null, null, true));
        assertThat(RedisUri.parse("redis://h:6380").tls()).isFalse();
    }
}
