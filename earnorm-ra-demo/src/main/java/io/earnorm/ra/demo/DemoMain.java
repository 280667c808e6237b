package io.earnorm.ra.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one-command demo: starts the servers the sample application needs (or uses the ones the
 * environment names), starts Payara Micro with the resource adapter and the sample application,
 * prints the URL, and on Ctrl-C stops Payara and every server it started.
 */
public final class DemoMain {

    private static final Duration BOOT_PATIENCE = Duration.ofMinutes(5);
    private static final int DEFAULT_PORT = 8080;

    private final AtomicBoolean stopped = new AtomicBoolean();
    private Backends backends;
    private PayaraMicroProcess payara;

    public static void main(String[] args) throws Exception {
        DemoMain demo = new DemoMain();
        Thread stopOnExit = new Thread(demo::stop, "earnorm-demo-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            demo.run();
        } finally {
            demo.stop();
        }
    }

    private void run() throws InterruptedException {
        DemoFiles files = DemoFiles.fromSystemProperties();
        int port = Integer.getInteger("earnorm.demo.port", DEFAULT_PORT);
        if (!FreePort.isFree(port)) {
            throw new IllegalStateException("port " + port + " is taken; choose another with -Dearnorm.demo.port=8081");
        }
        Console.say("EarnORM RA demo: starting the servers");
        backends = Backends.start(System.getenv());
        backends.descriptions().forEach(d -> Console.say("  " + d));

        Path properties = writeSystemProperties(files, backends);
        Console.say("Starting Payara Micro with earnorm-ra.rar and the sample application (log: " + files.workDir().resolve("payara.log") + ")");
        payara = PayaraMicroProcess.start(files, properties, port);
        Optional<HttpResponse<String>> status = payara.awaitApplication(BOOT_PATIENCE);
        if (status.isEmpty()) {
            Console.say("Payara Micro did not bring the sample application up; the end of its log:");
            tail(payara.log(), 40).forEach(Console::say);
            return;
        }
        banner(status.get());
        int exit = payara.waitFor();
        if (!stopped.get()) {
            Console.say("Payara Micro ended by itself (exit " + exit + "); see " + payara.log());
        }
    }

    private void banner(HttpResponse<String> status) {
        String base = payara.base().toString();
        Console.say("");
        Console.say("The sample application is up: " + base + "api/status");
        if (status.statusCode() != 200) {
            Console.say("  but a backend does not answer: " + status.body());
        }
        Console.say("  curl -s " + base + "api/status");
        Console.say("  curl -s -X POST " + base + "api/users -H 'Content-Type: application/json' -d '{\"name\": \"Ada Lovelace\", \"email\": \"ada@example.com\"}'");
        Console.say("  (the README walks through the rest)");
        Console.say("Press Ctrl-C to stop Payara Micro and every server the demo started.");
    }

    /**
     * Stops Payara, then the servers: once, whether the JVM exits (Ctrl-C) or Payara ended by
     * itself. Each step runs even when the one before failed.
     */
    private void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        if (payara != null) {
            Console.say("Stopping Payara Micro");
            try {
                payara.close();
            } catch (RuntimeException e) {
                Console.say("Stopping Payara Micro failed: " + e.getMessage());
            }
        }
        if (backends != null) {
            Console.say("Stopping the servers the demo started");
            backends.close();
        }
    }

    /** The servers' addresses for Payara; readable by this user only, as a PostgreSQL password may be among them. */
    private static Path writeSystemProperties(DemoFiles files, Backends backends) {
        Path file = files.workDir().resolve("backends.properties");
        try {
            Files.createDirectories(files.workDir());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(file)) {
                backends.systemProperties(files.rar()).store(out, "read by Payara Micro (--systemproperties)");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private static List<String> tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(could not read " + log + ": " + e.getMessage() + ")");
        }
    }
}
