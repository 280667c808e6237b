package io.earnorm.ra.testsupport;

import org.postgresql.Driver;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own: a fresh data directory ({@code initdb}) in a temporary
 * directory, listening on a free loopback port, with password ({@code scram-sha-256})
 * authentication for every connection, started and stopped at will (for outages), and killed by
 * PID at the end. Uses the machine's binaries ({@code EARNORM_PG_BIN}, else the newest
 * {@code /usr/lib/postgresql/<version>/bin}, else {@code pg_ctl} on the PATH). PostgreSQL refuses
 * to run as root, so when the tests run as root the server runs as the {@code postgres} OS user
 * ({@code runuser}), which then owns the temporary directory.
 *
 * <pre>{@code
 * try (PostgresServerProcess server = PostgresServerProcess.start("secret")) {
 *     server.execute("CREATE DATABASE app");
 *     String url = server.url("app");           // jdbc:postgresql://127.0.0.1:<port>/app
 *     server.stop(); server.start();              // an outage; data survives
 * }
 * }</pre>
 */
public final class PostgresServerProcess implements AutoCloseable {

    /** The superuser {@code initdb} creates. */
    public static final String SUPERUSER = "postgres";
    private static final String OS_USER = "postgres";

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;
    private final String password;
    private final List<String> settings;
    private long pid;

