package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.InvalidConfigException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The options of one pool, immutable and valid: a {@link Builder} checks every rule when it
 * builds and refuses a wrong value with an {@link InvalidConfigException} that names the option,
 * the value and the rule.
 *
 * <p>Option names follow the seed module; each also has its seed spelling ({@code min_size},
 * {@code timeout}, ...), which {@link Builder#set(String, Object)} accepts too.
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>option</th><th>seed name</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>minSize</td><td>min_size</td><td>0</td><td>connections kept open, refilled in the background</td></tr>
 *   <tr><td>maxSize</td><td>max_size</td><td>10</td><td>hard cap on open connections (in use + idle + being opened)</td></tr>
 *   <tr><td>acquireTimeout</td><td>timeout</td><td>30s</td><td>total time an acquire may wait, validation retries included; 0 means do not wait</td></tr>
 *   <tr><td>maxLifetime</td><td>max_lifetime</td><td>30m</td><td>age at which a connection is retired (never while in use), less a jitter of up to 2.5%; 0 means no limit</td></tr>
 *   <tr><td>idleTimeout</td><td>idle_timeout</td><td>10m</td><td>idle connections above minSize are closed after this; 0 means never</td></tr>
 *   <tr><td>validateOnBorrow</td><td>validate_on_borrow</td><td>true</td><td>validate before handing out, unless used within the last 500 ms</td></tr>
 *   <tr><td>testOnReturn</td><td>test_on_return</td><td>false</td><td>validate when returned</td></tr>
 *   <tr><td>validationTimeout</td><td></td><td>5s</td><td>bound on one validation</td></tr>
 *   <tr><td>keepaliveInterval</td><td></td><td>0 (off)</td><td>validate connections idle this long in the background</td></tr>
 *   <tr><td>maxConnecting</td><td></td><td>2</td><td>connections being opened at once</td></tr>
 *   <tr><td>leakDetectionThreshold</td><td></td><td>0 (off)</td><td>report a connection held longer, with its borrower's stack</td></tr>
 *   <tr><td>probeInterval</td><td></td><td>1s</td><td>how often a paused pool tries to open a connection to turn ready again</td></tr>
 *   <tr><td>instances</td><td></td><td>1</td><td>application instances whose pools share the server; a pool warns at start when maxSize x instances exceeds what the server accepts</td></tr>
 * </table>
 */
public final class PoolConfig {

    /** The defaults, as the table above gives them. */
    public static final PoolConfig DEFAULTS = builder().build();

    private final int minSize;
    private final int maxSize;
    private final Duration acquireTimeout;
    private final Duration maxLifetime;
    private final Duration idleTimeout;
    private final boolean validateOnBorrow;
    private final boolean testOnReturn;
    private final Duration validationTimeout;
    private final Duration keepaliveInterval;
    private final int maxConnecting;
    private final Duration leakDetectionThreshold;
    private final Duration probeInterval;
    private final int instances;

    private PoolConfig(Builder b) {
        this.minSize = b.minSize;
        this.maxSize = b.maxSize;
        this.acquireTimeout = b.acquireTimeout;
        this.maxLifetime = b.maxLifetime;
        this.idleTimeout = b.idleTimeout;
        this.validateOnBorrow = b.validateOnBorrow;
        this.testOnReturn = b.testOnReturn;
        this.validationTimeout = b.validationTimeout;
        this.keepaliveInterval = b.keepaliveInterval;
        this.maxConnecting = b.maxConnecting;
        this.leakDetectionThreshold = b.leakDetectionThreshold;
        this.probeInterval = b.probeInterval;
        this.instances = b.instances;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration. */
    public Builder toBuilder() {
        return new Builder()
                .minSize(minSize)
                .maxSize(maxSize)
                .acquireTimeout(acquireTimeout)
                .maxLifetime(maxLifetime)
                .idleTimeout(idleTimeout)
                .validateOnBorrow(validateOnBorrow)
                .testOnReturn(testOnReturn)
                .validationTimeout(validationTimeout)
                .keepaliveInterval(keepaliveInterval)
                .maxConnecting(maxConnecting)
                .leakDetectionThreshold(leakDetectionThreshold)
                .probeInterval(probeInterval)
                .instances(instances);
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
        return minSize;
    }

    public int maxSize() {
        return maxSize;
    }

    public Duration acquireTimeout() {
        return acquireTimeout;
    }

    public Duration maxLifetime() {
        return maxLifetime;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public boolean validateOnBorrow() {
        return validateOnBorrow;
    }

    public boolean testOnReturn() {
        return testOnReturn;
    }

    public Duration validationTimeout() {
        return validationTimeout;
    }

    public Duration keepaliveInterval() {
        return keepaliveInterval;
    }

    public int maxConnecting() {
        return maxConnecting;
    }

    public Duration leakDetectionThreshold() {
        return leakDetectionThreshold;
    }

    public Duration probeInterval() {
        return probeInterval;
    }

    /** Application instances whose pools share the server; only for the start-up check of the server's connection limit. */
    public int instances() {
        return instances;
    }

    /** Every option by its Java name, in the order of the table, with durations as text. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("minSize", Integer.toString(minSize));
        m.put("maxSize", Integer.toString(maxSize));
        m.put("acquireTimeout", Durations.format(acquireTimeout));
        m.put("maxLifetime", Durations.format(maxLifetime));
        m.put("idleTimeout", Durations.format(idleTimeout));
        m.put("validateOnBorrow", Boolean.toString(validateOnBorrow));
        m.put("testOnReturn", Boolean.toString(testOnReturn));
        m.put("validationTimeout", Durations.format(validationTimeout));
        m.put("keepaliveInterval", Durations.format(keepaliveInterval));
        m.put("maxConnecting", Integer.toString(maxConnecting));
        m.put("leakDetectionThreshold", Durations.format(leakDetectionThreshold));
        m.put("probeInterval", Durations.format(probeInterval));
        m.put("instances", Integer.toString(instances));
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PoolConfig other && asMap().equals(other.asMap());
    }

    @Override
    public int hashCode() {
        return asMap().hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        asMap().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }

    /** Collects options; {@link #build()} checks them all. Setters accept anything so that order never matters. */
    public static final class Builder {

        private int minSize = 0;
        private int maxSize = 10;
        private Duration acquireTimeout = Duration.ofSeconds(30);
        private Duration maxLifetime = Duration.ofMinutes(30);
        private Duration idleTimeout = Duration.ofMinutes(10);
        private boolean validateOnBorrow = true;
        private boolean testOnReturn = false;
        private Duration validationTimeout = Duration.ofSeconds(5);
        private Duration keepaliveInterval = Duration.ZERO;
        private int maxConnecting = 2;
        private Duration leakDetectionThreshold = Duration.ZERO;
        private Duration probeInterval = Duration.ofSeconds(1);
        private int instances = 1;

        private Builder() {
        }

        public Builder minSize(int minSize) {
            this.minSize = minSize;
            return this;
        }

        public Builder maxSize(int maxSize) {
            this.maxSize = maxSize;
            return this;
        }

        public Builder acquireTimeout(Duration acquireTimeout) {
            this.acquireTimeout = acquireTimeout;
            return this;
        }

        public Builder maxLifetime(Duration maxLifetime) {
            this.maxLifetime = maxLifetime;
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        public Builder validateOnBorrow(boolean validateOnBorrow) {
            this.validateOnBorrow = validateOnBorrow;
            return this;
        }

        public Builder testOnReturn(boolean testOnReturn) {
            this.testOnReturn = testOnReturn;
            return this;
        }

        public Builder validationTimeout(Duration validationTimeout) {
            this.validationTimeout = validationTimeout;
            return this;
        }

        public Builder keepaliveInterval(Duration keepaliveInterval) {
            this.keepaliveInterval = keepaliveInterval;
            return this;
        }

        public Builder maxConnecting(int maxConnecting) {
            this.maxConnecting = maxConnecting;
            return this;
        }

        public Builder leakDetectionThreshold(Duration leakDetectionThreshold) {
            this.leakDetectionThreshold = leakDetectionThreshold;
            return this;
        }

        public Builder probeInterval(Duration probeInterval) {
            this.probeInterval = probeInterval;
            return this;
        }

        public Builder instances(int instances) {
            this.instances = instances;
            return this;
        }

        /** True when {@code name} is an option, in its Java or its seed spelling. */
        public static boolean isOption(String name) {
            return PoolOptions.isOption(name);
        }

        /** The option names, Java spelling. */
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
            PoolOptions.set(this, option, value);
            return this;
        }

        /**
         * Checks every rule and builds.
         *
         * @throws InvalidConfigException naming the option, the value and the broken rule
         */
        public PoolConfig build() {
            atLeast("minSize", minSize, 0);
            atLeast("maxSize", maxSize, 1);
            if (maxSize < minSize) {
                throw new InvalidConfigException("maxSize", maxSize,
                        "maxSize must be >= minSize (minSize=" + minSize + ", maxSize=" + maxSize + ")");
            }
            notNegative("acquireTimeout", acquireTimeout);
            notNegative("maxLifetime", maxLifetime);
            notNegative("idleTimeout", idleTimeout);
            positive("validationTimeout", validationTimeout);
            notNegative("keepaliveInterval", keepaliveInterval);
            atLeast("maxConnecting", maxConnecting, 1);
            notNegative("leakDetectionThreshold", leakDetectionThreshold);
            positive("probeInterval", probeInterval);
            atLeast("instances", instances, 1);
            if (!maxLifetime.isZero() && !idleTimeout.isZero() && idleTimeout.compareTo(maxLifetime) >= 0) {
                throw new InvalidConfigException("idleTimeout", Durations.format(idleTimeout),
                        "idleTimeout must be < maxLifetime when both are set (idleTimeout=" + Durations.format(idleTimeout)
                                + ", maxLifetime=" + Durations.format(maxLifetime) + ")");
            }
            if (!maxLifetime.isZero() && !keepaliveInterval.isZero() && keepaliveInterval.compareTo(maxLifetime) >= 0) {
                throw new InvalidConfigException("keepaliveInterval", Durations.format(keepaliveInterval),
                        "keepaliveInterval must be < maxLifetime when both are set (keepaliveInterval=" + Durations.format(keepaliveInterval)
                                + ", maxLifetime=" + Durations.format(maxLifetime) + ")");
            }
            return new PoolConfig(this);
        }

        private static void atLeast(String option, int value, int min) {
            if (value < min) {
                throw new InvalidConfigException(option, value, option + " must be >= " + min + " (" + option + "=" + value + ")");
            }
        }

        private static void notNegative(String option, Duration value) {
            if (value == null) {
                throw new InvalidConfigException(option, null, option + " must be set (" + option + "=null)");
            }
            if (value.isNegative()) {
                throw new InvalidConfigException(option, value, option + " must be >= 0 (" + option + "=" + value + ")");
            }
        }

        private static void positive(String option, Duration value) {
            notNegative(option, value);
            if (value.isZero()) {
                throw new InvalidConfigException(option, value, option + " must be > 0 (" + option + "=0s)");
            }
        }
    }
}
