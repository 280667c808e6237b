package io.earnorm.ra.bench.pool;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the results of several JMH runs into one markdown table: pool, threads, ops/µs, B/op. */
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
                .append("| pool | threads | ops/µs | B/op |\n")
                .append("|---|---:|---:|---:|\n");
        results.stream()
                .sorted(Comparator.<RunResult>comparingInt(r -> r.getParams().getThreads())
                        .thenComparingInt(r -> order(method(r))))
                .forEach(r -> table.append("| ").append(label(method(r)))
                        .append(" | ").append(r.getParams().getThreads())
                        .append(" | ").append(scoreWithError(r.getPrimaryResult()))
                        .append(" | ").append(allocationPerOp(r))
                        .append(" |\n"));
        return table.toString();
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
