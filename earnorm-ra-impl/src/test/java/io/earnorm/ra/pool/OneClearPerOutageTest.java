package io.earnorm.ra.pool;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An outage is reported once: every connection and open of the generation it ends may fail, and
 * only the first failure clears the pool; the rest belong to a generation already retired.
 */
class OneClearPerOutageTest extends PoolFixture {

    @Test
    void connectionsOfOneGenerationThatFailTogetherClearThePoolOnce() {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(3).probeInterval(Duration.ofHours(1)));
        List<PooledConnection<FakeConnection>> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(pool.acquire());
        }

        for (PooledConnection<FakeConnection> c : held) {
            c.markBroken(new FakeBackend.ServerDown("connection reset"));
        }
        held.forEach(PooledConnection::close);

        assertThat(events.count("poolCleared")).isEqualTo(1);
        assertThat(events.log).filteredOn(line -> line.startsWith("poolCleared")).containsExactly("poolCleared 0");
    }

    @Test
    void anOpenThatFailsInTheOutageItsGenerationWasClearedForDoesNotClearAgain() {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(2).probeInterval(Duration.ofHours(1)));
        PooledConnection<FakeConnection> held = pool.acquire();
        backend.openGate = new Semaphore(0);
        CompletableFuture<PooledConnection<FakeConnection>> waiter = pool.acquireAsync().toCompletableFuture();
        eventually(() -> assertThat(backend.openingNow).hasValue(1));
        backend.failAllOpens = new FakeBackend.ServerDown("connection refused");

        held.markBroken(new FakeBackend.ServerDown("connection reset"));
        held.close();
        backend.openGate.release();

        eventually(() -> assertThat(events.count("connectionClosed")).isEqualTo(2));
        assertThat(waiter).isCompletedExceptionally();
        // The open's failure is reported just after its close event; give a second clear time to show.
        await().during(Duration.ofMillis(300)).atMost(PATIENCE)
                .untilAsserted(() -> assertThat(events.count("poolCleared")).isEqualTo(1));
        assertThat(events.log).filteredOn(line -> line.startsWith("poolCleared")).containsExactly("poolCleared 0");
    }
}
