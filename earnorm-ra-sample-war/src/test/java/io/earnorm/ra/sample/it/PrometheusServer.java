package io.earnorm.ra.sample.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus (the binary of Debian's {@code prometheus} package) started for one test: its
 * own configuration, a temporary storage folder, a loopback address; its output goes to
 * {@code prometheus.log} in the storage folder's parent. {@link #close()} stops it and deletes
 * the storage.
 */
final class PrometheusServer implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final Path storage;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private PrometheusServer(Process process, Path storage, URI base) {
        this.process = process;
        this.storage = storage;
        this.base = base;
    }

    /** Starts {@code binary} with the configuration {@code config} on 127.0.0.1:{@code port}, and waits until it is ready. */
    static PrometheusServer start(Path binary, String config, int port, Path workDir) throws IOException {
        Files.createDirectories(workDir);
        Path storage = Files.createTempDirectory(workDir, "prometheus-");
        Path configFile = storage.resolve("prometheus.yml");
        Files.writeString(configFile, config, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(binary.toString(),
                "--config.file=" + configFile,
                "--storage.tsdb.path=" + storage.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("prometheus.log").toFile())
                .start();
        PrometheusServer server = new PrometheusServer(process, storage, URI.create("http://127.0.0.1:" + port + "/"));
        try {
            await("Prometheus ready on port " + port).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("Prometheus exited with " + process.exitValue() + ": see " + workDir.resolve("prometheus.log"));
                        }
                        return server.ready();
                    });
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * The answer to an instant query through the HTTP API ({@code /api/v1/query}): its
     * {@code data} object ({@code resultType} and {@code result}). A query Prometheus rejects is
     * an {@link AssertionError} with its error.
     */
    JsonObject query(String promql) {
        JsonObject answer = get("api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        if (!"success".equals(answer.getString("status"))) {
            throw new AssertionError("Prometheus rejected '" + promql + "': " + answer);
        }
        return answer.getJsonObject("data");
    }

    /** The vector an instant query returns: one series per element, {@code metric} labels and {@code value} [time, "number"]. */
    List<JsonObject> vector(String promql) {
        return query(promql).getJsonArray("result").getValuesAs(JsonObject.class);
    }

    /** The number a series of {@link #vector} holds (Prometheus writes it as a string: "NaN", "+Inf" too). */
    static double valueOf(JsonObject series) {
        String v = series.getJsonArray("value").getString(1);
        return Double.parseDouble(v.replace("+Inf", "Infinity").replace("-Inf", "-Infinity"));
    }

    private boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve("-/ready")).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonObject get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            try (JsonReader json = Json.createReader(new StringReader(response.body()))) {
                return json.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Prometheus did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(storage)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
