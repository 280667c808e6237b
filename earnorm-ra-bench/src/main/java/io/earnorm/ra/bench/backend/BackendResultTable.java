package io.earnorm.ra.bench.backend;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.ListStatistics;
import org.openjdk.jmh.util.Statistics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * Turns the results of the backend runs into one markdown table, one row per operation and thread
 * count and side: throughput, their ratio, and the distribution of one operation (mean, p50, p99,
 * p99.9, max); then names the rows that miss the goal.
 *
 * <p>The percentiles are those of JMH's SampleTime samples. Throughput is measured when the run
 * included JMH's Throughput mode ({@code -bm thrpt,sample}); otherwise it is derived from the same
 * SampleTime fork by Little's law: each of the {@code threads} benchmark threads runs operations
 * back to back, so operations complete at {@code threads / mean operation time}. (What the
 * derivation leaves out is JMH's loop between two operations, tens of nanoseconds against
 * operations of tens of microseconds, on both sides alike.) It is derived per measurement
 * iteration, and its ± is the 99.9% confidence interval across iterations, as JMH computes it
 * for Throughput mode; the interval JMH gives a SampleTime mean counts every sample as independent
 * and would claim a precision the machine does not have.
 */
final class BackendResultTable {

    /** The goal: at least this share of the native pool's throughput at every thread count... */
    static final double MIN_THROUGHPUT_RATIO = 0.97;
    /** ...where nobody waits for a connection (threads <= connections), a p99 at most this multiple of the native pool's... */
    static final double MAX_P99_RATIO = 1.10;
    /** ...and under contention a fair queue: p99 at most this multiple of our own mean, p99.9 and max no worse than the native pool's. */
    static final double MAX_CONTENDED_P99_TO_MEAN = 2.0;

    /** The confidence JMH's own error intervals use. */
    private static final double CONFIDENCE = 0.999;
    private static final double MICROS_PER_MILLI = 1000;

    private final Map<Key, RunResult> results = new HashMap<>();
    private final TreeSet<Integer> threadCounts = new TreeSet<>();

    /** A result's place: which method, in which mode, at how many threads. */
    private record Key(String benchmark, Mode mode, int threads) {
    }

    private BackendResultTable(Collection<RunResult> runs) {
        for (RunResult r : runs) {
            int threads = r.getParams().getThreads();
            results.put(new Key(r.getParams().getBenchmark(), r.getParams().getMode(), threads), r);
            threadCounts.add(threads);
        }
    }

    static String markdown(Collection<RunResult> runs) {
        return new BackendResultTable(runs).render();
    }

