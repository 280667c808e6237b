package io.earnorm.ra.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The options of a benchmark runner ({@code --threads=1,8,32}, {@code --out=dir}), split from
 * those it hands to JMH unchanged.
 */
public record RunnerArguments(List<Integer> threads, Path outDir, String[] jmhArgs) {

    public static RunnerArguments parse(String[] args, List<Integer> defaultThreads, Path defaultOutDir) {
        List<Integer> threads = defaultThreads;
        Path outDir = defaultOutDir;
        List<String> jmhArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--threads=")) {
                threads = parseThreads(arg.substring("--threads=".length()));
            } else if (arg.startsWith("--out=")) {
                outDir = Path.of(arg.substring("--out=".length()));
            } else {
                jmhArgs.add(arg);
            }
        }
        return new RunnerArguments(threads, outDir, jmhArgs.toArray(String[]::new));
    }

    private static List<Integer> parseThreads(String list) {
        List<Integer> threads;
        try {
            threads = Arrays.stream(list.split("[,\\s]+")).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            threads = List.of();
        }
        if (threads.isEmpty() || threads.stream().anyMatch(t -> t < 1)) {
            throw new IllegalArgumentException("--threads must list thread counts >= 1, e.g. --threads=1,8,32 (got '" + list + "')");
        }
        return threads;
    }
}
