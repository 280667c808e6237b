package io.earnorm.ra.redis;

import io.earnorm.ra.api.EarnormBackendException;
import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.api.pool.BackendUnavailableException;
import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.testsupport.RedisServerProcess;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.params.ClientKillParams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/** Connections the server dropped are never lent again, and a pool comes back by itself after an outage. */
class RedisRecoveryIT extends RedisFixture {

    /** Past the pool's 500 ms window in which a recently used connection is lent without validation. */
    private static void pastValidationSkipWindow() throws InterruptedException {
        Thread.sleep(700);
    }

    @Test
    void connectionsKilledOnTheServerAreNeverHandedOutAfterValidation() throws Exception {
        RedisPool pool = open(sharedServerPool().minSize(3).maxSize(3));
        List<Long> ids = new ArrayList<>();
        List<RedisConnection> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(pool.acquire());
            ids.add(clientId(held.get(i)));
        }
        held.forEach(RedisConnection::close);
        Set<Long> killed = Set.of(ids.get(0), ids.get(2));
        for (long id : killed) {
            assertThat(admin().clientKill(new ClientKillParams().id(Long.toString(id)))).isEqualTo(1L);
        }
        pastValidationSkipWindow();

        held.clear();
        Set<Long> lent = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            RedisConnection conn = within10s(pool::acquire);
            held.add(conn);
            lent.add(clientId(conn));
            assertThat(conn.execute("PING")).isEqualTo("PONG");
        }
        held.forEach(RedisConnection::close);

        assertThat(lent).hasSize(3).doesNotContainAnyElementsOf(killed).contains(ids.get(1));
        assertThat(pool.stats().validationFailures()).isEqualTo(2);
    }

    @Test
    void duringAnOutageAcquiresFailFastAndAfterItThePoolRefillsByItself() throws Exception {
        RedisServerProcess server = closeLater(RedisServerProcess.launch());
        RedisPool pool = open(RedisPool.builder().uri(server.uri())
                .minSize(2).maxSize(4)
                .acquireTimeout(Duration.ofSeconds(30))
                .validationTimeout(Duration.ofSeconds(1))
                .probeInterval(Duration.ofMillis(200)));
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.stats().total() == 2);
        RedisConnection borrowed = pool.acquire();
        pastValidationSkipWindow();

        server.stop();

        // The borrowed connection's socket is gone: its next command says so, and it is retired.
        EarnormBackendException lost = catchThrowableOfType(() -> borrowed.execute("PING"), EarnormBackendException.class);
        assertThat(lost.connectionLost()).isTrue();
        assertThat(borrowed.isStale()).isTrue();
        borrowed.close();

        // Each acquire could wait 30 s; each fails at once instead (the bounded wait would fail otherwise).
        for (int i = 0; i < 5; i++) {
            BackendUnavailableException failure = catchThrowableOfType(() -> within10s(pool::acquire), BackendUnavailableException.class);
            assertThat(failure).hasMessageContaining("redis at 127.0.0.1:" + server.port());
        }
        assertThat(pool.state()).isEqualTo(PoolState.PAUSED);

        Thread.sleep(1500);
        server.start();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(pool.state()).isEqualTo(PoolState.READY);
            assertThat(pool.stats().total()).isGreaterThanOrEqualTo(2);
        });
        try (RedisConnection conn = pool.acquire()) {
            assertThat(conn.execute("SET", "after-outage", "yes")).isEqualTo("OK");
            assertThat(conn.execute("GET", "after-outage")).isEqualTo("yes");
        }
    }
}
