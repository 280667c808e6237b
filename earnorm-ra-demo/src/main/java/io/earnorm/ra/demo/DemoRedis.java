package io.earnorm.ra.demo;

import redis.embedded.core.ExecutableProvider;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The demo's own {@code redis-server} on a free loopback port, with nothing saved to disk: this
 * machine's when it is on the PATH, else the one bundled in {@code com.github.codemonstur:embedded-redis}.
 */
final class DemoRedis implements AutoCloseable {

    private final Process process;
    private final String binary;
    private final int port;
    private final Path dir;

    private DemoRedis(Process process, String binary, int port, Path dir) {
        this.process = process;
        this.binary = binary;
        this.port = port;
        this.dir = dir;
    }

    static DemoRedis start() {
        int port = FreePort.next();
        String binary = binary();
        try {
            Path dir = Files.createTempDirectory("earnorm-demo-redis-");
            Process process = new ProcessBuilder(List.of(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
            DemoRedis redis = new DemoRedis(process, binary, port, dir);
            redis.awaitAnswer();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + binary, e);
        }
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    String describe() {
        return binary + " on 127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        Folders.deleteQuietly(dir);
    }

    private void awaitAnswer() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!FreePort.answers(port)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                close();
                throw new IllegalStateException(binary + " did not start on 127.0.0.1:" + port);
            }
            Sleep.millis(20);
        }
    }

    private static String binary() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String folder : path.split(File.pathSeparator)) {
                File candidate = new File(folder, "redis-server");
                if (candidate.canExecute()) {
                    return candidate.getPath();
                }
            }
        }
        try {
            File bundled = ExecutableProvider.newJarResourceProvider().get();
            if (!bundled.canExecute() && !bundled.setExecutable(true)) {
                throw new IllegalStateException("cannot make " + bundled + " executable");
            }
            return bundled.getAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("no redis-server on the PATH and the embedded one could not be unpacked", e);
        }
    }
}
