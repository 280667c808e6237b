package io.earnorm.ra.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;

/**
 * PostgreSQL run by root on behalf of an unprivileged OS user ({@code postgres} when it exists,
 * else {@code nobody}), as PostgreSQL requires: a fresh data folder in a temporary folder owned by
 * that user, {@code initdb} trusting local connections, {@code pg_ctl start} on a free loopback
 * port, and {@code pg_ctl stop} at the end.
 */
final class PostgresAsOtherUser implements DemoPostgres {

    private final PostgresBinaries binaries;
    private final String osUser;
    private final Path dir;
    private final int port;
    private boolean running;

    private PostgresAsOtherUser(PostgresBinaries binaries, String osUser, Path dir, int port) {
        this.binaries = binaries;
        this.osUser = osUser;
        this.dir = dir;
        this.port = port;
    }

    static PostgresAsOtherUser start(PostgresBinaries binaries) {
        String osUser = unprivilegedUser();
        Path dir;
        try {
            dir = Files.createTempDirectory("earnorm-demo-pg-");
            UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(osUser);
            Files.setOwner(dir, owner);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare a data folder for PostgreSQL", e);
        }
        PostgresAsOtherUser server = new PostgresAsOtherUser(binaries, osUser, dir, FreePort.next());
        try {
            server.initdbAndStart();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void initdbAndStart() {
        Path data = dir.resolve("data");
        Processes.run(Processes.as(osUser, List.of(binaries.tool("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                "-A", "trust", "-E", "UTF8", "--no-locale", "-N")), output("initdb"), 120);
        Processes.run(Processes.as(osUser, List.of(binaries.tool("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_prepared_transactions=20", "start")),
                output("pg_ctl-start"), 90);
        running = true;
    }

    @Override
    public PostgresAddress address() {
        return new PostgresAddress("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }

    @Override
    public String describe() {
        return "PostgreSQL from " + binaries.bin() + " on 127.0.0.1:" + port + ", run as OS user " + osUser;
    }

    @Override
    public synchronized void close() {
        if (running) {
            running = false;
            try {
                Processes.run(Processes.as(osUser, List.of(binaries.tool("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                        "-m", "fast", "-w", "-t", "30", "stop")), output("pg_ctl-stop"), 60);
            } catch (RuntimeException e) {
                Console.say("earnorm demo: stopping PostgreSQL failed: " + e.getMessage());
            }
        }
        Folders.deleteQuietly(dir);
        binaries.release();
    }

    private Path output(String step) {
        // Beside the data folder, so that the unprivileged user's files stay in one place.
        return dir.resolve(step + ".out");
    }

    private static String unprivilegedUser() {
        try {
            boolean postgres = Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(line -> line.startsWith("postgres:"));
            return postgres ? "postgres" : "nobody";
        } catch (IOException e) {
            return "nobody";
        }
    }
}
