package io.earnorm.ra.postgres;

import io.earnorm.ra.api.EarnormBackendException;
import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.api.pool.AcquireTimeoutException;
import io.earnorm.ra.api.pool.BackendUnavailableException;
import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.testsupport.FaultProxy;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/** Network faults between the pool and the server, through a TCP proxy: latency, a black hole, resets. */
class PostgresNetworkFaultIT extends PostgresFixture {

    private final PostgresUrl server = PostgresUrl.parse(serverUrl());
    private final FaultProxy proxy;

    PostgresNetworkFaultIT() {
        String[] hostPort = server.hosts().get(0).split(":");
        proxy = closeLater(FaultProxy.start(hostPort[0], Integer.parseInt(hostPort[1])));
    }

    /** A pool on the shared server through the proxy, with the server's URL parameters (user, password). */
    private PostgresPool.Builder throughProxy() {
        String query = serverUrl().contains("?") ? serverUrl().substring(serverUrl().indexOf('?')) : "";
        return PostgresPool.builder().url("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + server.database() + query)
                .acquireTimeout(Duration.ofSeconds(5)).maxSize(3);
    }

    @Test
    void slowRepliesStillWork() throws Exception {
        PostgresPool pool = open(throughProxy().maxSize(1));
        proxy.latency(Duration.ofMillis(20));
        try (PostgresConnection conn = pool.acquire()) {
            assertThat(conn.fetchVal("SELECT ?::text", "slow")).isEqualTo("slow");
            assertThat(conn.execute("SELECT generate_series(1, 3)")).isEqualTo(3L);
            assertThat(within10s(conn::ping)).isTrue();
        }
    }

    @Test
    void validationKeepsASubSecondBoundThoughIsValidCountsWholeSeconds() throws Exception {
        PostgresPool patient = open(throughProxy().name("patient").maxSize(1).validationTimeout(Duration.ofSeconds(1)));
        PostgresPool strict = open(throughProxy().name("strict").maxSize(1).validationTimeout(Duration.ofMillis(400)));
        PostgresConnection slowButValid = patient.acquire();
        PostgresConnection tooSlow = strict.acquire();
        int pid = backendPid(tooSlow);

        proxy.latency(Duration.ofMillis(250));

        // A round trip now takes at least 500 ms, but less than a second, so isValid(1) on its own would pass...
        assertThat(within10s(slowButValid::ping)).isTrue();
        // ...but not within 400 ms, the other pool's bound, which validation keeps.
        assertThat(within10s(tooSlow::ping)).isFalse();
        assertThat(tooSlow.jdbc().isClosed()).isTrue();

        proxy.pass();
        slowButValid.close();
        tooSlow.close();
        try (PostgresConnection conn = strict.acquire()) {
            assertThat(backendPid(conn)).isNotEqualTo(pid);
        }
        assertThat(strict.stats().closed()).isEqualTo(1);
    }

    @Test
    void underABlackHoleValidationStatementsAndAcquireReturnWithinTheirBounds() throws Exception {
        PostgresPool pool = open(throughProxy().minSize(1).maxSize(3)
                .validationTimeout(Duration.ofMillis(500)).acquireTimeout(Duration.ofSeconds(3))
                .socketTimeout(Duration.ofSeconds(1))
                .probeInterval(Duration.ofMillis(200)));
        PostgresConnection pinged = pool.acquire();
        PostgresConnection queried = pool.acquire();
        pool.acquire().close();
        pastValidationSkipWindow();

        proxy.blackHole();

        assertThat(within10s(pinged::ping)).isFalse();
        // socketTimeout bounds a statement; without it a statement would wait for the server as long as it takes.
        EarnormBackendException lost = catchThrowableOfType(EarnormBackendException.class, () -> within10s(() -> queried.fetchVal("SELECT 1")));
        assertThat(lost.connectionLost()).isTrue();
        assertThat(queried.isStale()).isTrue();
        // The idle connection fails validation in time; a new one cannot finish its handshake within the
        // connect timeout (derived: half the acquire timeout), which pauses the pool.
        Throwable acquireFailure = catchThrowable(() -> within10s(pool::acquire));
        assertThat(acquireFailure).isInstanceOfAny(BackendUnavailableException.class, AcquireTimeoutException.class);
        assertThat(acquireFailure).hasMessageContaining("postgresql");
        pinged.close();
        queried.close();

        proxy.pass();

        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
            try (PostgresConnection conn = pool.acquire()) {
                assertThat(conn.fetchVal("SELECT 1")).isEqualTo(1);
            }
        });
    }

    @Test
    void underABlackHoleOpeningFailsWithinTheConnectTimeoutAndPausesThePool() throws Exception {
        PostgresPool pool = closeLater(throughProxy().acquireTimeout(Duration.ofSeconds(30))
                .connectTimeout(Duration.ofMillis(800)).probeInterval(Duration.ofMillis(200)).build());
        proxy.blackHole();

        // The acquire could wait 30 s; the open gives up after 0.8 s and the pool pauses, failing it.
        BackendUnavailableException failure = catchThrowableOfType(BackendUnavailableException.class, () -> within10s(pool::acquire));

        assertThat(failure).hasMessageContaining("postgresql at ").hasMessageContaining("127.0.0.1:" + proxy.port());
        assertThat(failure.getCause()).isInstanceOfSatisfying(PostgresOpenException.class, e -> {
            assertThat(e.serverUnavailable()).isTrue();
            assertThat(e).hasMessageContaining("connectTimeout=800ms");
        });
        assertThat(pool.state()).isEqualTo(PoolState.PAUSED);

        proxy.pass();

        await().atMost(Duration.ofSeconds(15)).until(() -> pool.state() == PoolState.READY);
        try (PostgresConnection conn = pool.acquire()) {
            assertThat(conn.fetchVal("SELECT 1")).isEqualTo(1);
        }
    }

    @Test
    void aResetConnectionIsLostRetiredAndReplaced() {
        PostgresPool pool = open(throughProxy().maxSize(2));
        PostgresConnection conn = pool.acquire();
        int pid = backendPid(conn);

        proxy.resetConnections();

        EarnormBackendException lost = catchThrowableOfType(EarnormBackendException.class, () -> conn.execute("SELECT ?::int", 1));
        assertThat(lost.connectionLost()).isTrue();
        assertThat(lost.operation()).isEqualTo("SELECT ?::int");
        assertThat(conn.isStale()).isTrue();
        conn.close();
        // One lost connection is not an outage: the pool stays ready.
        assertThat(pool.state()).isEqualTo(PoolState.READY);
        try (PostgresConnection next = pool.acquire()) {
            assertThat(backendPid(next)).isNotEqualTo(pid);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pool.stats().closed()).isEqualTo(1));
    }

    @Test
    void aResetSeenThroughJdbcRetiresTheConnection() throws Exception {
        PostgresPool pool = open(throughProxy().maxSize(1));
        int pid;
        try (PostgresConnection conn = pool.acquire()) {
            pid = backendPid(conn);
            Connection jdbc = conn.jdbc();

            proxy.resetConnections();

            Throwable failure = catchThrowable(() -> jdbc.createStatement().execute("SELECT 1"));
            assertThat(failure).isInstanceOf(java.sql.SQLException.class);
            assertThat(conn.isStale()).isTrue();
        }
        try (PostgresConnection conn = pool.acquire()) {
            assertThat(backendPid(conn)).isNotEqualTo(pid);
        }
    }
}
