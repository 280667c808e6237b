package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.InvalidConfigException;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The options of one pool, immutable and valid: a {@link Builder} checks every rule when it
 * builds and refuses a wrong value with an {@link InvalidConfigException} that names the option,
 * the value and the rule.
 *
 * <p>The options, their seed spellings ({@code min_size}, {@code timeout}, ...), defaults, rules
 * and meanings are the table {@link PoolOption}; {@link Builder#set(String, Object)} accepts
 * every spelling.
 */
public final class PoolConfig {

    /** The defaults, as {@link PoolOption} gives them. */
    public static final PoolConfig DEFAULTS = builder().build();

    /** Every option, typed as {@link PoolOption.Kind#type()} says. */
    private final Map<PoolOption, Object> values;

    private PoolConfig(Builder b) {
        this.values = new EnumMap<>(b.values);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.values.putAll(values);
        return b;
    }

    /**
     * Builds a configuration from option names and values, as a property file or the seed's
     * keyword arguments give them. Names may be Java ({@code minSize}) or seed ({@code min_size});
     * values may be typed or text. Keys that are not pool options are ignored, so a backend can
     * pass its whole property map.
     */
    public static PoolConfig fromMap(Map<String, ?> options) {
        Builder b = builder();
        options.forEach((k, v) -> {
            if (Builder.isOption(k)) {
                b.set(k, v);
            }
        });
        return b.build();
    }

    public int minSize() {
        return (Integer) values.get(PoolOption.MIN_SIZE);
    }

    public int maxSize() {
        return (Integer) values.get(PoolOption.MAX_SIZE);
    }

    public Duration acquireTimeout() {
        return (Duration) values.get(PoolOption.ACQUIRE_TIMEOUT);
    }

    public Duration maxLifetime() {
        return (Duration) values.get(PoolOption.MAX_LIFETIME);
    }

    public Duration idleTimeout() {
        return (Duration) values.get(PoolOption.IDLE_TIMEOUT);
    }

    public boolean validateOnBorrow() {
        return (Boolean) values.get(PoolOption.VALIDATE_ON_BORROW);
    }

    public boolean testOnReturn() {
        return (Boolean) values.get(PoolOption.TEST_ON_RETURN);
    }

    public Duration validationTimeout() {
        return (Duration) values.get(PoolOption.VALIDATION_TIMEOUT);
    }

    public Duration keepaliveInterval() {
        return (Duration) values.get(PoolOption.KEEPALIVE_INTERVAL);
    }

    public int maxConnecting() {
        return (Integer) values.get(PoolOption.MAX_CONNECTING);
    }

    public Duration leakDetectionThreshold() {
        return (Duration) values.get(PoolOption.LEAK_DETECTION_THRESHOLD);
    }

    public Duration probeInterval() {
        return (Duration) values.get(PoolOption.PROBE_INTERVAL);
    }

    /** Application instances whose pools share the server; only for the start-up check of the server's connection limit. */
    public int instances() {
        return (Integer) values.get(PoolOption.INSTANCES);
    }

    /** The most connections all instances of this pool together may hold on the server; 0 for no fleet budget. */
    public int fleetMaxSize() {
        return (Integer) values.get(PoolOption.FLEET_MAX_SIZE);
    }

    /** How often an instance counts the fleet's connections on the server. */
    public Duration fleetInterval() {
        return (Duration) values.get(PoolOption.FLEET_INTERVAL);
    }

    /** The value of {@code option}, typed as {@link PoolOption.Kind#type()} says. */
    public Object get(PoolOption option) {
        return values.get(option);
    }

    /** Every option by its Java name, in the order of the table, with durations as text. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        values.forEach((option, value) -> m.put(option.optionName(), option.format(value)));
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PoolConfig other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        asMap().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }

    /** Collects options; {@link #build()} checks them all. Setters accept anything so that order never matters. */
    public static final class Builder {

        private final Map<PoolOption, Object> values = new EnumMap<>(PoolOption.class);

        private Builder() {
            for (PoolOption option : PoolOption.values()) {
                values.put(option, option.defaultValue());
            }
        }

        public Builder minSize(int minSize) {
            return put(PoolOption.MIN_SIZE, minSize);
        }

        public Builder maxSize(int maxSize) {
            return put(PoolOption.MAX_SIZE, maxSize);
        }

        public Builder acquireTimeout(Duration acquireTimeout) {
            return put(PoolOption.ACQUIRE_TIMEOUT, acquireTimeout);
        }

        public Builder maxLifetime(Duration maxLifetime) {
            return put(PoolOption.MAX_LIFETIME, maxLifetime);
        }

        public Builder idleTimeout(Duration idleTimeout) {
            return put(PoolOption.IDLE_TIMEOUT, idleTimeout);
        }

        public Builder validateOnBorrow(boolean validateOnBorrow) {
            return put(PoolOption.VALIDATE_ON_BORROW, validateOnBorrow);
        }

        public Builder testOnReturn(boolean testOnReturn) {
            return put(PoolOption.TEST_ON_RETURN, testOnReturn);
        }

        public Builder validationTimeout(Duration validationTimeout) {
            return put(PoolOption.VALIDATION_TIMEOUT, validationTimeout);
        }

        public Builder keepaliveInterval(Duration keepaliveInterval) {
            return put(PoolOption.KEEPALIVE_INTERVAL, keepaliveInterval);
        }

        public Builder maxConnecting(int maxConnecting) {
            return put(PoolOption.MAX_CONNECTING, maxConnecting);
        }

        public Builder leakDetectionThreshold(Duration leakDetectionThreshold) {
            return put(PoolOption.LEAK_DETECTION_THRESHOLD, leakDetectionThreshold);
        }

        public Builder probeInterval(Duration probeInterval) {
            return put(PoolOption.PROBE_INTERVAL, probeInterval);
        }

        public Builder instances(int instances) {
            return put(PoolOption.INSTANCES, instances);
        }

        /** The most connections all instances of this pool together may hold on the server; 0 (the default) for none. */
        public Builder fleetMaxSize(int fleetMaxSize) {
            return put(PoolOption.FLEET_MAX_SIZE, fleetMaxSize);
        }

        public Builder fleetInterval(Duration fleetInterval) {
            return put(PoolOption.FLEET_INTERVAL, fleetInterval);
        }

        private Builder put(PoolOption option, Object value) {
            values.put(option, value);
            return this;
        }

        /** True when {@code name} is an option, in its Java or its seed spelling. */
        public static boolean isOption(String name) {
            return PoolOption.named(name).isPresent();
        }

        /** The option names, Java spelling, in the table's order. */
        public static Set<String> optionNames() {
            return DEFAULTS.asMap().keySet();
        }

        /**
         * Sets an option by name. Integers take an {@code Integer} or decimal text; booleans a
         * {@code Boolean} or {@code true}/{@code false}; durations a {@link Duration} or text that
         * {@link Durations#parse} reads.
         *
         * @throws InvalidConfigException for an unknown option or a value of the wrong kind
         */
        public Builder set(String option, Object value) {
            PoolOption known = PoolOption.named(option).orElseThrow(() -> new InvalidConfigException(option, value,
                    "unknown pool option '" + option + "'; the options are " + PoolOption.names()));
            return put(known, known.read(option, value));
        }

        /**
         * Checks every rule and builds: each option's own (see {@link PoolOption}), then those between options.
         *
         * @throws InvalidConfigException naming the option, the value and the broken rule
         */
        public PoolConfig build() {
            values.forEach(PoolOption::check);
            int minSize = (Integer) values.get(PoolOption.MIN_SIZE);
            int maxSize = (Integer) values.get(PoolOption.MAX_SIZE);
            if (maxSize < minSize) {
                throw new InvalidConfigException("maxSize", maxSize,
                        "maxSize must be >= minSize (minSize=" + minSize + ", maxSize=" + maxSize + ")");
            }
            belowMaxLifetime(PoolOption.IDLE_TIMEOUT);
            belowMaxLifetime(PoolOption.KEEPALIVE_INTERVAL);
            return new PoolConfig(this);
        }

        private void belowMaxLifetime(PoolOption option) {
            Duration maxLifetime = (Duration) values.get(PoolOption.MAX_LIFETIME);
            Duration value = (Duration) values.get(option);
            if (!maxLifetime.isZero() && !value.isZero() && value.compareTo(maxLifetime) >= 0) {
                String name = option.optionName();
                throw new InvalidConfigException(name, Durations.format(value), name + " must be < maxLifetime when both are set ("
                        + name + "=" + Durations.format(value) + ", maxLifetime=" + Durations.format(maxLifetime) + ")");
            }
        }
    }
}
