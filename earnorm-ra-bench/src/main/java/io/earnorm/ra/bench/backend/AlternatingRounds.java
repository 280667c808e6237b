package io.earnorm.ra.bench.backend;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Runs each pair's two sides one after the other, one fork each, several rounds, swapping which
 * side goes first every round: a server sharing the machine's cores drifts over minutes, and a
 * ratio taken from two runs minutes apart measures the drift as much as the pools. The ratio of
 * each round is taken from neighbouring forks; the median of the rounds is the figure, their
 * spread the noise.
 */
final class AlternatingRounds {

    /** One row of the ratio table. */
    private record Row(BenchmarkPair pair, int threads) {
    }

    /**
     * What one round says of one row: throughput ours / native, p99, p99.9 and max ours / native,
     * and our p99 over our own mean (what a fair queue keeps low under contention).
     */
    private record Round(double throughput, double p99, double p999, double max, double p99ToOwnMean) {

        static Round of(RunResult ours, RunResult theirs, int threads) {
            Statistics o = ours.getPrimaryResult().getStatistics();
            Statistics t = theirs.getPrimaryResult().getStatistics();
            return new Round(AlternatingRounds.throughput(ours, threads) / AlternatingRounds.throughput(theirs, threads),
                    o.getPercentile(99) / t.getPercentile(99), o.getPercentile(99.9) / t.getPercentile(99.9),
                    o.getMax() / t.getMax(), o.getPercentile(99) / o.getMean());
        }
    }

    /** Per pair and thread count, what each round says; rows in the order of the other table. */
    private final Map<Row, List<Round>> rounds = new TreeMap<>(Comparator.<Row>comparingInt(r -> BenchmarkPair.ALL.indexOf(r.pair()))
            .thenComparingInt(Row::threads));
    private final List<RunResult> firstRound = new ArrayList<>();

    List<RunResult> firstRound() {
        return firstRound;
    }

    void run(CommandLineOptions jmh, List<Integer> threadCounts, int rounds, Path outDir) throws RunnerException {
        for (int round = 1; round <= rounds; round++) {
            for (int threads : threadCounts) {
                for (BenchmarkPair pair : BenchmarkPair.ALL) {
                    if (!selected(jmh, pair)) {
                        continue;
                    }
                    boolean oursFirst = round % 2 == 1;
                    RunResult first = runOne(jmh, oursFirst ? pair.oursName() : pair.theirsName(), threads, outDir, round);
                    RunResult second = runOne(jmh, oursFirst ? pair.theirsName() : pair.oursName(), threads, outDir, round);
                    RunResult ours = oursFirst ? first : second;
                    RunResult theirs = oursFirst ? second : first;
                    if (round == 1) {
                        firstRound.add(ours);
                        firstRound.add(theirs);
                    }
                    this.rounds.computeIfAbsent(new Row(pair, threads), k -> new ArrayList<>()).add(Round.of(ours, theirs, threads));
                }
            }
        }
    }

    /** A benchmark regexp on the command line narrows the pairs, as it would narrow a plain JMH run. */
    private static boolean selected(CommandLineOptions jmh, BenchmarkPair pair) {
        List<String> includes = jmh.getIncludes();
        return includes.isEmpty() || includes.stream().anyMatch(p -> Pattern.compile(p).matcher(pair.oursName()).find()
                || Pattern.compile(p).matcher(pair.theirsName()).find());
    }

    private static RunResult runOne(CommandLineOptions jmh, String benchmark, int threads, Path outDir, int round) throws RunnerException {
        String file = benchmark.substring(benchmark.lastIndexOf('.') + 1) + "-t" + threads + "-r" + round + ".json";
        OptionsBuilder options = new OptionsBuilder();
        options.parent(jmh)
                .include("^" + Pattern.quote(benchmark) + "$")
                // The command line's own patterns come along with the parent: shut out all but this one.
                .exclude("^(?!" + Pattern.quote(benchmark) + "$).*")
                .mode(Mode.SampleTime)
                .forks(1)
                .threads(threads)
                .resultFormat(ResultFormatType.JSON)
                .result(outDir.resolve(file).toString());
        return new Runner(options.build()).runSingle();
    }

    /** Operations per millisecond from a SampleTime run: threads / mean operation time. */
    private static double throughput(RunResult run, int threads) {
        Result<?> primary = run.getPrimaryResult();
        return threads * 1000.0 / ScoreUnits.micros(primary.getScore(), primary.getScoreUnit());
    }

    /**
     * One row per pair and thread count: each round's throughput ratio, the median, the spread and
     * what they say; then the medians over the rounds of the tail ratios (ours / native) and of our
     * p99 over our own mean. Each side's percentiles are in the same unit, so the ratios need none.
     */
    String markdown() {
        StringBuilder table = new StringBuilder()
                .append("| backend | operation | threads | ratio per round | median | spread | verdict | p99 ratio | p99.9 ratio | max ratio | our p99 / our mean |\n")
                .append("|---|---|---:|---|---:|---:|---|---:|---:|---:|---:|\n");
        rounds.forEach((row, values) -> {
            List<Double> throughput = values.stream().map(Round::throughput).toList();
            List<Double> sorted = throughput.stream().sorted().toList();
            double low = sorted.get(0);
            double high = sorted.get(sorted.size() - 1);
            table.append("| ").append(row.pair().backend()).append(" (vs ").append(row.pair().nativePool()).append(") | ")
                    .append(row.pair().operation()).append(" | ").append(row.threads())
                    .append(" | ").append(String.join(", ", throughput.stream().map(AlternatingRounds::format).toList()))
                    .append(" | ").append(format(median(throughput)))
                    .append(" | ").append(format(low)).append(" – ").append(format(high))
                    .append(" | ").append(verdict(low, high, values.size()))
                    .append(" | ").append(format(median(values.stream().map(Round::p99).toList())))
                    .append(" | ").append(format(median(values.stream().map(Round::p999).toList())))
                    .append(" | ").append(format(median(values.stream().map(Round::max).toList())))
                    .append(" | ").append(format(median(values.stream().map(Round::p99ToOwnMean).toList())))
                    .append(" |\n");
        });
        return table.toString();
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }

    /** Ahead or behind only when every round says so; one round decides nothing. */
    static String verdict(double low, double high, int rounds) {
        if (rounds < 2) {
            return "one round: run --rounds=3 or more to decide";
        }
        if (low > 1.0) {
            return "ahead";
        }
        if (high < 1.0) {
            return "behind";
        }
        return "level within noise";
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
