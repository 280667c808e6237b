package io.earnorm.ra.bench.backend;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
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

    /** Per pair and thread count, the throughput ratio (ours / native) of each round; rows in the order of the other table. */
    private final Map<Row, List<Double>> ratios = new TreeMap<>(Comparator.<Row>comparingInt(r -> BenchmarkPair.ALL.indexOf(r.pair()))
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
                    ratios.computeIfAbsent(new Row(pair, threads), k -> new ArrayList<>())
                            .add(throughput(ours, threads) / throughput(theirs, threads));
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

    /** One row per pair and thread count: each round's ratio, the median, the spread and what they say. */
    String markdown() {
        StringBuilder table = new StringBuilder()
                .append("| backend | operation | threads | ratio per round | median | spread | verdict |\n")
                .append("|---|---|---:|---|---:|---:|---|\n");
        ratios.forEach((row, values) -> {
            List<Double> sorted = values.stream().sorted().toList();
            double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                    : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
            double low = sorted.get(0);
            double high = sorted.get(sorted.size() - 1);
            table.append("| ").append(row.pair().backend()).append(" (vs ").append(row.pair().nativePool()).append(") | ")
                    .append(row.pair().operation()).append(" | ").append(row.threads())
                    .append(" | ").append(String.join(", ", values.stream().map(AlternatingRounds::format).toList()))
                    .append(" | ").append(format(median))
                    .append(" | ").append(format(low)).append(" – ").append(format(high))
                    .append(" | ").append(verdict(low, high, values.size()))
                    .append(" |\n");
        });
        return table.toString();
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
