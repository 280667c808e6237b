package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.InvalidConfigException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Pool options by name, as property files, the JCA layer and the seed's keyword arguments give
 * them: Java ({@code minSize}) or seed ({@code min_size}) spelling, typed values or text. Reads and
 * checks one value's kind; {@link PoolConfig.Builder#build()} checks the rules between options.
 */
final class PoolOptions {

    private static final Map<String, BiConsumer<PoolConfig.Builder, Object>> SETTERS = setters();

    private PoolOptions() {
    }

    static boolean isOption(String name) {
        return name != null && SETTERS.containsKey(canonical(name));
    }

    static void set(PoolConfig.Builder builder, String option, Object value) {
        BiConsumer<PoolConfig.Builder, Object> setter = option == null ? null : SETTERS.get(canonical(option));
        if (setter == null) {
            throw new InvalidConfigException(option, value, "unknown pool option '" + option + "'; the options are "
                    + PoolConfig.Builder.optionNames());
        }
        setter.accept(builder, value);
    }

    private static String canonical(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static Map<String, BiConsumer<PoolConfig.Builder, Object>> setters() {
        Map<String, BiConsumer<PoolConfig.Builder, Object>> m = new LinkedHashMap<>();
        m.put("minsize", (b, v) -> b.minSize(toInt("minSize", v)));
        m.put("maxsize", (b, v) -> b.maxSize(toInt("maxSize", v)));
        m.put("acquiretimeout", (b, v) -> b.acquireTimeout(toDuration("acquireTimeout", v)));
        m.put("timeout", (b, v) -> b.acquireTimeout(toDuration("timeout", v)));
        m.put("maxlifetime", (b, v) -> b.maxLifetime(toDuration("maxLifetime", v)));
        m.put("idletimeout", (b, v) -> b.idleTimeout(toDuration("idleTimeout", v)));
        m.put("validateonborrow", (b, v) -> b.validateOnBorrow(toBoolean("validateOnBorrow", v)));
        m.put("testonreturn", (b, v) -> b.testOnReturn(toBoolean("testOnReturn", v)));
        m.put("validationtimeout", (b, v) -> b.validationTimeout(toDuration("validationTimeout", v)));
        m.put("keepaliveinterval", (b, v) -> b.keepaliveInterval(toDuration("keepaliveInterval", v)));
        m.put("maxconnecting", (b, v) -> b.maxConnecting(toInt("maxConnecting", v)));
        m.put("leakdetectionthreshold", (b, v) -> b.leakDetectionThreshold(toDuration("leakDetectionThreshold", v)));
        m.put("probeinterval", (b, v) -> b.probeInterval(toDuration("probeInterval", v)));
        m.put("instances", (b, v) -> b.instances(toInt("instances", v)));
        return Map.copyOf(m);
    }

    private static int toInt(String option, Object v) {
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw new InvalidConfigException(option, v, option + " must be a whole number (" + option + "='" + s + "')", e);
            }
        }
        throw new InvalidConfigException(option, v, option + " must be a whole number (" + option + "=" + describe(v) + ")");
    }

    private static boolean toBoolean(String option, Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.trim().equalsIgnoreCase("true") || s.trim().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s.trim());
        }
        throw new InvalidConfigException(option, v, option + " must be true or false (" + option + "=" + describe(v) + ")");
    }

    private static Duration toDuration(String option, Object v) {
        if (v instanceof Duration d) {
            return d;
        }
        if (v instanceof String s) {
            return Durations.parse(option, s);
        }
        if (v instanceof Number) {
            throw new InvalidConfigException(option, v, option + " needs a unit: write " + v + "s, " + v
                    + "ms or a java.time.Duration, not a bare number (" + option + "=" + v + ")");
        }
        throw new InvalidConfigException(option, v, option + " must be a duration such as 30s, 500ms, 5m or PT30S (" + option + "=" + describe(v) + ")");
    }

    private static String describe(Object v) {
        return v instanceof String s ? "'" + s + "'" : Objects.toString(v);
    }
}
