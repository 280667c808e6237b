package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.InvalidConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PoolConfigTest {

    @Test
    void defaultsAreThoseOfTheDesign() {
        PoolConfig c = PoolConfig.DEFAULTS;

        assertThat(c.minSize()).isZero();
        assertThat(c.maxSize()).isEqualTo(10);
        assertThat(c.acquireTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.maxLifetime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.validateOnBorrow()).isTrue();
        assertThat(c.testOnReturn()).isFalse();
        assertThat(c.validationTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.keepaliveInterval()).isZero();
        assertThat(c.maxConnecting()).isEqualTo(2);
        assertThat(c.leakDetectionThreshold()).isZero();
        assertThat(c.probeInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.instances()).isEqualTo(1);
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                arguments("minSize", (UnaryOperator<PoolConfig.Builder>) b -> b.minSize(-1), "minSize must be >= 0 (minSize=-1)"),
                arguments("maxSize", (UnaryOperator<PoolConfig.Builder>) b -> b.maxSize(0), "maxSize must be >= 1 (maxSize=0)"),
                arguments("maxSize", (UnaryOperator<PoolConfig.Builder>) b -> b.maxSize(-3), "maxSize must be >= 1 (maxSize=-3)"),
                arguments("maxSize", (UnaryOperator<PoolConfig.Builder>) b -> b.minSize(5).maxSize(2), "maxSize must be >= minSize (minSize=5, maxSize=2)"),
                arguments("acquireTimeout", (UnaryOperator<PoolConfig.Builder>) b -> b.acquireTimeout(Duration.ofSeconds(-1)), "acquireTimeout must be >= 0 (acquireTimeout=-1s)"),
                arguments("acquireTimeout", (UnaryOperator<PoolConfig.Builder>) b -> b.acquireTimeout(null), "acquireTimeout must be set (acquireTimeout=null)"),
                arguments("maxLifetime", (UnaryOperator<PoolConfig.Builder>) b -> b.maxLifetime(Duration.ofMillis(-5)), "maxLifetime must be >= 0"),
                arguments("idleTimeout", (UnaryOperator<PoolConfig.Builder>) b -> b.idleTimeout(Duration.ofMinutes(-1)), "idleTimeout must be >= 0"),
                arguments("idleTimeout", (UnaryOperator<PoolConfig.Builder>) b -> b.maxLifetime(Duration.ofMinutes(5)).idleTimeout(Duration.ofMinutes(10)),
                        "idleTimeout must be < maxLifetime when both are set (idleTimeout=10m, maxLifetime=5m)"),
                arguments("validationTimeout", (UnaryOperator<PoolConfig.Builder>) b -> b.validationTimeout(Duration.ZERO), "validationTimeout must be > 0 (validationTimeout=0s)"),
                arguments("validationTimeout", (UnaryOperator<PoolConfig.Builder>) b -> b.validationTimeout(Duration.ofSeconds(-2)), "validationTimeout must be > 0 (validationTimeout=-2s)"),
                arguments("keepaliveInterval", (UnaryOperator<PoolConfig.Builder>) b -> b.keepaliveInterval(Duration.ofSeconds(-1)), "keepaliveInterval must be >= 0"),
                arguments("keepaliveInterval", (UnaryOperator<PoolConfig.Builder>) b -> b.maxLifetime(Duration.ofMinutes(1)).idleTimeout(Duration.ZERO).keepaliveInterval(Duration.ofMinutes(2)),
                        "keepaliveInterval must be < maxLifetime when both are set (keepaliveInterval=2m, maxLifetime=1m)"),
                arguments("maxConnecting", (UnaryOperator<PoolConfig.Builder>) b -> b.maxConnecting(0), "maxConnecting must be >= 1 (maxConnecting=0)"),
                arguments("leakDetectionThreshold", (UnaryOperator<PoolConfig.Builder>) b -> b.leakDetectionThreshold(Duration.ofSeconds(-1)), "leakDetectionThreshold must be >= 0"),
                arguments("probeInterval", (UnaryOperator<PoolConfig.Builder>) b -> b.probeInterval(Duration.ZERO), "probeInterval must be > 0"),
                arguments("instances", (UnaryOperator<PoolConfig.Builder>) b -> b.instances(0), "instances must be >= 1 (instances=0)"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("brokenRules")
    void everyRuleIsRefusedWithTheOptionTheValueAndTheRule(String option, UnaryOperator<PoolConfig.Builder> change, String message) {
        assertThatThrownBy(() -> change.apply(PoolConfig.builder()).build())
                .isInstanceOf(InvalidConfigException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidConfigException) e).option()).isEqualTo(option));
    }

    @Test
    void zeroMeansNoLimitForLifetimeIdleKeepaliveAndLeakDetection() {
        PoolConfig c = PoolConfig.builder().maxLifetime(Duration.ZERO).idleTimeout(Duration.ZERO)
                .keepaliveInterval(Duration.ZERO).leakDetectionThreshold(Duration.ZERO).acquireTimeout(Duration.ZERO).build();

        assertThat(c.maxLifetime()).isZero();
        assertThat(c.acquireTimeout()).isZero();
    }

    @Test
    void optionsCanBeSetByTheirSeedNamesWithDurationsAsText() {
        PoolConfig c = PoolConfig.fromMap(Map.of(
                "min_size", 5, "max_size", "20", "timeout", "30s", "max_lifetime", "1h", "idle_timeout", "PT5M",
                "validate_on_borrow", true, "test_on_return", "true", "uri", "mongodb://ignored", "database", "test"));

        assertThat(c.minSize()).isEqualTo(5);
        assertThat(c.maxSize()).isEqualTo(20);
        assertThat(c.acquireTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.maxLifetime()).isEqualTo(Duration.ofHours(1));
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.testOnReturn()).isTrue();
    }

    @Test
    void aBareNumberIsNotADuration() {
        assertThatThrownBy(() -> PoolConfig.builder().set("timeout", 30.0))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("timeout needs a unit");
        assertThatThrownBy(() -> PoolConfig.builder().set("idleTimeout", "300"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("idleTimeout needs a unit: write 300s, 300ms or PT300S");
    }

    @Test
    void valuesOfTheWrongKindAreRefusedByName() {
        assertThatThrownBy(() -> PoolConfig.builder().set("maxSize", "ten"))
                .isInstanceOf(InvalidConfigException.class).hasMessage("maxSize must be a whole number (maxSize='ten')");
        assertThatThrownBy(() -> PoolConfig.builder().set("validateOnBorrow", "yes"))
                .isInstanceOf(InvalidConfigException.class).hasMessage("validateOnBorrow must be true or false (validateOnBorrow='yes')");
        assertThatThrownBy(() -> PoolConfig.builder().set("maxPoolSize", 3))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("unknown pool option 'maxPoolSize'");
    }

    @Test
    void aConfigIsAValueAndRoundTripsThroughItsBuilderAndMap() {
        PoolConfig c = PoolConfig.builder().minSize(2).maxSize(7).acquireTimeout(Duration.ofMillis(1500)).build();

        assertThat(c.toBuilder().build()).isEqualTo(c).hasSameHashCodeAs(c);
        assertThat(PoolConfig.fromMap(c.asMap())).isEqualTo(c);
        assertThat(c.toString()).contains("minSize=2", "maxSize=7", "acquireTimeout=1500ms");
        assertThat(PoolConfig.Builder.optionNames()).hasSize(15);
    }
}
