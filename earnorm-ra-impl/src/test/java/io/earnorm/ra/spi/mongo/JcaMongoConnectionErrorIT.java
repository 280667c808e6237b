package io.earnorm.ra.spi.mongo;

import io.earnorm.ra.api.EarnormBackendException;
import io.earnorm.ra.api.MongoConnection;
import io.earnorm.ra.api.MongoConnectionFactory;
import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.mongo.MongoSlot;
import io.earnorm.ra.pool.ConnectionPool;
import io.earnorm.ra.spi.Credential;
import io.earnorm.ra.spi.EarnormManagedConnection;
import io.earnorm.ra.spi.RecordingConnectionEvents;
import io.earnorm.ra.testsupport.FaultProxy;
import io.earnorm.ra.testsupport.MongoTestServer;
import jakarta.resource.spi.ConnectionEvent;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * A MongoDB connection that fails under a borrower raises {@code CONNECTION_ERROR_OCCURRED}, and
 * its slot is never lent again. Each test runs an in-process server of its own, to disturb it.
 */
class JcaMongoConnectionErrorIT extends JcaMongoFixture {

    private final MongoTestServer server = closeLater(MongoTestServer.launch());

    @Test
    void aConnectionResetUnderABorrowerRaisesConnectionErrorOccurredAndOnlyThatSlotIsRetired() throws Exception {
        FaultProxy proxy = closeLater(FaultProxy.start("127.0.0.1", server.port()));
        // No retries: a retried read would hide the reset from the borrower.
        MongoManagedConnectionFactory mcf = definition("mongodb://127.0.0.1:" + proxy.port() + "/?retryReads=false&retryWrites=false");
        mcf.setMinSize(2);
        mcf.setMaxSize(2);
        ConnectionPool<MongoSlot> pool = mcf.poolFor(new Credential(null, null));
        pool.init();
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.stats().total() == 2);
        EarnormManagedConnection<MongoSlot> mc = managed(mcf, null, null);
        RecordingConnectionEvents events = new RecordingConnectionEvents();
        mc.addConnectionEventListener(events);
        MongoConnection handle = (MongoConnection) mc.getConnection(null, null);
        handle.execute("insert_one", "items", new Document("i", 1));
        MongoSlot broken = mc.physical();

        proxy.resetConnections();
        EarnormBackendException lost = catchThrowableOfType(() -> within10s(() -> handle.execute("count_documents", "items")),
                EarnormBackendException.class);

        assertThat(lost.connectionLost()).isTrue();
        assertThat(events.ids()).containsExactly(ConnectionEvent.CONNECTION_ERROR_OCCURRED);
        assertThat(events.events.get(0).getConnectionHandle()).isSameAs(handle);
        assertThat(events.events.get(0).getException()).isSameAs(lost.getCause());
        assertThat(handle.isStale()).isTrue();

        mc.destroy();

        MongoConnectionFactory factory = (MongoConnectionFactory) mcf.createConnectionFactory();
        List<MongoConnection> lent = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            lent.add(within10s(() -> {
                try {
                    return factory.getConnection();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        assertThat(lent).extracting(JcaMongoFixture::slotOf).doesNotContain(broken).doesNotHaveDuplicates();
        for (MongoConnection conn : lent) {
            assertThat(conn.execute("count_documents", "items")).isEqualTo(1L);
            conn.close();
        }
        // The pool core closes a retired slot in the background.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pool.stats().closed()).isEqualTo(1));
        assertThat(pool.state()).isEqualTo(PoolState.READY);
    }

    @Test
    void aServerStoppedUnderABorrowerRaisesConnectionErrorOccurredAndAfterItComesBackTheSlotIsNotReused() throws Exception {
        MongoManagedConnectionFactory mcf = definition(server.uri() + "/?retryReads=false&retryWrites=false");
        mcf.setValidationTimeout("1s");
        mcf.setProbeInterval("200ms");
        EarnormManagedConnection<MongoSlot> mc = managed(mcf, null, null);
        RecordingConnectionEvents events = new RecordingConnectionEvents();
        mc.addConnectionEventListener(events);
        MongoConnection handle = (MongoConnection) mc.getConnection(null, null);
        handle.execute("insert_one", "items", new Document("i", 1));
        MongoSlot broken = mc.physical();
        ConnectionPool<MongoSlot> pool = mcf.poolFor(new Credential(null, null));

        server.stop();
        EarnormBackendException lost = catchThrowableOfType(() -> within10s(() -> handle.execute("count_documents", "items")),
                EarnormBackendException.class);

        assertThat(lost.connectionLost()).isTrue();
        assertThat(events.ids()).containsExactly(ConnectionEvent.CONNECTION_ERROR_OCCURRED);
        mc.destroy();

        server.start();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(pool.state()).isEqualTo(PoolState.READY));
        try (MongoConnection next = ((MongoConnectionFactory) mcf.createConnectionFactory()).getConnection()) {
            assertThat(slotOf(next)).isNotSameAs(broken);
            // A new, empty server: the in-process one keeps its data in memory.
            assertThat(next.execute("count_documents", "items")).isEqualTo(0L);
        }
    }
}
