package io.earnorm.ra.serverbench.harness;

import java.util.Locale;

/**
 * What one step measured, as one tab-separated line: the harness endpoint answers with it and the
 * launcher reads it back. Times are in microseconds; {@code bytesPerCall} is -1 where the JVM
 * cannot count a thread's allocations; {@code firstError} is empty when every call succeeded.
 */
public record StepResult(String operation, String side, int workers, long calls, double seconds, double callsPerSecond,
                         double meanMicros, double p50Micros, double p99Micros, double p999Micros, double maxMicros,
                         double bytesPerCall, long errors, String firstError) {

    private static final int FIELDS = 14;

    public StepResult {
        firstError = firstError == null ? "" : firstError.replaceAll("[\\t\\r\\n]+", " ");
    }

    public String toLine() {
        return String.join("\t", operation, side, Integer.toString(workers), Long.toString(calls), number(seconds),
                number(callsPerSecond), number(meanMicros), number(p50Micros), number(p99Micros), number(p999Micros),
                number(maxMicros), number(bytesPerCall), Long.toString(errors), firstError);
    }

    public static StepResult parse(String line) {
        String[] f = line.replaceAll("[\\r\\n]+$", "").split("\t", -1);
        if (f.length != FIELDS) {
            throw new IllegalArgumentException("a step result has " + FIELDS + " tab-separated fields, this line has " + f.length + ": " + line);
        }
        try {
            return new StepResult(f[0], f[1], Integer.parseInt(f[2]), Long.parseLong(f[3]), Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[8]),
                    Double.parseDouble(f[9]), Double.parseDouble(f[10]), Double.parseDouble(f[11]), Long.parseLong(f[12]), f[13]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a step result field is not a number: " + line, e);
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
