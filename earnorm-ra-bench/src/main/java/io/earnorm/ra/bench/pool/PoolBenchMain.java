package io.earnorm.ra.bench.pool;

import io.earnorm.ra.bench.RunnerArguments;

import org.openjdk.jmh.profile.GCProfiler;
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
 * Runs {@link PoolBorrowBenchmark} once per thread count (JMH's {@code -t} takes only one), with
 * the GC profiler, writes one JSON result file per thread count and prints one combined table.
 *
 * <pre>
 * java -cp benchmarks.jar io.earnorm.ra.bench.pool.PoolBenchMain [--threads=1,2,8,32] [--out=DIR] [JMH options...]
 * </pre>
 * JMH options (such as {@code -wi 1 -i 1 -r 1s}, or a benchmark regexp) pass through unchanged and
 * override the defaults in {@link PoolBorrowBenchmark}'s annotations.
 */
public final class PoolBenchMain {

    private PoolBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        RunnerArguments arguments = RunnerArguments.parse(args, List.of(1, 2, 8, 32), Path.of("target", "pool-bench"));
        List<RunResult> results = runPerThreadCount(arguments, PoolBorrowBenchmark.class, "pool-borrow", true);

        String table = PoolResultTable.markdown(results);
        Path summary = arguments.outDir().resolve("pool-borrow-summary.md");
        Files.writeString(summary, table);
        System.out.println();
        System.out.println("Borrow + return of one connection, pool of " + PoolSize.CONNECTIONS + " (" + summary + "):");
        System.out.println();
        System.out.print(table);
    }

    /**
     * Runs {@code benchmark} once per thread count, each run writing {@code <prefix>-t<threads>.json};
     * JMH options in {@code arguments} override the benchmark's annotations.
     */
    static List<RunResult> runPerThreadCount(RunnerArguments arguments, Class<?> benchmark, String prefix, boolean gcProfiler) throws Exception {
        CommandLineOptions jmh = new CommandLineOptions(arguments.jmhArgs());
        Files.createDirectories(arguments.outDir());
        List<RunResult> results = new ArrayList<>();
        for (int threads : arguments.threads()) {
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .parent(jmh)
                    .threads(threads)
                    .resultFormat(ResultFormatType.JSON)
                    .result(arguments.outDir().resolve(prefix + "-t" + threads + ".json").toString());
            if (jmh.getIncludes().isEmpty()) {
                options.include(benchmark.getName() + "\\.");
            }
            if (gcProfiler && !hasGcProfiler(jmh)) {
                options.addProfiler(GCProfiler.class);
            }
            results.addAll(new Runner(options.build()).run());
        }
        return results;
    }

    /** Adding the GC profiler a second time would make JMH run it twice. */
    private static boolean hasGcProfiler(CommandLineOptions jmh) {
        return jmh.getProfilers().stream()
                .anyMatch(p -> p.getKlass().equals("gc") || p.getKlass().equals(GCProfiler.class.getName()));
    }
}
