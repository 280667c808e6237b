package io.earnorm.ra.bench.pool;

import io.earnorm.ra.bench.RunnerArguments;

import org.openjdk.jmh.results.RunResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs {@link PoolHoldBenchmark} once per thread count and prints one table: throughput, the
 * distribution of one borrow-hold-return, and the time a strictly fair queue would give.
 *
 * <pre>
 * java -cp benchmarks.jar io.earnorm.ra.bench.pool.PoolHoldMain [--threads=1,8,32,128] [--out=DIR] [JMH options...]
 * </pre>
 */
public final class PoolHoldMain {

    private PoolHoldMain() {
    }

    public static void main(String[] args) throws Exception {
        RunnerArguments arguments = RunnerArguments.parse(args, List.of(1, 8, 32, 128), Path.of("target", "pool-hold"));
        List<RunResult> results = PoolBenchMain.runPerThreadCount(arguments, PoolHoldBenchmark.class, "pool-hold", false);

        String table = PoolHoldTable.markdown(results);
        Path summary = arguments.outDir().resolve("pool-hold-summary.md");
        Files.writeString(summary, table);
        System.out.println();
        System.out.println("Borrow, hold " + PoolHoldBenchmark.HOLD_NANOS / 1000 + " µs parked, return; pool of "
                + PoolSize.CONNECTIONS + " (" + summary + "):");
        System.out.println();
        System.out.print(table);
    }
}