    private PostgresServerProcess(Path bin, Path dir, int port, String password, List<String> settings) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.password = password;
        this.settings = settings;
    }

    /** True when PostgreSQL's server binaries are on this machine. */
    public static boolean available() {
        return binaries().isPresent();
    }

    /**
     * Creates a data directory whose superuser {@value #SUPERUSER} has {@code superuserPassword}, and
     * starts a server on a free port.
     *
     * @param settings extra server settings as {@code name=value} ({@code max_prepared_transactions=10})
     */
    public static PostgresServerProcess start(String superuserPassword, String... settings) {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException(
                "no PostgreSQL binaries: set EARNORM_PG_BIN or install postgresql (initdb and pg_ctl)"));
        Path dir;
        try {
            dir = Files.createTempDirectory("earnorm-pg-");
        } catch (IOException e) {
            throw new IllegalStateException("no temporary directory for PostgreSQL", e);
        }
        PostgresServerProcess server = new PostgresServerProcess(bin, dir, FreePorts.next(), superuserPassword, List.of(settings));
        try {
            server.initdb();
            server.start();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::kill, "stop-postgres-" + server.port));
        return server;
    }

    /**
     * Starts a streaming replica of this server on another free port: a base backup taken with
     * {@code pg_basebackup -R} (so the replica follows this server), started in hot standby.
     */
    public PostgresServerProcess startReplica() {
        Path replicaDir;
        try {
            replicaDir = Files.createTempDirectory("earnorm-pg-replica-");
            if (asRoot()) {
                Files.setOwner(replicaDir, replicaDir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER));
            }
        } catch (IOException e) {
            throw new IllegalStateException("no temporary directory for a PostgreSQL replica", e);
        }
        PostgresServerProcess replica = new PostgresServerProcess(bin, replicaDir, FreePorts.next(), password, settings);
        try {
            replica.run(List.of(tool("pg_basebackup"), "-D", replica.data.toString(), "-R", "-X", "stream", "-c", "fast",
                    "-d", "host=" + host() + " port=" + port + " user=" + SUPERUSER + " password=" + password), "pg_basebackup");
            replica.start();
        } catch (RuntimeException e) {
            replica.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(replica::kill, "stop-postgres-" + replica.port));
        return replica;
    }

    /** Turns this replica into a primary ({@code pg_ctl promote}), waiting until it accepts writes. */
    public void promote() {
        run(List.of(tool("pg_ctl"), "-D", data.toString(), "-w", "-t", "30", "promote"), "pg_ctl promote");
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public String superuserPassword() {
        return password;
    }

    /** A JDBC URL of database {@code postgres}, without credentials. */
    public String url() {
        return url("postgres");
    }

    /** A JDBC URL of {@code database}, without credentials. */
    public String url(String database) {
        return "jdbc:postgresql://" + host() + ":" + port + "/" + database;
    }

    public Path dataDirectory() {
        return data;
    }

    /** The postmaster's process id while the server runs, else 0. */
    public synchronized long pid() {
        return pid;
    }

    /** Starts the server (again, after {@link #stop()}), and waits until it accepts connections. */
    public synchronized void start() {
        if (pid != 0) {
            return;
        }
        StringBuilder options = new StringBuilder("-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        settings.forEach(s -> options.append(" -c ").append(s));
        run(List.of(tool("pg_ctl"), "-D", data.toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "30",
                "-o", options.toString(), "start"), "pg_ctl start");
        pid = readPid();
    }

    /**
     * Stops the server at once, as a crash would (immediate shutdown: SIGQUIT to the postmaster,
     * which ends every backend), and waits until the port is free.
     */
    public synchronized void stop() {
        if (pid == 0) {
            return;
        }
        kill();
    }

    /** {@link #stop()}, then {@link #start()}: an outage of about a second, data kept. */
    public void restart() {
        stop();
        start();
    }

    /** Runs {@code sql} statements, in order, as the superuser in database {@code postgres}. */
    public void execute(String... sql) {
        try (Connection connection = connectAsSuperuser("postgres"); Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL on the test server failed: " + e.getMessage(), e);
        }
    }

    /** A JDBC connection as the superuser, outside any pool; the caller closes it. */
    public Connection connectAsSuperuser(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", SUPERUSER);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", "5");
        return new Driver().connect(url(database), p);
    }

    /** Kills the server by PID and deletes its files. */
    @Override
    public synchronized void close() {
        kill();
        deleteQuietly(dir);
    }

    // ------------------------------------------------------------------ the work

    private void initdb() {
        Path passwordFile = dir.resolve("superuser-password");
        try {
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            if (asRoot()) {
                UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER);
                Files.setOwner(dir, owner);
                Files.setOwner(passwordFile, owner);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not prepare " + dir + " for initdb", e);
        }
        try {
            run(List.of(tool("initdb"), "-D", data.toString(), "-U", SUPERUSER, "--pwfile=" + passwordFile, "-A", "scram-sha-256",
                    "-E", "UTF8", "--no-locale", "-N"), "initdb");
        } finally {
            deleteQuietly(passwordFile);
        }
    }

    private synchronized void kill() {
        if (pid == 0) {
            return;
        }
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
        try {
            new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).redirectErrorStream(true).start().waitFor(5, TimeUnit.SECONDS);
            if (postmaster.isPresent()) {
                postmaster.get().onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            postmaster.ifPresent(ProcessHandle::destroyForcibly);
        }
        pid = 0;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (FreePorts.answers(host(), port) && Instant.now().isBefore(deadline)) {
            sleep(20);
        }
    }

    private long readPid() {
        try {
            return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL started but its postmaster.pid is unreadable; see " + dir.resolve("server.log"), e);
        }
    }

    private void run(List<String> command, String what) {
        List<String> full = new ArrayList<>();
        if (asRoot()) {
            full.addAll(List.of(runuser(), "-u", OS_USER, "--"));
        }
        full.addAll(command);
        Path output = dir.resolve(what.replace(' ', '-') + ".out");
        try {
            Process process = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within 60s; see " + output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " failed (exit " + process.exitValue() + "): " + Files.readString(output));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + full, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        }
    }

    private String tool(String name) {
        return bin.resolve(name).toString();
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String runuser() {
        for (String candidate : List.of("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser")) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        throw new IllegalStateException("the tests run as root and PostgreSQL refuses to; runuser, to run it as " + OS_USER + ", was not found");
    }

    private static Optional<Path> binaries() {
        String given = System.getenv("EARNORM_PG_BIN");
        if (given != null && !given.isBlank()) {
            return Optional.of(Path.of(given)).filter(PostgresServerProcess::hasServerTools);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.map(v -> v.resolve("bin")).filter(PostgresServerProcess::hasServerTools)
                        .max(Comparator.comparingInt(PostgresServerProcess::majorVersion));
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException e) {
                // fall back to the PATH
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                Path candidate = Path.of(entry);
                if (hasServerTools(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasServerTools(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a leftover temporary directory is harmless
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "PostgresServerProcess[" + host() + ":" + port + ", pid=" + pid + ", dir=" + dir + "]";
    }
}
