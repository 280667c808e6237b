package io.earnorm.ra.serverbench.launcher;

import io.earnorm.ra.serverbench.harness.StepResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Boots one Payara Micro with the adapter and the benchmark WAR, has the harness inside it run
 * every step (each operation, each worker count, the sides one after the other so that they meet
 * the same machine), and prints the table. Started by run-server-bench.sh.
 */
public final class ServerBenchMain {

    private ServerBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        LauncherOptions options = LauncherOptions.parse(args);
        Files.createDirectories(options.out());
        PayaraMicro.requireFree(options.port());
        int steps = options.operations().size() * options.workers().size() * options.sides().size();
        Duration perStep = options.warmup().plus(options.measure());
        System.out.printf(Locale.ROOT, "%d steps of %s + %s: about %d min after the boot; factories and data source by %s lookup%n",
                steps, options.warmup(), options.measure(), perStep.multipliedBy(steps).toMinutes() + 1, options.lookup());
        List<StepResult> results = new ArrayList<>();
        try (Backends backends = new Backends(options.rar())) {
            System.out.println("backends: " + backends.describe());
            Instant boot = Instant.now();
            try (PayaraMicro payara = PayaraMicro.boot(options, backends.systemProperties())) {
                System.out.println("Payara Micro booted in " + Duration.between(boot, Instant.now()).toSeconds() + " s; log: "
                        + options.out().resolve("payara.log"));
                payara.post("setup");
                try {
                    for (String operation : options.operations()) {
                        for (int workers : options.workers()) {
                            for (String side : options.sides()) {
                                StepResult r = StepResult.parse(payara.get(String.format(Locale.ROOT,
                                        "step?op=%s&side=%s&lookup=%s&workers=%d&warmupMs=%d&measureMs=%d", operation, side, options.lookup(), workers,
                                        options.warmup().toMillis(), options.measure().toMillis())));
                                results.add(r);
                                System.out.printf(Locale.ROOT, "%-15s %4d %-11s %10.0f calls/s  mean %9.1f µs  p99 %9.1f µs  %s B/call%s%n",
                                        operation, workers, side, r.callsPerSecond(), r.meanMicros(), r.p99Micros(),
                                        r.bytesPerCall() < 0 ? "?" : String.format(Locale.ROOT, "%.0f", r.bytesPerCall()),
                                        r.errors() > 0 ? "  " + r.errors() + " errors: " + r.firstError() : "");
                            }
                        }
                    }
                } finally {
                    payara.post("teardown");
                }
            }
        }
        write(options.out(), results);
    }

    private static void write(Path out, List<StepResult> results) throws IOException {
        List<String> lines = results.stream().map(StepResult::toLine).toList();
        Files.write(out.resolve("server-bench.tsv"), lines);
        String table = ResultTable.of(results);
        Files.writeString(out.resolve("server-bench.md"), table);
        System.out.println();
        System.out.print(table);
        System.out.println("\n(written to " + out.resolve("server-bench.md") + ")");
    }
}
