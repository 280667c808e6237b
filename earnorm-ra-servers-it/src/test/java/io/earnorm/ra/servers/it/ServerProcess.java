package io.earnorm.ra.servers.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server (or one of its tools) as an operating-system process with its output in a log file; closing it
 * stops the process and everything it started, first politely, then forcibly.
 */
final class ServerProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} in {@code dir} with {@code env} added, its output appended to {@code log}. */
    static ServerProcess start(String name, List<String> command, Path dir, Map<String, String> env, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return new ServerProcess(name, builder.start(), log);
    }

    /** Runs a tool to its end within {@code timeout}; it must exit with 0. */
    static void run(String name, List<String> command, Path dir, Map<String, String> env, Path log, Duration timeout) throws Exception {
        try (ServerProcess tool = start(name, command, dir, env, log)) {
            if (!tool.process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not finish within " + timeout + "; see " + log);
            }
            if (tool.process.exitValue() != 0) {
                throw new IllegalStateException(name + " exited with " + tool.process.exitValue() + "; see " + log);
            }
        }
    }

    /**
     * Waits until {@code uri} answers 200, failing early if the process ends or its log shows
     * {@code failure} (a server that started with a failed deployment).
     */
    void awaitOk(URI uri, Duration timeout, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before " + uri + " answered; see " + log);
            }
            if (status(uri) == 200) {
                return;
            }
            if (failure != null && logContains(failure)) {
                throw new IllegalStateException(name + " logged '" + failure + "': a deployment failed; see " + log);
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(uri + " did not answer 200 within " + timeout + "; see " + log);
    }

    private boolean logContains(String text) {
        try {
            return Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    static int status(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static String get(URI uri, Duration timeout) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : children) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
