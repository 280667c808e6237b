package io.earnorm.ra.serverbench.launcher;

import io.earnorm.ra.serverbench.app.Lookup;
import io.earnorm.ra.serverbench.app.Side;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The launcher's options, from {@code --name=value} arguments (run-server-bench.sh passes them).
 *
 * @param rar         the adapter's archive, deployed by the post-boot commands
 * @param war         the benchmark application
 * @param postBoot    the post-boot command file
 * @param payaraDir   where payara-micro.jar and postgresql.jar are (the module's target/payara)
 * @param out         where the log, the raw lines and the table go
 * @param port        Payara Micro's HTTP port (loopback)
 * @param workers     concurrent workers per step
 * @param warmup      warm-up of each step
 * @param measure     measured time of each step
 * @param operations  the operations to run, in this order
 * @param sides       the sides to run, in this order, each step of each operation
 * @param payaraJvm   extra JVM options for Payara Micro, separated by spaces (a JFR recording, a heap size)
 * @param lookup      how the application reaches the factories and the data source: {@code global} (a JNDI
 *                    lookup without a resource reference, the default) or {@code reference} ({@code @Resource})
 */
record LauncherOptions(Path rar, Path war, Path postBoot, Path payaraDir, Path out, int port, List<Integer> workers,
                       Duration warmup, Duration measure, List<String> operations, List<String> sides, List<String> payaraJvm,
                       String lookup) {

    static LauncherOptions parse(String[] args) {
        Map<String, String> given = new java.util.HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("arguments are --name=value, not '" + arg + "'");
            }
            given.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        LauncherOptions options = new LauncherOptions(
                existing(given, "rar"), existing(given, "war"), existing(given, "post-boot"), existing(given, "payara-dir"),
                Path.of(required(given, "out")),
                Integer.parseInt(given.getOrDefault("port", "48080")),
                Arrays.stream(given.getOrDefault("workers", "1,8,32,128").split(",")).map(String::strip).map(Integer::valueOf).toList(),
                seconds(given.getOrDefault("warmup", "2")),
                seconds(given.getOrDefault("measure", "6")),
                list(given.getOrDefault("ops", String.join(",", DEFAULT_OPERATIONS))),
                sides(given.getOrDefault("sides", "rar,rar-pooled,native")),
                Arrays.stream(given.getOrDefault("payara-jvm", "").split("\\s+")).filter(s -> !s.isEmpty()).toList(),
                lookup(given.getOrDefault("lookup", "global")));
        given.keySet().removeAll(KNOWN);
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + given.keySet() + "; known: " + KNOWN);
        }
        return options;
    }

    static final List<String> DEFAULT_OPERATIONS = List.of("pg-select1", "pg-select1-tx", "pg-row", "pg-row-tx",
            "redis-get", "redis-set", "mongo-find");

    private static final List<String> KNOWN = List.of("rar", "war", "post-boot", "payara-dir", "out", "port", "workers",
            "warmup", "measure", "ops", "sides", "payara-jvm", "lookup");

    /** Checked here, before a server boots for half a minute, by the names the application answers to. */
    private static String lookup(String value) {
        return Lookup.of(value).id();
    }

    private static List<String> sides(String value) {
        List<String> sides = list(value);
        sides.forEach(Side::of);
        return sides;
    }

    /** Seconds, fractions allowed ("0.5"). */
    private static Duration seconds(String value) {
        return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String required(Map<String, String> given, String name) {
        String value = given.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + "= is required");
        }
        return value;
    }

    private static Path existing(Map<String, String> given, String name) {
        Path path = Path.of(required(given, name));
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("--" + name + "=" + path + " does not exist: build first (run-server-bench.sh does)");
        }
        return path;
    }
}
