package io.earnorm.ra.postgres;

import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.testsupport.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the PostgreSQL integration tests share: pools on the test server (TestServers: the user's,
 * this machine's, or an embedded one), tables with names unique to each test (dropped afterwards),
 * a plain JDBC connection outside any pool for checking and disturbing from the side, and whatever
 * a test starts closed after it, newest first.
 */
abstract class PostgresFixture {

    private final String prefix = "earnorm_it_" + getClass().getSimpleName().toLowerCase(Locale.ROOT) + "_"
            + UUID.randomUUID().toString().substring(0, 8) + "_";
    private final List<String> tables = new ArrayList<>();
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

    /** The shared test server's URL, with its user (and password, if any) as parameters. */
    static String serverUrl() {
        return TestServers.postgresUrl();
    }

    /** A builder for a pool on the shared server. */
    static PostgresPool.Builder sharedServerPool() {
        return PostgresPool.builder().url(serverUrl()).acquireTimeout(Duration.ofSeconds(10)).maxSize(4);
    }

    /** Builds, registers for closing, and initialises a pool. */
    PostgresPool open(PostgresPool.Builder builder) {
        PostgresPool pool = closeLater(builder.build());
        pool.init();
        return pool;
    }

    <T extends AutoCloseable> T closeLater(T resource) {
        toClose.push(resource);
        return resource;
    }

    /** A name unique to this test, for a table, a schema or a database. */
    String name(String name) {
        return prefix + name;
    }

    /** Creates a table of this test with the given column definitions and returns its name; it is dropped after the test. */
    String table(String name, String columns) {
        String table = name(name);
        tables.add(table);
        adminExecute("CREATE TABLE " + table + " (" + columns + ")");
        return table;
    }

    /** A JDBC connection to the shared server outside any pool; closed after the test. */
    Connection admin() throws SQLException {
        return closeLater(newAdmin());
    }

    void adminExecute(String sql) {
        try (Connection c = newAdmin(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Ends the server process behind a pooled connection, as an operator (or a crash of that backend) would. */
    void terminateBackend(int pid) {
        adminExecute("SELECT pg_terminate_backend(" + pid + ")");
    }

    private static Connection newAdmin() throws SQLException {
        PostgresSettings settings = PostgresSettings.of(serverUrl(), null, null, null, null, null, Duration.ofSeconds(10));
        return new Driver().connect(settings.url().base(), settings.driverProperties());
    }

    static int backendPid(PostgresConnection connection) {
        return (Integer) connection.fetchVal("SELECT pg_backend_pid()");
    }

    /** Past the pool's 500 ms window in which a recently used connection is lent without validation. */
    static void pastValidationSkipWindow() throws InterruptedException {
        Thread.sleep(700);
    }

    /**
     * Runs {@code action} on another thread and waits for it at most 10 s, so that a hang fails the
     * test (with a TimeoutException) instead of stalling it. What the action throws is rethrown as is.
     */
    static <T> T within10s(Supplier<T> action) throws Exception {
        Future<T> future = CompletableFuture.supplyAsync(action);
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        Exception failure = null;
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        for (String table : tables) {
            try {
                adminExecute("DROP TABLE IF EXISTS " + table);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        tables.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
