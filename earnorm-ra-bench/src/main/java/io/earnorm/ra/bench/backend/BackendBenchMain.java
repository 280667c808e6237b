package io.earnorm.ra.bench.backend;

import io.earnorm.ra.bench.RunnerArguments;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link RedisBenchmark}, {@link PostgresBenchmark} and {@link MongoBenchmark} once per thread
 * count (JMH's {@code -t} takes only one), writes one JSON result file per thread count and prints
 * one combined table ({@link BackendResultTable}: p99 from JMH's SampleTime mode, throughput from
 * the same samples, or measured when the command line adds {@code -bm thrpt,sample}).
 *
 * <pre>
 * java -cp benchmarks.jar io.earnorm.ra.bench.backend.BackendBenchMain [--threads=1,8,32] [--rounds=N] [--out=DIR] [JMH options...]
 * </pre>
 * With {@code --rounds=N} each pair's two sides run in neighbouring forks, N rounds, alternating
 * which goes first ({@link AlternatingRounds}); the summary gives the median ratio and its spread.
 * JMH options (such as {@code -wi 1 -i 1 -r 1s}, {@code -prof stack}, or a benchmark regexp) pass
 * through unchanged and override the defaults in the benchmarks' annotations.
 */
public final class BackendBenchMain {

    /** The three benchmark classes, when the command line names none. */
    private static final String ALL_BENCHMARKS = BackendBenchMain.class.getPackageName().replace(".", "\\.")
            + "\\.(Redis|Postgres|Mongo)Benchmark\\.";

    private BackendBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 0;
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--rounds=")) {
                rounds = parseRounds(arg.substring("--rounds=".length()));
            } else {
                rest.add(arg);
            }
        }
        RunnerArguments arguments = RunnerArguments.parse(rest.toArray(String[]::new), List.of(1, 8, 32), Path.of("target", "backend-bench"));
        CommandLineOptions jmh = new CommandLineOptions(arguments.jmhArgs());
        Files.createDirectories(arguments.outDir());
        System.out.println("Servers:");
        System.out.println(Servers.describe());
        System.out.println();

        String summary;
        if (rounds > 0) {
            AlternatingRounds alternating = new AlternatingRounds();
            alternating.run(jmh, arguments.threads(), rounds, arguments.outDir());
            summary = header() + "Throughput ratio (ours / native) over " + rounds + " rounds, the two sides in neighbouring forks,"
                    + " which side goes first swapped every round:\n\n" + alternating.markdown()
                    + "\nRound 1 in full:\n\n" + BackendResultTable.markdown(alternating.firstRound());
        } else {
            summary = header() + BackendResultTable.markdown(runPerThreadCount(jmh, arguments));
        }
        Path file = arguments.outDir().resolve("backend-summary.md");
        Files.writeString(file, summary);
        System.out.println();
        System.out.println("Summary (" + file + "):");
        System.out.println();
        System.out.print(summary);
    }

    private static List<RunResult> runPerThreadCount(CommandLineOptions jmh, RunnerArguments arguments) throws Exception {
        List<RunResult> results = new ArrayList<>();
        for (int threads : arguments.threads()) {
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .parent(jmh)
                    .threads(threads)
                    .resultFormat(ResultFormatType.JSON)
                    .result(arguments.outDir().resolve("backend-t" + threads + ".json").toString());
            if (jmh.getIncludes().isEmpty()) {
                options.include(ALL_BENCHMARKS);
            }
            results.addAll(new Runner(options.build()).run());
        }
        return results;
    }

    private static int parseRounds(String value) {
        try {
            int rounds = Integer.parseInt(value);
            if (rounds >= 1) {
                return rounds;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--rounds must be a whole number >= 1, e.g. --rounds=3 (got '" + value + "')");
    }

    private static String header() {
        return "End to end through each pool of " + PoolSize.CONNECTIONS + " connections (min = max, both full before measuring);"
                + " ours = EarnORM RedisPool / PostgresPool / MongoPool, native = the pool named in the backend column."
                + " p99 from JMH SampleTime mode; ops/ms from the same fork as threads / mean operation time (Little's law),"
                + " or from JMH Throughput mode when the run included it (-bm thrpt,sample);"
                + " ± is the 99.9% interval across one fork's iterations, and on a busy machine runs differ by more than that."
                + (Servers.givenMongoUri() == null
                        ? " MongoDB is an in-process mongo-java-server (memory backend) sharing the benchmark's CPU:"
                        + " its absolute figures are not a real mongod's, only the ratio means something."
                        : "")
                + "\n\n";
    }
}
