package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.InvalidConfigException;

import java.time.Duration;
import java.util.Objects;

/**
 * Reads option values given typed or as text (property files, the JCA layer, the seed's keyword
 * arguments), for the pool options and the backends' own, with one wording for a refused value:
 * {@code <option> must be <rule> (<option>=<value>)}, text values quoted.
 */
public final class OptionValues {

    private OptionValues() {
    }

    /** The refusal of {@code value} for {@code option}: "{@code <option> must be <rule> (<option>=<value>)}". */
    public static InvalidConfigException invalid(String option, Object value, String rule) {
        return invalid(option, value, rule, describe(value));
    }

    static InvalidConfigException invalid(String option, Object value, String rule, String shown) {
        return invalid(option, value, rule, shown, null);
    }

    private static InvalidConfigException invalid(String option, Object value, String rule, String shown, Throwable cause) {
        return new InvalidConfigException(option, value, option + " must be " + rule + " (" + option + "=" + shown + ")", cause);
    }

    /** An {@code Integer}, or decimal text. */
    public static int wholeNumber(String option, Object value) {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw invalid(option, value, "a whole number", describe(value), e);
            }
        }
        throw invalid(option, value, "a whole number");
    }

    /** A {@code Boolean}, or the text {@code true} or {@code false} and nothing else. */
    public static boolean trueOrFalse(String option, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.trim().equalsIgnoreCase("true") || s.trim().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s.trim());
        }
        throw invalid(option, value, "true or false");
    }

    /** A {@link Duration}, or text that {@link Durations#parse} reads; a bare number is refused, it has no unit. */
    public static Duration duration(String option, Object value) {
        if (value instanceof Duration d) {
            return d;
        }
        if (value instanceof String s) {
            return Durations.parse(option, s);
        }
        if (value instanceof Number) {
            throw new InvalidConfigException(option, value, option + " needs a unit: write " + value + "s, " + value
                    + "ms or a java.time.Duration, not a bare number (" + option + "=" + value + ")");
        }
        throw invalid(option, value, Durations.EXAMPLES);
    }

    /** A value as a message shows it: text quoted, so that a blank or padded one can be seen. */
    static String describe(Object value) {
        return value instanceof String s ? "'" + s + "'" : Objects.toString(value);
    }
}
