package io.earnorm.ra.testsupport;

import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.exceptions.JedisException;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One {@code redis-server} process of {@link RedisClusterHarness} or {@link RedisSentinelHarness}:
 * on a loopback port, in a folder of its own with its log ({@code redis.log}), started again at will
 * with the same arguments and killed by PID. Also the small helpers both harnesses share: asking a
 * node over Jedis, polling with a deadline, a log's tail, deleting a folder.
 */
final class RedisHarnessNode {

    static final String HOST = "127.0.0.1";

    /** How a node's command line is made once its ports and folder are known (may write files there). */
    @FunctionalInterface
    interface Arguments {
        List<String> make(Path dir, int port, int busPort) throws IOException;
    }

    private static final JedisClientConfig CLIENT = DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(1_000).socketTimeoutMillis(3_000)
            .clientSetInfoConfig(ClientSetInfoConfig.DISABLED).build();
    private static final int LAUNCH_ATTEMPTS = 3;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final String name;
    private final int port;
    private final int busPort;
    private final Path dir;
    private final List<String> command;
    private Process process;

    private RedisHarnessNode(String name, int port, int busPort, Path dir, List<String> command) {
        this.name = name;
        this.port = port;
        this.busPort = busPort;
        this.dir = dir;
        this.command = command;
    }

