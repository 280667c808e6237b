package io.earnorm.ra.sample.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro started as a process of its own (not by Arquillian), so that a test can run
 * several side by side and kill one with {@link #kill()} ({@code kill -9}). Its output goes to
 * {@code payara.log} in its folder.
 */
final class PayaraMicroProcess implements AutoCloseable {

    private final int port;
    private final Process process;

    private PayaraMicroProcess(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /**
     * Starts Payara Micro on {@code port} (loopback) in {@code folder}, with the boot files given,
     * deploying {@code war} at the root. Returns at once: the server boots on its own.
     */
    static PayaraMicroProcess start(Path payaraJar, Path folder, int port, Path systemProperties,
                                    Path preBoot, Path postBoot, Path war) {
        try {
            Path tmp = Files.createDirectories(folder.resolve("tmp"));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(List.of(java, "-Xmx384m", "-Djava.io.tmpdir=" + tmp, "-jar", payaraJar.toString(),
                    "--nocluster", "--nohazelcast", "--disablephonehome", "--port", String.valueOf(port),
                    "--prebootcommandfile", preBoot.toString(), "--systemproperties", systemProperties.toString(),
                    "--postbootcommandfile", postBoot.toString(), "--deploy", war.toString(), "--contextroot", "/"))
                    .redirectErrorStream(true).redirectOutput(folder.resolve("payara.log").toFile()).start();
            return new PayaraMicroProcess(port, process);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Payara Micro on port " + port, e);
        }
    }

    int port() {
        return port;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The application's root, on the loopback. */
    URL root() {
        try {
            return new URL("http://127.0.0.1:" + port + "/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code kill -9}: the JVM dies at once and the operating system closes its sockets. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
