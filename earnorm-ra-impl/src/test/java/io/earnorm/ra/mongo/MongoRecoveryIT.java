package io.earnorm.ra.mongo;

import io.earnorm.ra.api.EarnormBackendException;
import io.earnorm.ra.api.MongoConnection;
import io.earnorm.ra.api.pool.BackendUnavailableException;
import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.testsupport.FaultProxy;
import io.earnorm.ra.testsupport.MongoTestServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Connections the server dropped are never lent again, and a pool comes back by itself after an
 * outage. Each test runs its own in-process server, so that it can stop it.
 */
class MongoRecoveryIT extends MongoFixture {

    private final MongoTestServer server = closeLater(MongoTestServer.launch());

    @Test
    void afterTheServerDroppedItsConnectionsEveryLentConnectionWorks() throws Exception {
        FaultProxy proxy = closeLater(FaultProxy.start("127.0.0.1", server.port()));
        MongoPool pool = open(MongoPool.builder().uri("mongodb://127.0.0.1:" + proxy.port()).database(database)
                .minSize(3).maxSize(3).validationTimeout(Duration.ofSeconds(2)).acquireTimeout(Duration.ofSeconds(8)));
        List<MongoConnection> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(pool.acquire());
            held.get(i).execute("insert_one", "items", new Document("i", i));
        }
        held.forEach(MongoConnection::close);

        // Every socket the driver holds is reset, as when the server drops its clients.
        proxy.resetConnections();
        pastValidationSkipWindow();

        held.clear();
        for (int i = 0; i < 3; i++) {
            MongoConnection conn = within10s(pool::acquire);
            held.add(conn);
            assertThat(conn.execute("count_documents", "items")).isEqualTo(3L);
        }
        held.forEach(MongoConnection::close);
        assertThat(pool.stats().validationFailures()).isGreaterThanOrEqualTo(1);
        assertThat(pool.state()).isEqualTo(PoolState.READY);
    }

    @Test
    void duringAnOutageNothingIsLentAcquiresFailFastAndAfterItThePoolRefillsByItself() throws Exception {
        MongoPool pool = open(MongoPool.builder().uri(server.uri()).database(database)
                .minSize(2).maxSize(4)
                .acquireTimeout(Duration.ofSeconds(30))
                .validationTimeout(Duration.ofSeconds(1))
                .probeInterval(Duration.ofMillis(200)));
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.stats().total() == 2);
        MongoConnection borrowed = pool.acquire();
        borrowed.execute("insert_one", "items", new Document("before", "outage"));
        pastValidationSkipWindow();

        server.stop();

        // The borrower's next operation finds the server gone: a lost connection, retired.
        EarnormBackendException lost = catchThrowableOfType(() -> within10s(() -> borrowed.execute("count_documents", "items")),
                EarnormBackendException.class);
        assertThat(lost.connectionLost()).isTrue();
        assertThat(borrowed.isStale()).isTrue();
        borrowed.close();

        // Each acquire could wait 30 s; none is handed a connection, and each fails within the bounded wait.
        for (int i = 0; i < 5; i++) {
            BackendUnavailableException failure = catchThrowableOfType(() -> within10s(pool::acquire), BackendUnavailableException.class);
            assertThat(failure).hasMessageContaining("mongodb at 127.0.0.1:" + server.port() + "/" + database);
        }
        assertThat(pool.state()).isEqualTo(PoolState.PAUSED);
        assertThat(pool.stats().active()).isZero();

        Thread.sleep(1000);
        server.start();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(pool.state()).isEqualTo(PoolState.READY);
            assertThat(pool.stats().total()).isGreaterThanOrEqualTo(2);
        });
        try (MongoConnection conn = pool.acquire()) {
            // A new, empty server: the in-process one keeps its data in memory.
            conn.execute("insert_one", "items", new Document("after", "outage"));
            assertThat(conn.execute("find_one", "items", new Document("after", "outage"))).isNotNull();
            assertThat(conn.execute("count_documents", "items")).isEqualTo(1L);
        }
    }

    @Test
    void aTypedCallThatFindsTheServerGonePausesThePool() throws Exception {
        MongoPool pool = open(MongoPool.builder().uri(server.uri() + "/?retryReads=false").database(database)
                .maxSize(2).validationTimeout(Duration.ofSeconds(1)).probeInterval(Duration.ofMillis(200)));
        MongoConnection conn = pool.acquire();
        var items = conn.collection("items");
        items.insertOne(new Document("i", 1));

        server.stop();

        // The first call may see the socket drop, a later one finds no server to select.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(catchThrowableOfType(() -> within10s(items::countDocuments), RuntimeException.class)).isNotNull();
            assertThat(pool.state()).isEqualTo(PoolState.PAUSED);
        });
        assertThat(conn.isStale()).isTrue();
        conn.close();

        server.start();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(pool.state()).isEqualTo(PoolState.READY));
        try (MongoConnection again = pool.acquire()) {
            assertThat(again.collection("items").countDocuments()).isZero();
        }
    }
}
