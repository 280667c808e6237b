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
 * java -cp benchmarks.jar io.earnorm.ra.bench.backend.BackendBenchMain [--threads=1,8,32] [--out=DIR] [JMH options...]
 * </pre>
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
        RunnerArguments arguments = RunnerArguments.parse(args, List.of(1, 8, 32), Path.of("target", "backend-bench"));
        CommandLineOptions jmh = new CommandLineOptions(arguments.jmhArgs());
        Files.createDirectories(arguments.outDir());
        System.out.println("Servers:");
        System.out.println(Servers.describe());
        System.out.println();

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

        String summary = header() + BackendResultTable.markdown(results);
        Path file = arguments.outDir().resolve("backend-summary.md");
        Files.writeString(file, summary);
        System.out.println();
        System.out.println("Summary (" + file + "):");
        System.out.println();
        System.out.print(summary);
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
