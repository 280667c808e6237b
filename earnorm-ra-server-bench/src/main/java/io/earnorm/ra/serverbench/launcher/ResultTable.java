package io.earnorm.ra.serverbench.launcher;

import io.earnorm.ra.serverbench.harness.StepResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The markdown table of a run: one row per operation, worker count and side, the adapter's rows
 * with their ratio to the native side of the same step and whether issue 14's goal holds there.
 */
final class ResultTable {

    static final String HEADER = """
            | operation | workers | side | calls/s | ratio | mean µs | p50 | p99 | p99.9 | max | B/call | goal |
            |---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|
            """;

    private ResultTable() {
    }

    static String of(List<StepResult> results) {
        StringBuilder table = new StringBuilder(HEADER);
        for (StepResult r : results) {
            Optional<StepResult> nativeSide = results.stream()
                    .filter(n -> n.side().equals("native") && n.operation().equals(r.operation()) && n.workers() == r.workers())
                    .findFirst();
            boolean compared = !r.side().equals("native") && nativeSide.isPresent();
            table.append(String.format(Locale.ROOT, "| %s | %d | %s | %.0f | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %s | %s |%n",
                    r.operation(), r.workers(), r.side(), r.callsPerSecond(),
                    compared ? String.format(Locale.ROOT, "%.2f", r.callsPerSecond() / nativeSide.get().callsPerSecond()) : "",
                    r.meanMicros(), r.p50Micros(), r.p99Micros(), r.p999Micros(), r.maxMicros(),
                    r.bytesPerCall() < 0 ? "?" : String.format(Locale.ROOT, "%.0f", r.bytesPerCall()),
                    r.errors() > 0 ? r.errors() + " errors: " + r.firstError() : compared ? goal(r, nativeSide.get()) : ""));
        }
        return table.toString();
    }

    /**
     * Issue 14's goal for one step: throughput at least 1.0x (PostgreSQL) or 0.97x (Redis, MongoDB)
     * of the native side; up to 8 workers p99 at most 1.1x; above, p99 at most twice our own mean
     * and p99.9 and max no higher than the native side's (a fair queue: p99 alone cannot judge it).
     */
    static String goal(StepResult ours, StepResult other) {
        List<String> missed = new ArrayList<>();
        double floor = ours.operation().startsWith("pg-") ? 1.0 : 0.97;
        double ratio = ours.callsPerSecond() / other.callsPerSecond();
        if (ratio < floor) {
            missed.add(String.format(Locale.ROOT, "calls/s %.3fx < %.2fx", ratio, floor));
        }
        if (ours.workers() <= 8) {
            double p99 = ours.p99Micros() / other.p99Micros();
            if (p99 > 1.1) {
                missed.add(String.format(Locale.ROOT, "p99 %.2fx > 1.1x", p99));
            }
        } else {
            if (ours.p99Micros() > 2 * ours.meanMicros()) {
                missed.add(String.format(Locale.ROOT, "p99 %.1fx own mean > 2x", ours.p99Micros() / ours.meanMicros()));
            }
            if (ours.p999Micros() > other.p999Micros()) {
                missed.add("p99.9 above native");
            }
            if (ours.maxMicros() > other.maxMicros()) {
                missed.add("max above native");
            }
        }
        return missed.isEmpty() ? "met" : "missed: " + String.join("; ", missed);
    }
}
