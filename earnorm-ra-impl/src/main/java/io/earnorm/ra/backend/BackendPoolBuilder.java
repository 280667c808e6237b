package io.earnorm.ra.backend;

import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.pool.OptionValues;
import io.earnorm.ra.pool.PoolConfig;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pool options every backend's builder shares (the table {@link io.earnorm.ra.pool.PoolOption},
 * each a typed setter here and a key of {@link #options(Map)} by its Java or seed name), plus the
 * pool's name. A backend's builder extends it with its address and credentials and reads a
 * seed-style options map through {@link #options(Map)}.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class BackendPoolBuilder<B extends BackendPoolBuilder<B>> {

    private final PoolConfig.Builder config = PoolConfig.builder();
    private String name;

    @SuppressWarnings("unchecked")
    protected final B self() {
        return (B) this;
    }

    public B name(String name) {
        this.name = name;
        return self();
    }

    public B minSize(int minSize) {
        config.minSize(minSize);
        return self();
    }

    public B maxSize(int maxSize) {
        config.maxSize(maxSize);
        return self();
    }

    public B acquireTimeout(Duration acquireTimeout) {
        config.acquireTimeout(acquireTimeout);
        return self();
    }

    public B maxLifetime(Duration maxLifetime) {
        config.maxLifetime(maxLifetime);
        return self();
    }

    public B idleTimeout(Duration idleTimeout) {
        config.idleTimeout(idleTimeout);
        return self();
    }

    public B validateOnBorrow(boolean validateOnBorrow) {
        config.validateOnBorrow(validateOnBorrow);
        return self();
    }

    public B testOnReturn(boolean testOnReturn) {
        config.testOnReturn(testOnReturn);
        return self();
    }

    public B validationTimeout(Duration validationTimeout) {
        config.validationTimeout(validationTimeout);
        return self();
    }

    public B keepaliveInterval(Duration keepaliveInterval) {
        config.keepaliveInterval(keepaliveInterval);
        return self();
    }

    public B maxConnecting(int maxConnecting) {
        config.maxConnecting(maxConnecting);
        return self();
    }

    public B leakDetectionThreshold(Duration leakDetectionThreshold) {
        config.leakDetectionThreshold(leakDetectionThreshold);
        return self();
    }

    public B probeInterval(Duration probeInterval) {
        config.probeInterval(probeInterval);
        return self();
    }

    /** Application instances whose pools share the server: the pool warns at start when maxSize x instances exceeds its limit. */
    public B instances(int instances) {
        config.instances(instances);
        return self();
    }

    /**
     * The most connections all instances of this pool (other JVMs running it against the same
     * server) may hold together, counted on the server itself; 0 (the default) for no fleet budget.
     */
    public B fleetMaxSize(int fleetMaxSize) {
        config.fleetMaxSize(fleetMaxSize);
        return self();
    }

    /** How often an instance counts the fleet's connections on the server (default 1 s). */
    public B fleetInterval(Duration fleetInterval) {
        config.fleetInterval(fleetInterval);
        return self();
    }

    /**
     * Sets options from a seed-style map: pool options by their Java or seed names, and the
     * backend's own options through {@link #backendOption}. An unknown key is refused, naming it
     * and the known ones.
     */
    public B options(Map<String, ?> options) {
        options.forEach((key, value) -> {
            if (PoolConfig.Builder.isOption(key)) {
                config.set(key, value);
            } else if (!backendOption(key, value)) {
                Set<String> known = new TreeSet<>(PoolConfig.Builder.optionNames());
                known.addAll(backendOptionNames());
                throw new InvalidConfigException(key, value, "unknown option '" + key + "' for a " + backendType()
                        + " pool; the options are " + known);
            }
        });
        return self();
    }

    /** Sets one backend option from the options map; false when {@code key} is not one. */
    protected abstract boolean backendOption(String key, Object value);

    /** The backend's own option names, for the message about an unknown key. */
    protected abstract Set<String> backendOptionNames();

    protected abstract String backendType();

    /** The pool options, checked. */
    protected final PoolConfig poolConfig() {
        return config.build();
    }

    /** The pool's name, or {@code <backendType>} when none was given. */
    protected final String poolName() {
        return name == null || name.isBlank() ? backendType() : name;
    }

    /** Reads a text option of the map, refusing another type with a message naming the key. */
    protected static String text(String key, Object value) {
        if (value instanceof CharSequence s) {
            return s.toString();
        }
        // The value is left out: it may be a password given with the wrong type.
        throw new InvalidConfigException(key, "(" + typeOf(value) + ")", key + " must be text, not " + typeOf(value));
    }

    /** Reads a true/false option of the map: a {@code Boolean}, or the text {@code true} or {@code false} and nothing else. */
    protected static boolean flag(String key, Object value) {
        return OptionValues.trueOrFalse(key, value);
    }

    /** Reads a duration option of the map: a {@link Duration}, or text such as {@code 2s} or {@code 500ms}. */
    protected static Duration duration(String key, Object value) {
        return OptionValues.duration(key, value);
    }

    /** Reads a whole-number option of the map: an {@code Integer}, or decimal text. */
    protected static int wholeNumber(String key, Object value) {
        return OptionValues.wholeNumber(key, value);
    }

    private static String typeOf(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
