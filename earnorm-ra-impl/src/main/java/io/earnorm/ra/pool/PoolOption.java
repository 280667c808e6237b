package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.InvalidConfigException;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one table of pool options: each option once, with its name, the seed module's spelling, its
 * kind, its default as written in a property file, the rule one value must keep and what it means.
 *
 * <p>Everything else is driven by or checked against this table: {@link PoolConfig.Builder} starts
 * from these defaults, reads values by name and checks these rules; the JCA factories' config
 * properties start from {@link #jcaDefault()}; ra.xml's config properties and the README's
 * configuration reference must say what this table says (RaXmlTest), and every option must have
 * its typed setter on {@link PoolConfig.Builder} and the backends' builders and its JavaBean
 * property on the JCA factories (PoolOptionTableTest). To add an option: add a row here, then do
 * what those tests ask for. Rules between options (maxSize >= minSize, idleTimeout and
 * keepaliveInterval below maxLifetime) are checked by {@link PoolConfig.Builder#build()}.
 */
public enum PoolOption {

    MIN_SIZE("minSize", "min_size", Kind.INTEGER, "0", Rule.AT_LEAST_0,
            "Connections kept open, refilled in the background."),
    MAX_SIZE("maxSize", "max_size", Kind.INTEGER, "10", Rule.AT_LEAST_1,
            "Hard cap on open connections: in use, idle, being opened or closed."),
    ACQUIRE_TIMEOUT("acquireTimeout", "timeout", Kind.DURATION, "30s", Rule.AT_LEAST_0,
            "Total time a getConnection may wait, validation retries included (500ms, 30s, 5m or PT30S); 0s means do not wait."),
    MAX_LIFETIME("maxLifetime", "max_lifetime", Kind.DURATION, "30m", Rule.AT_LEAST_0,
            "Age at which a connection is retired, never while in use, less a random jitter of up to 2.5%; 0s means no limit."),
    IDLE_TIMEOUT("idleTimeout", "idle_timeout", Kind.DURATION, "10m", Rule.AT_LEAST_0,
            "Idle connections above minSize are closed after this; 0s means never; must be less than maxLifetime."),
    VALIDATE_ON_BORROW("validateOnBorrow", "validate_on_borrow", Kind.BOOLEAN, "true", Rule.ANY,
            "Validate a connection before handing it out, unless it was used within the last 500 ms."),
    TEST_ON_RETURN("testOnReturn", "test_on_return", Kind.BOOLEAN, "false", Rule.ANY,
            "Validate a connection when it comes back."),
    VALIDATION_TIMEOUT("validationTimeout", null, Kind.DURATION, "5s", Rule.ABOVE_0,
            "Bound on one validation."),
    KEEPALIVE_INTERVAL("keepaliveInterval", null, Kind.DURATION, "0s", Rule.AT_LEAST_0,
            "Validate connections idle this long in the background; 0s means off."),
    MAX_CONNECTING("maxConnecting", null, Kind.INTEGER, "2", Rule.AT_LEAST_1,
            "Connections being opened at once, so that an outage's end brings no thundering herd."),
    LEAK_DETECTION_THRESHOLD("leakDetectionThreshold", null, Kind.DURATION, "0s", Rule.AT_LEAST_0,
            "Log a warning, with the borrower's stack trace, when a connection is held longer; 0s means off."),
    PROBE_INTERVAL("probeInterval", null, Kind.DURATION, "1s", Rule.ABOVE_0,
            "How often a pool paused by a backend failure tries the backend again."),
    INSTANCES("instances", null, Kind.INTEGER, "1", Rule.AT_LEAST_1,
            "Application instances whose pools share the server: at start the pool logs the topology it found and warns when maxSize"
                    + " times instances exceeds the connections the server accepts (max_connections, maxclients)."),
    FLEET_MAX_SIZE("fleetMaxSize", null, Kind.INTEGER, "0", Rule.AT_LEAST_0,
            "The most connections all instances of this pool (other servers running the same poolName against the same backend)"
                    + " may hold together, counted on the backend itself; each instance is entitled to fleetMaxSize / instances seen;"
                    + " 0 means no fleet budget."),
    FLEET_INTERVAL("fleetInterval", null, Kind.DURATION, "1s", Rule.ABOVE_0,
            "How often an instance counts the fleet's connections on the backend; sooner, at most every tenth of it, while a caller"
                    + " waits for a connection the fleet budget refused.");

    /** How an option's value is typed: in the pool core, and as a JCA config property. */
    public enum Kind {
        INTEGER(Integer.class, Integer.class, OptionValues::wholeNumber, Integer::valueOf, String::valueOf),
        BOOLEAN(Boolean.class, Boolean.class, OptionValues::trueOrFalse, Boolean::valueOf, String::valueOf),
        DURATION(Duration.class, String.class, OptionValues::duration, text -> text, v -> Durations.format((Duration) v));

        private final Class<?> type;
        private final Class<?> jcaType;
        private final ValueReader reader;
        private final Function<String, Object> jcaValue;
        private final Function<Object, String> writer;

        Kind(Class<?> type, Class<?> jcaType, ValueReader reader, Function<String, Object> jcaValue, Function<Object, String> writer) {
            this.type = type;
            this.jcaType = jcaType;
            this.reader = reader;
            this.jcaValue = jcaValue;
            this.writer = writer;
        }

        /** The pool core's type of the value: {@code Integer}, {@code Boolean} or {@code Duration}. */
        public Class<?> type() {
            return type;
        }

        /** The type of the JCA config property: durations are text there ({@code 30s}), as ra.xml has no duration type. */
        public Class<?> jcaType() {
            return jcaType;
        }
    }

    /** The rule one value must keep; {@link #text()} completes "must be ...". */
    public enum Rule {
        ANY(""),
        AT_LEAST_0(">= 0"),
        AT_LEAST_1(">= 1"),
        ABOVE_0("> 0");

        private final String text;

        Rule(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        private boolean keptBy(Object value) {
            if (this == ANY) {
                return true;
            }
            int againstZero = value instanceof Duration d ? d.compareTo(Duration.ZERO) : Integer.compare((Integer) value, 0);
            return this == AT_LEAST_0 ? againstZero >= 0 : againstZero > 0; // a whole number >= 1 is one > 0
        }
    }

    @FunctionalInterface
    private interface ValueReader {
        Object read(String option, Object value);
    }

    private static final Map<String, PoolOption> BY_SPELLING = Arrays.stream(values())
            .flatMap(o -> o.spellings().stream().map(PoolOption::canonical).distinct().map(s -> Map.entry(s, o)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private final String optionName;
    private final String seedName;
    private final Kind kind;
    private final String defaultText;
    private final Rule rule;
    private final String description;

    PoolOption(String optionName, String seedName, Kind kind, String defaultText, Rule rule, String description) {
        this.optionName = optionName;
        this.seedName = seedName;
        this.kind = kind;
        this.defaultText = defaultText;
        this.rule = rule;
        this.description = description;
    }

    /** The name: of the builders' setters, the JCA config property and the map key ({@code maxConnecting}). */
    public String optionName() {
        return optionName;
    }

    /** The seed module's keyword ({@code max_size}, {@code timeout}), or empty when the seed has no such option. */
    public Optional<String> seedName() {
        return Optional.ofNullable(seedName);
    }

    public Kind kind() {
        return kind;
    }

    /** The default as a property file writes it: {@code 30s}, {@code 10}, {@code true}. */
    public String defaultText() {
        return defaultText;
    }

    /** The default, typed as the pool core reads it. */
    public Object defaultValue() {
        return read(defaultText);
    }

    /** The default, typed as the JCA config property holds it ({@code Integer}, {@code Boolean} or duration text). */
    public Object jcaDefault() {
        return kind.jcaValue.apply(defaultText);
    }

    public Rule rule() {
        return rule;
    }

    /** What the option means, as ra.xml and the README say it. */
    public String description() {
        return description;
    }

    /** The option of a name in any accepted spelling ({@code maxSize}, {@code max_size}, {@code timeout}), if there is one. */
    public static Optional<PoolOption> named(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_SPELLING.get(canonical(name)));
    }

    /** Every option's name, in the table's order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(PoolOption::optionName).toList();
    }

    /**
     * Reads a value given typed or as text, under the name it was given by.
     *
     * @throws InvalidConfigException naming the option and the value when it is not of this option's kind
     */
    public Object read(String givenAs, Object value) {
        return kind.reader.read(givenAs, value);
    }

    Object read(Object value) {
        return read(optionName, value);
    }

    /** The value as a property file writes it ({@code 30s}). */
    public String format(Object value) {
        return value == null ? "null" : kind.writer.apply(value);
    }

    /**
     * Checks this option's own rule.
     *
     * @throws InvalidConfigException "{@code <option> must be <rule> (<option>=<value>)}"
     */
    void check(Object value) {
        if (value == null) {
            throw OptionValues.invalid(optionName, null, "set", "null");
        }
        if (!rule.keptBy(value)) {
            throw OptionValues.invalid(optionName, value, rule.text(), format(value));
        }
    }

    /** The Java and the seed name; either in any case, with or without _ and - ({@code max_size} reads as {@code maxSize}). */
    private List<String> spellings() {
        return seedName == null ? List.of(optionName) : List.of(optionName, seedName);
    }

    private static String canonical(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }
}
