package io.earnorm.ra.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro in a process of its own, with the sample application at the root context: the RAR
 * comes first, from the post-boot command file, and the application's factories find their servers
 * in the system properties file. Its log goes to a file; it unpacks itself under the work folder.
 */
final class PayaraMicroProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private PayaraMicroProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static PayaraMicroProcess start(DemoFiles files, Path systemProperties, int port) {
        Path tmp = files.workDir().resolve("tmp");
        Path log = files.workDir().resolve("payara.log");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp,
                "-jar", files.payaraMicroJar().toString(),
                "--nocluster", "--nohazelcast", "--disablephonehome",
                "--port", Integer.toString(port),
                "--prebootcommandfile", files.preBootCommands().toString(),
                "--systemproperties", systemProperties.toString(),
                "--postbootcommandfile", files.postBootCommands().toString(),
                "--deploy", files.sampleWar().toString(),
                "--contextroot", "/");
        try {
            Files.createDirectories(tmp);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new PayaraMicroProcess(process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Payara Micro: " + command, e);
        }
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    Path log() {
        return log;
    }

    /**
     * Waits until the sample application answers {@code /api/status}, and returns that answer (200
     * when its three backends answer, else 503 naming the one that does not); empty when Payara
     * ended or did not answer in time.
     */
    Optional<HttpResponse<String>> awaitApplication(Duration patience) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest status = HttpRequest.newBuilder(base().resolve("api/status")).timeout(Duration.ofSeconds(30)).build();
        Instant deadline = Instant.now().plus(patience);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(status, HttpResponse.BodyHandlers.ofString());
                // Payara answers before the application is deployed; the application's answer names its factories.
                if (response.body().contains("\"factories\"")) {
                    return Optional.of(response);
                }
            } catch (IOException notYet) {
                // Payara is still booting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            Sleep.millis(500);
        }
        return Optional.empty();
    }

    /** Blocks until Payara Micro ends; its exit code. */
    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Asks Payara to shut down (SIGTERM), and kills it if it has not within 30 seconds. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
