package io.earnorm.ra.bench.backend;

import java.util.Map;

/**
 * Converts JMH scores to the table's units, whatever time unit a run was given ({@code -tu}):
 * throughput to operations per millisecond, latency to microseconds.
 */
final class ScoreUnits {

    /** Nanoseconds in each time unit JMH writes in a score unit. */
    private static final Map<String, Double> NANOS = Map.of(
            "ns", 1.0, "us", 1e3, "ms", 1e6, "s", 1e9, "min", 60e9, "hr", 3600e9, "day", 86400e9);

    private static final double NANOS_PER_MILLI = 1e6;
    private static final double NANOS_PER_MICRO = 1e3;

    private ScoreUnits() {
    }

    /** A score in {@code ops/<unit>} as operations per millisecond. */
    static double opsPerMilli(double score, String unit) {
        return score * NANOS_PER_MILLI / nanos(unit.substring(unit.indexOf('/') + 1), unit);
    }

    /** A score in {@code <unit>/op} as microseconds. */
    static double micros(double score, String unit) {
        return score * nanos(unit.substring(0, unit.indexOf('/')), unit) / NANOS_PER_MICRO;
    }

    private static double nanos(String timeUnit, String scoreUnit) {
        Double nanos = NANOS.get(timeUnit);
        if (nanos == null) {
            throw new IllegalArgumentException("unexpected JMH score unit " + scoreUnit);
        }
        return nanos;
    }
}
