package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.InvalidConfigException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations written by people: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}
 * or ISO-8601 ({@code PT30S}). A bare number is refused, because nobody can tell whether
 * {@code 30} meant seconds or milliseconds; only {@code 0} needs no unit.
 */
public final class Durations {

    /** What a message about a wrong duration asks for: "must be ...". */
    static final String EXAMPLES = "a duration such as 30s, 500ms, 5m or PT30S";

    private static final Pattern WITH_UNIT = Pattern.compile("(\\d+)\\s*(ns|us|ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * Parses {@code text} as the value of {@code option}.
     *
     * @throws InvalidConfigException naming the option and the value when the text is not a duration
     */
    public static Duration parse(String option, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidConfigException(option, text, option + " must be " + EXAMPLES + " (" + option + "=" + quote(text) + ")");
        }
        String trimmed = text.trim();
        if (trimmed.equals("0")) {
            return Duration.ZERO;
        }
        if (trimmed.regionMatches(true, 0, "PT", 0, 2) || trimmed.regionMatches(true, 0, "P", 0, 1)) {
            try {
                return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new InvalidConfigException(option, text, option + " must be an ISO-8601 duration such as PT30S (" + option + "=" + quote(text) + ")", e);
            }
        }
        if (trimmed.chars().allMatch(Character::isDigit)) {
            throw new InvalidConfigException(option, text, option + " needs a unit: write " + trimmed + "s, " + trimmed + "ms or PT" + trimmed + "S, not a bare number (" + option + "=" + quote(text) + ")");
        }
        Matcher m = WITH_UNIT.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidConfigException(option, text, option + " must be " + EXAMPLES + " (" + option + "=" + quote(text) + ")");
        }
        long amount;
        try {
            amount = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(option, text, option + " is too large (" + option + "=" + quote(text) + ")", e);
        }
        try {
            return switch (m.group(2)) {
                case "ns" -> Duration.ofNanos(amount);
                case "us" -> Duration.ofNanos(Math.multiplyExact(amount, 1_000L));
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> throw new IllegalStateException("unit " + m.group(2));
            };
        } catch (ArithmeticException e) {
            throw new InvalidConfigException(option, text, option + " is too large (" + option + "=" + quote(text) + ")", e);
        }
    }

    /** Writes a duration the way {@link #parse} reads it, in the largest unit that keeps it exact. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        long nanos;
        try {
            nanos = d.toNanos();
        } catch (ArithmeticException e) {
            return d.toString();
        }
        if (nanos % 86_400_000_000_000L == 0) {
            return nanos / 86_400_000_000_000L + "d";
        }
        if (nanos % 3_600_000_000_000L == 0) {
            return nanos / 3_600_000_000_000L + "h";
        }
        if (nanos % 60_000_000_000L == 0) {
            return nanos / 60_000_000_000L + "m";
        }
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + "ms";
        }
        return nanos + "ns";
    }

    private static String quote(String text) {
        return text == null ? "null" : "'" + text + "'";
    }
}
