package io.earnorm.ra.bench.pool;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One markdown row per pool and thread count of {@link PoolHoldBenchmark}: throughput, mean, p50,
 * p99, p99.9 and max of one borrow-hold-return in µs, and the FIFO ideal beside them. A pool that
 * is fast on average but starves a few callers shows it in the last columns, not in p50 or p99.
 */
final class PoolHoldTable {

    private PoolHoldTable() {
    }

    static String markdown(Collection<RunResult> all) {
        // A JMH pattern given on the command line may also pick other benchmarks' methods.
        List<RunResult> results = all.stream()
                .filter(r -> r.getParams().getBenchmark().startsWith(PoolHoldBenchmark.class.getName() + "."))
                .toList();
        Map<String, Double> holds = measuredHolds(results);
        StringBuilder table = new StringBuilder()
                .append("| pool | threads | ops/ms | mean µs | p50 | p99 | p99.9 | max | FIFO ideal µs |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        results.stream()
                .sorted(Comparator.<RunResult>comparingInt(r -> r.getParams().getThreads())
                        .thenComparingInt(r -> PoolResultTable.order(PoolResultTable.method(r))))
                .forEach(r -> row(table, r, holds));
        table.append("\nFIFO ideal: max(1, threads / ").append(PoolSize.CONNECTIONS)
                .append(") x the pool's own mean at its lowest thread count of at most ").append(PoolSize.CONNECTIONS)
                .append(" (a parked ").append(PoolHoldBenchmark.HOLD_NANOS / 1000)
                .append(" µs lasts longer than 50 µs: timer slack), else x the nominal hold.\n");
        return table.toString();
    }

    /** Per pool, the mean of its run with the fewest threads where nobody waits: what one hold really costs. */
    private static Map<String, Double> measuredHolds(Collection<RunResult> results) {
        Map<String, Double> holds = new HashMap<>();
        results.stream()
                .filter(r -> r.getParams().getThreads() <= PoolSize.CONNECTIONS)
                .sorted(Comparator.comparingInt(r -> -r.getParams().getThreads()))
                .forEach(r -> holds.put(PoolResultTable.method(r), r.getPrimaryResult().getStatistics().getMean()));
        return holds;
    }

    private static void row(StringBuilder table, RunResult r, Map<String, Double> holds) {
        int threads = r.getParams().getThreads();
        Statistics s = r.getPrimaryResult().getStatistics();
        // Every thread borrows again as soon as it returns: a closed loop, so threads / mean is the throughput.
        double opsPerMs = threads * 1000.0 / s.getMean();
        table.append("| ").append(PoolResultTable.label(PoolResultTable.method(r)))
                .append(" | ").append(threads)
                .append(" | ").append(format(opsPerMs))
                .append(" | ").append(format(s.getMean()))
                .append(" | ").append(format(s.getPercentile(50)))
                .append(" | ").append(format(s.getPercentile(99)))
                .append(" | ").append(format(s.getPercentile(99.9)))
                .append(" | ").append(format(s.getMax()))
                .append(" | ").append(format(fifoIdealMicros(threads, holds.getOrDefault(PoolResultTable.method(r), PoolHoldBenchmark.HOLD_NANOS / 1000.0))))
                .append(" |\n");
    }

    /** Each caller waits for the callers ahead of it, threads / connections holds in all, and never less than one hold. */
    static double fifoIdealMicros(int threads, double holdMicros) {
        return Math.max(1.0, (double) threads / PoolSize.CONNECTIONS) * holdMicros;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }
}