    /**
     * Starts a node on free loopback ports (a second one, {@code busPort}, when {@code busPort} is
     * asked for, else 0) in a new folder under {@code parent}; when another process took a port in
     * the meantime, tries again on other ports.
     */
    static RedisHarnessNode launch(Path parent, String name, boolean busPort, Arguments arguments) {
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= LAUNCH_ATTEMPTS; attempt++) {
            int port = FreePorts.next();
            int bus = 0;
            while (busPort && (bus == 0 || bus == port)) {
                bus = FreePorts.next();
            }
            RedisHarnessNode node;
            try {
                Path dir = Files.createDirectories(parent.resolve(name + "-" + port));
                List<String> command = new ArrayList<>();
                command.add(RedisServerProcess.redisServerBinary());
                command.addAll(arguments.make(dir, port, bus));
                node = new RedisHarnessNode(name, port, bus, dir, List.copyOf(command));
            } catch (IOException e) {
                throw new IllegalStateException("could not prepare " + name + " under " + parent, e);
            }
            try {
                node.start();
                return node;
            } catch (IllegalStateException e) {
                node.kill();
                if (!node.logTail(40).contains("Address already in use")) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    int busPort() {
        return busPort;
    }

    Path dir() {
        return dir;
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Starts the process (again, with the same arguments) and waits until it answers PING. */
    synchronized void start() {
        if (isAlive()) {
            return;
        }
        File log = dir.resolve("redis.log").toFile();
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name + ": " + command, e);
        }
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " (redis-server on port " + port + ") exited at start with code "
                        + process.exitValue() + "; " + command + "\n" + logTail(30));
            }
            if (tryAsk(port, Jedis::ping).filter("PONG"::equals).isPresent()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                kill();
                throw new IllegalStateException(name + " (redis-server on port " + port + ") did not answer PING within "
                        + START_TIMEOUT.toSeconds() + " s; " + command + "\n" + logTail(30));
            }
            sleep(20);
        }
    }

    /** Kills the process by PID (SIGKILL, as a crash) and waits until its port is closed. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        Process p = process;
        process = null;
        boolean wasAlive = p.isAlive();
        p.destroyForcibly();
        boolean interrupted = false;
        while (true) {
            try {
                p.waitFor();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        Instant deadline = Instant.now().plusSeconds(10);
        while (wasAlive && FreePorts.answers(HOST, port) && Instant.now().isBefore(deadline)) {
            sleep(10);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The process's PID, or -1 when it does not run. */
    synchronized long pid() {
        return isAlive() ? process.pid() : -1;
    }

    /** The last {@code lines} lines of the node's log, under a heading naming it. */
    String logTail(int lines) {
        Path log = dir.resolve("redis.log");
        try {
            List<String> all = List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n"));
            return "--- " + name + " (port " + port + ") " + log + ", last lines:\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())) + "\n";
        } catch (IOException e) {
            return "--- " + name + " (port " + port + "): no log at " + log + "\n";
        }
    }

    @Override
    public String toString() {
        return name + "[127.0.0.1:" + port + (isAlive() ? "" : ", not running") + "]";
    }

    // ---- helpers of both harnesses

    /**
     * The arguments of a data node (not a sentinel): loopback only, no persistence, and a full
     * sync to a replica at once rather than after the default five seconds' wait for more replicas.
     */
    static List<String> dataNodeArgs(Path dir, int port) {
        return List.of("--port", Integer.toString(port), "--bind", HOST, "--save", "", "--appendonly", "no",
                "--repl-diskless-sync-delay", "0", "--dir", dir.toString());
    }

    /** Asks the node on {@code port} something over a fresh connection; Jedis exceptions go through. */
    static <T> T ask(int port, Function<Jedis, T> question) {
        try (Jedis jedis = new Jedis(HOST, port, CLIENT)) {
            return question.apply(jedis);
        }
    }

    /** Like {@link #ask}, empty when the node does not answer or answers with an error. */
    static <T> Optional<T> tryAsk(int port, Function<Jedis, T> question) {
        try {
            return Optional.ofNullable(ask(port, question));
        } catch (JedisException e) {
            return Optional.empty();
        }
    }

    /** The {@code field:value} lines of an INFO answer. */
    static Map<String, String> infoFields(String info) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : info.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return fields;
    }

    /** INFO replication of the node on {@code port}, empty when it does not answer. */
    static Optional<Map<String, String>> replication(int port) {
        return tryAsk(port, j -> infoFields(j.info("replication")));
    }

    /**
     * Polls {@code probe} every 50 ms until it gives a value, for at most {@code timeout}; a
     * runtime exception counts as "not yet". At the deadline throws with {@code what}, the last
     * exception and {@code diagnostics}.
     */
    static <T> T await(Duration timeout, String what, Supplier<Optional<T>> probe, Supplier<String> diagnostics) {
        Instant deadline = Instant.now().plus(timeout);
        RuntimeException lastError = null;
        while (true) {
            try {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            if (Instant.now().isAfter(deadline)) {
                IllegalStateException failure = new IllegalStateException("timed out after " + timeout.toMillis() + " ms waiting for "
                        + what + (lastError == null ? "" : " (last error: " + lastError + ")") + "\n" + diagnostics.get());
                if (lastError != null) {
                    failure.addSuppressed(lastError);
                }
                throw failure;
            }
            sleep(50);
        }
    }

    /** Deletes a folder and everything in it, as far as it can. */
    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a leftover file in /tmp harms no one
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    /**
     * The nodes of one harness: their common temporary folder, the start of a harness that closes
     * whatever it started when its start fails, and a close (by PID, newest first) that also runs
     * from a shutdown hook if the JVM exits before the harness is closed.
     */
    static final class Group {

        private final Path root;
        private final List<RedisHarnessNode> nodes = new ArrayList<>();
        private final Thread hook;
        private boolean closed;

        Group(String prefix) {
            try {
                root = Files.createTempDirectory(prefix);
            } catch (IOException e) {
                throw new IllegalStateException("no temporary folder for " + prefix, e);
            }
            hook = new Thread(this::close, prefix + "cleanup");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        /** Runs {@code boot} on a new harness; when it fails, closes the harness and rethrows. */
        static <H extends AutoCloseable> H start(H harness, Consumer<H> boot) {
            try {
                boot.accept(harness);
                return harness;
            } catch (RuntimeException | Error e) {
                try {
                    harness.close();
                } catch (Exception closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        }

        /** {@link RedisHarnessNode#launch} in this group's folder. */
        RedisHarnessNode launch(String name, boolean busPort, Arguments arguments) {
            RedisHarnessNode node = RedisHarnessNode.launch(root, name, busPort, arguments);
            synchronized (this) {
                if (!closed) {
                    nodes.add(node);
                    return node;
                }
            }
            node.kill();
            throw new IllegalStateException("the harness was closed while " + name + " started");
        }

        /** The tail of every node's log. */
        String logTails(int lines) {
            return snapshot().stream().map(n -> n.logTail(lines)).collect(Collectors.joining());
        }

        private synchronized List<RedisHarnessNode> snapshot() {
            return List.copyOf(nodes);
        }

        /** Kills every node by PID, newest first, and deletes the folder. Idempotent. */
        void close() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            List<RedisHarnessNode> all = new ArrayList<>(snapshot());
            Collections.reverse(all);
            all.forEach(RedisHarnessNode::kill);
            deleteTree(root);
            if (Thread.currentThread() != hook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException ignored) {
                    // the JVM is shutting down: the hook runs anyway, and close is idempotent
                }
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
