package io.earnorm.ra.bench.pool;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the results of several JMH runs into one markdown table: pool, threads, ops/µs and B/op
 * from the Throughput run, and the distribution of one borrow + return from the SampleTime run.
 */
final class PoolResultTable {

    /** Benchmark method → the name the table shows; also the order of rows within one thread count. */
    private static final List<Map.Entry<String, String>> POOLS = List.of(
            Map.entry("earnorm", "earnorm"),
            Map.entry("hikaricp", "hikaricp"),
            Map.entry("agroal", "agroal"),
            Map.entry("commonsPool2", "commons-pool2"));

    /** The key suffix of the GC profiler's allocation per operation (JMH prefixes it with a separator). */
    private static final String ALLOC_PER_OP = "gc.alloc.rate.norm";

    private PoolResultTable() {
    }

    static String markdown(Collection<RunResult> results) {
        StringBuilder table = new StringBuilder()
                .append("| pool | threads | ops/µs | B/op | mean ns | p50 | p99 | p99.9 | max |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<String, RunResult> sampled = new HashMap<>();
        results.stream().filter(r -> r.getParams().getMode() == Mode.SampleTime)
                .forEach(r -> sampled.put(method(r) + "@" + r.getParams().getThreads(), r));
        results.stream()
                .filter(r -> r.getParams().getMode() == Mode.Throughput)
                .sorted(Comparator.<RunResult>comparingInt(r -> r.getParams().getThreads())
                        .thenComparingInt(r -> order(method(r))))
                .forEach(r -> table.append("| ").append(label(method(r)))
                        .append(" | ").append(r.getParams().getThreads())
                        .append(" | ").append(scoreWithError(r.getPrimaryResult()))
                        .append(" | ").append(allocationPerOp(r))
                        .append(" | ").append(distribution(sampled.get(method(r) + "@" + r.getParams().getThreads())))
                        .append(" |\n"));
        return table.toString();
    }

    /** Mean, p50, p99, p99.9 and max of one borrow + return in nanoseconds, from the SampleTime run. */
    private static String distribution(RunResult sample) {
        if (sample == null) {
            return "n/a | n/a | n/a | n/a | n/a";
        }
        Statistics s = sample.getPrimaryResult().getStatistics();
        double toNanos = nanosPer(sample.getPrimaryResult().getScoreUnit());
        return String.join(" | ", nanos(s.getMean() * toNanos), nanos(s.getPercentile(50) * toNanos),
                nanos(s.getPercentile(99) * toNanos), nanos(s.getPercentile(99.9) * toNanos), nanos(s.getMax() * toNanos));
    }

    private static double nanosPer(String unit) {
        return switch (unit) {
            case "ns/op" -> 1;
            case "us/op" -> 1_000;
            case "ms/op" -> 1_000_000;
            default -> throw new IllegalArgumentException("unexpected SampleTime unit " + unit);
        };
    }

    private static String nanos(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    static String method(RunResult r) {
        String benchmark = r.getParams().getBenchmark();
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    static int order(String method) {
        for (int i = 0; i < POOLS.size(); i++) {
            if (POOLS.get(i).getKey().equals(method)) {
                return i;
            }
        }
        return POOLS.size();
    }

    static String label(String method) {
        return POOLS.stream().filter(p -> p.getKey().equals(method)).map(Map.Entry::getValue).findFirst().orElse(method);
    }

    private static String scoreWithError(Result<?> primary) {
        // A single measurement iteration has no error estimate; JMH reports NaN for it.
        String error = Double.isNaN(primary.getScoreError()) ? "n/a" : format(primary.getScoreError());
        return format(primary.getScore()) + " ± " + error;
    }

    private static String allocationPerOp(RunResult r) {
        return r.getSecondaryResults().entrySet().stream()
                .filter(e -> e.getKey().endsWith(ALLOC_PER_OP))
                .map(e -> String.format(Locale.ROOT, "%.1f", e.getValue().getScore()))
                .findFirst()
                .orElse("n/a (run with -prof gc)");
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
