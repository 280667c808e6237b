package io.earnorm.ra.api.pool;

/**
 * A configuration value broke a rule. The message names the option, the value and the rule, for
 * example {@code maxSize must be >= minSize (minSize=5, maxSize=2)}; the parts are also available
 * one by one so that a deployer can report them against its own property names.
 */
public class InvalidConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String option;
    private final String value;

    public InvalidConfigException(String option, Object value, String message) {
        this(option, value, message, null);
    }

    public InvalidConfigException(String option, Object value, String message, Throwable cause) {
        super(message, cause);
        this.option = option;
        this.value = String.valueOf(value);
    }

    /** The option (or property) whose value was refused. */
    public String option() {
        return option;
    }

    /** The refused value, as text. */
    public String value() {
        return value;
    }
}