    private String render() {
        StringBuilder table = new StringBuilder()
                .append("| backend | operation | threads | side | ops/ms | ratio | mean µs | p50 | p99 | p99.9 | max |\n")
                .append("|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        List<String> misses = new ArrayList<>();
        for (BenchmarkPair pair : BenchmarkPair.ALL) {
            for (int threads : threadCounts) {
                Side ours = side(pair.oursName(), threads);
                Side theirs = side(pair.theirsName(), threads);
                if (ours.isEmpty() && theirs.isEmpty()) {
                    continue;
                }
                Row row = new Row(pair, threads, ours, theirs);
                table.append(row.markdown());
                String miss = row.miss();
                if (miss != null) {
                    misses.add(miss);
                }
            }
        }
        table.append('\n');
        String goal = "(throughput ratio >= " + MIN_THROUGHPUT_RATIO + "; up to " + PoolSize.CONNECTIONS
                + " threads p99 <= " + MAX_P99_RATIO + "x native; above, p99 <= " + MAX_CONTENDED_P99_TO_MEAN
                + "x our mean and p99.9, max <= native)";
        if (misses.isEmpty()) {
            table.append("Every row meets the goal ").append(goal).append(".\n");
        } else {
            table.append("Rows below the goal ").append(goal).append(":\n");
            misses.forEach(m -> table.append("- ").append(m).append('\n'));
        }
        return table.toString();
    }

    private Side side(String benchmark, int threads) {
        return new Side(threads, results.get(new Key(benchmark, Mode.Throughput, threads)),
                results.get(new Key(benchmark, Mode.SampleTime, threads)));
    }

    /** What was measured of one side at one thread count; either result may be missing. */
    private record Side(int threads, RunResult throughputRun, RunResult sampleRun) {

        boolean isEmpty() {
            return throughputRun == null && sampleRun == null;
        }
        /** Operations per millisecond, measured or derived; NaN when neither mode was run. */
        double throughput() {
            if (throughputRun != null) {
                Result<?> primary = throughputRun.getPrimaryResult();
                return ScoreUnits.opsPerMilli(primary.getScore(), primary.getScoreUnit());
            }
            return sampleRun == null ? Double.NaN : derivedPerIteration().getMean();
        }

        /** The error of {@link #throughput()}: JMH's, or the same interval over the derived iterations. */
        double throughputError() {
            if (throughputRun != null) {
                Result<?> primary = throughputRun.getPrimaryResult();
                return ScoreUnits.opsPerMilli(primary.getScoreError(), primary.getScoreUnit());
            }
            return sampleRun == null ? Double.NaN : derivedPerIteration().getMeanErrorAt(CONFIDENCE);
        }

        /** threads / mean operation time of each measurement iteration, in operations per millisecond. */
        private ListStatistics derivedPerIteration() {
            ListStatistics perIteration = new ListStatistics();
            for (BenchmarkResult fork : sampleRun.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    Result<?> mean = iteration.getPrimaryResult();
                    perIteration.addValue(threads * MICROS_PER_MILLI / ScoreUnits.micros(mean.getScore(), mean.getScoreUnit()));
                }
            }
            return perIteration;
        }

        /** A percentile (0-100) of the sampled operation times, in microseconds; NaN when not run. */
        double percentile(double p) {
            return sampled(stats -> stats.getPercentile(p));
        }

        double mean() {
            return sampled(Statistics::getMean);
        }

        double max() {
            return sampled(Statistics::getMax);
        }

        /** One figure of the SampleTime samples, in microseconds; NaN when that mode was not run. */
        private double sampled(ToDoubleFunction<Statistics> figure) {
            if (sampleRun == null) {
                return Double.NaN;
            }
            Result<?> primary = sampleRun.getPrimaryResult();
            return ScoreUnits.micros(figure.applyAsDouble(primary.getStatistics()), primary.getScoreUnit());
        }

        String distributionCells() {
            return format(mean()) + " | " + format(percentile(50)) + " | " + format(percentile(99))
                    + " | " + format(percentile(99.9)) + " | " + format(max());
        }

        String throughputCell() {
            double error = throughputError();
            // A single measured iteration has no error estimate: NaN, shown as n/a.
            return isEmpty() ? "n/a" : format(throughput()) + " ± " + format(error);
        }
    }

    /** One line of the table; a side that was not run shows as n/a. */
    private record Row(BenchmarkPair pair, int threads, Side ours, Side theirs) {

        String markdown() {
            String place = "| " + pair.backend() + " (vs " + pair.nativePool() + ")" + " | " + pair.operation() + " | " + threads;
            return place + " | ours | " + ours.throughputCell() + " | " + format(throughputRatio()) + " | " + ours.distributionCells() + " |\n"
                    + place + " | " + pair.nativePool() + " | " + theirs.throughputCell() + " | | " + theirs.distributionCells() + " |\n";
        }

        /** What misses the goal in this row, or {@code null}. */
        String miss() {
            List<String> why = new ArrayList<>();
            if (throughputRatio() < MIN_THROUGHPUT_RATIO) {
                why.add("throughput ratio " + format(throughputRatio()));
            }
            if (threads <= PoolSize.CONNECTIONS) {
                double p99Ratio = ours.percentile(99) / theirs.percentile(99);
                if (p99Ratio > MAX_P99_RATIO) {
                    why.add("p99 ratio " + format(p99Ratio));
                }
            } else {
                double p99ToMean = ours.percentile(99) / ours.mean();
                if (p99ToMean > MAX_CONTENDED_P99_TO_MEAN) {
                    why.add("p99 " + format(p99ToMean) + "x our mean");
                }
                if (ours.percentile(99.9) > theirs.percentile(99.9)) {
                    why.add("p99.9 " + format(ours.percentile(99.9)) + " µs > " + format(theirs.percentile(99.9)));
                }
                if (ours.max() > theirs.max()) {
                    why.add("max " + format(ours.max()) + " µs > " + format(theirs.max()));
                }
            }
            return why.isEmpty() ? null
                    : pair.backend() + " " + pair.operation() + ", " + threads + (threads == 1 ? " thread: " : " threads: ") + String.join(", ", why);
        }

        private double throughputRatio() {
            return ours.throughput() / theirs.throughput();
        }

    }

    private static String format(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, value >= 100 ? "%.1f" : "%.3f", value);
    }
}
