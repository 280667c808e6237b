package io.earnorm.ra.postgres;

import io.earnorm.ra.api.EarnormBackendException;
import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.api.pool.BackendUnavailableException;
import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.testsupport.PostgresServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/** Backends the server ended are never lent again, and a pool comes back by itself after the server was down. */
class PostgresRecoveryIT extends PostgresFixture {

    private static final String PASSWORD = "Recovery-Pw-5e1d";
    private static PostgresServerProcess server;

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** A server of this class's own, for the outage; started by the first test that needs it. */
    private static synchronized PostgresServerProcess server() {
        Assumptions.assumeTrue(PostgresServerProcess.available(), "no PostgreSQL server binaries on this machine");
        if (server == null) {
            server = PostgresServerProcess.start(PASSWORD);
        }
        return server;
    }

    @Test
    void connectionsTerminatedOnTheServerAreNeverHandedOutAfterValidation() throws Exception {
        PostgresPool pool = open(sharedServerPool().minSize(3).maxSize(3));
        List<PostgresConnection> held = new ArrayList<>();
        List<Integer> pids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(pool.acquire());
            pids.add(backendPid(held.get(i)));
        }
        held.forEach(PostgresConnection::close);
        Set<Integer> terminated = Set.of(pids.get(0), pids.get(2));
        terminated.forEach(this::terminateBackend);
        pastValidationSkipWindow();

        held.clear();
        Set<Integer> lent = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            PostgresConnection conn = within10s(pool::acquire);
            held.add(conn);
            lent.add(backendPid(conn));
        }
        held.forEach(PostgresConnection::close);

        assertThat(lent).hasSize(3).doesNotContainAnyElementsOf(terminated).contains(pids.get(1));
        assertThat(pool.stats().validationFailures()).isEqualTo(2);
        assertThat(pool.state()).isEqualTo(PoolState.READY);
    }

    @Test
    void aConnectionTerminatedWhileBorrowedIsLostRetiredAndReplaced() throws Exception {
        PostgresPool pool = open(sharedServerPool().maxSize(2));
        PostgresConnection conn = pool.acquire();
        int pid = backendPid(conn);

        terminateBackend(pid);

        EarnormBackendException lost = catchThrowableOfType(EarnormBackendException.class, () -> conn.fetchVal("SELECT 1"));
        assertThat(lost.connectionLost()).isTrue();
        assertThat(((SQLException) lost.getCause()).getSQLState()).isEqualTo("57P01");
        assertThat(conn.isStale()).isTrue();
        conn.close();
        // One ended backend is not an outage: the pool stays ready.
        assertThat(pool.state()).isEqualTo(PoolState.READY);
        try (PostgresConnection next = pool.acquire()) {
            assertThat(backendPid(next)).isNotEqualTo(pid);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pool.stats().closed()).isEqualTo(1));
    }

    @Test
    void aLostConnectionSeenThroughJdbcRetiresItToo() throws Exception {
        PostgresPool pool = open(sharedServerPool().maxSize(1));
        int pid;
        try (PostgresConnection conn = pool.acquire()) {
            pid = backendPid(conn);
            Statement statement = conn.jdbc().createStatement();

            terminateBackend(pid);

            SQLException lost = catchThrowableOfType(SQLException.class, () -> statement.executeQuery("SELECT 1"));
            assertThat(lost.getSQLState()).isEqualTo("57P01");
            assertThat(conn.isStale()).isTrue();
        }
        try (PostgresConnection conn = pool.acquire()) {
            assertThat(backendPid(conn)).isNotEqualTo(pid);
        }
    }

    @Test
    void duringAnOutageAcquiresFailFastAndAfterItThePoolRefillsByItself() throws Exception {
        PostgresServerProcess db = server();
        db.execute("CREATE TABLE IF NOT EXISTS survivors (name text)", "INSERT INTO survivors VALUES ('before')");
        PostgresPool pool = open(PostgresPool.builder().url(db.url()).user(PostgresServerProcess.SUPERUSER).password(PASSWORD)
                .minSize(2).maxSize(4)
                .acquireTimeout(Duration.ofSeconds(30))
                .validationTimeout(Duration.ofSeconds(1))
                .probeInterval(Duration.ofMillis(200)));
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.stats().total() == 2);
        PostgresConnection borrowed = pool.acquire();
        pastValidationSkipWindow();

        db.stop();

        // The borrowed connection's server is gone: its next statement says so, and it is retired.
        EarnormBackendException lost = catchThrowableOfType(EarnormBackendException.class, () -> borrowed.fetchVal("SELECT 1"));
        assertThat(lost.connectionLost()).isTrue();
        assertThat(borrowed.isStale()).isTrue();
        borrowed.close();

        // Each acquire could wait 30 s; each fails at once instead (the bounded wait would fail otherwise).
        for (int i = 0; i < 5; i++) {
            BackendUnavailableException failure = catchThrowableOfType(BackendUnavailableException.class, () -> within10s(pool::acquire));
            assertThat(failure).hasMessageContaining("postgresql at postgres@127.0.0.1:" + db.port() + "/postgres");
        }
        assertThat(pool.state()).isEqualTo(PoolState.PAUSED);
        assertThat(pool.core().pauseCause()).isInstanceOfSatisfying(PostgresOpenException.class,
                e -> assertThat(e.sqlState()).startsWith("08"));

        db.start();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(pool.state()).isEqualTo(PoolState.READY);
            assertThat(pool.stats().total()).isGreaterThanOrEqualTo(2);
        });
        try (PostgresConnection conn = pool.acquire()) {
            assertThat(conn.fetchVal("SELECT name FROM survivors")).isEqualTo("before");
        }
    }
}
