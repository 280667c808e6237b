package io.earnorm.ra.serverbench.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro process on the loopback, booted with the post-boot commands (which deploy the
 * RAR and define every pool) and the benchmark WAR, and the HTTP calls to the harness in it.
 */
final class PayaraMicro implements AutoCloseable {

    private static final Duration BOOT_LIMIT = Duration.ofMinutes(5);

    private final Process process;
    private final Path log;
    private final URI api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PayaraMicro(Process process, Path log, URI api) {
        this.process = process;
        this.log = log;
        this.api = api;
    }

    static PayaraMicro boot(LauncherOptions options, Properties systemProperties) throws IOException, InterruptedException {
        Path work = options.out().toAbsolutePath();
        Files.createDirectories(work.resolve("tmp"));
        systemProperties.setProperty("earnorm.bench.run", "p" + options.port());
        Path properties = work.resolve("backends.properties");
        try (OutputStream out = Files.newOutputStream(properties)) {
            systemProperties.store(out, "backends of the in-server benchmark");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.io.tmpdir=" + work.resolve("tmp"));
        command.addAll(options.payaraJvm());
        command.addAll(List.of("-jar", options.payaraDir().resolve("payara-micro.jar").toAbsolutePath().toString(),
                "--nohazelcast", "--disablephonehome",
                "--port", Integer.toString(options.port()),
                "--addlibs", options.payaraDir().resolve("postgresql.jar").toAbsolutePath().toString(),
                "--systemproperties", properties.toString(),
                "--postbootcommandfile", options.postBoot().toAbsolutePath().toString(),
                "--deploy", options.war().toAbsolutePath().toString(),
                "--contextroot", "server-bench"));
        Path log = work.resolve("payara.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PayaraMicro payara = new PayaraMicro(process, log, URI.create("http://127.0.0.1:" + options.port() + "/server-bench/api/"));
        Runtime.getRuntime().addShutdownHook(new Thread(payara::close));
        payara.awaitBoot();
        return payara;
    }

    private void awaitBoot() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + BOOT_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + " while booting; see " + log);
            }
            String content = Files.readString(log);
            if (content.contains("Payara Micro URLs:") || content.contains("Payara Micro ") && content.contains(" ready in ")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Payara Micro did not boot within " + BOOT_LIMIT + "; see " + log);
    }

    String post(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(api.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    String get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(api.resolve(pathAndQuery)).GET().build());
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": "
                    + response.body() + " (server log: " + log + ")");
        }
        return response.body();
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static void requireFree(int port) {
        try (java.net.ServerSocket s = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
        } catch (IOException e) {
            throw new UncheckedIOException("port " + port + " is taken: pass --port=N (run-server-bench.sh: PORT=N)", e);
        }
    }
}
