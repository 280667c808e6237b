package io.earnorm.ra.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code redis-server} of the test's own on a loopback port, stopped and started at will (for
 * outages), killed by PID at the end. Uses the machine's {@code redis-server} when on the PATH,
 * otherwise the binary bundled in {@code com.github.codemonstur:embedded-redis}.
 */
public final class RedisServerProcess implements AutoCloseable {

    private final int port;
    private final Path dir;
    private final List<String> extraArgs;
    private Process process;

    private RedisServerProcess(int port, List<String> extraArgs) {
        this.port = port;
        this.extraArgs = extraArgs;
        try {
            this.dir = Files.createTempDirectory("earnorm-redis-" + port);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a server on a free port with the given extra {@code redis-server} arguments. */
    public static RedisServerProcess launch(String... extraArgs) {
        RedisServerProcess server = new RedisServerProcess(FreePorts.next(), List.of(extraArgs));
        server.start();
        return server;
    }

    /**
     * Starts a server that speaks TLS only, with {@code certificates}' server certificate, trusting
     * their authority for client certificates, which it asks for when {@code clientCertificates}.
     */
    public static RedisServerProcess launchTls(TestCertificates certificates, boolean clientCertificates) {
        int port = FreePorts.next();
        RedisServerProcess server = new RedisServerProcess(port, List.of("--port", "0", "--tls-port", Integer.toString(port),
                "--tls-cert-file", certificates.serverCert().toString(), "--tls-key-file", certificates.serverKey().toString(),
                "--tls-ca-cert-file", certificates.caCert().toString(), "--tls-auth-clients", clientCertificates ? "yes" : "no"));
        server.start();
        return server;
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(binary(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString()));
        command.addAll(extraArgs);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start redis-server: " + command, e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!FreePorts.answers("127.0.0.1", port)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("redis-server did not start on port " + port + "; see " + dir.resolve("redis.log"));
            }
            sleep(20);
        }
    }

    /** Kills the server at once, as a crash would. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        while (FreePorts.answers("127.0.0.1", port)) {
            sleep(10);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The {@code redis-server} these servers run, for the other harnesses of this package. */
    static String redisServerBinary() {
        return binary();
    }

    private static String binary() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                File candidate = new File(dir, "redis-server");
                if (candidate.canExecute()) {
                    return candidate.getPath();
                }
            }
        }
        return EmbeddedRedisBinary.path();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
