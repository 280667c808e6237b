package io.earnorm.ra.spi.postgres;

import io.earnorm.ra.api.EarnormBackendException;
import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.api.PostgresConnectionFactory;
import io.earnorm.ra.api.pool.ConnectionClosedException;
import io.earnorm.ra.postgres.PostgresSession;
import io.earnorm.ra.spi.Credential;
import io.earnorm.ra.spi.EarnormConnectionRequestInfo;
import io.earnorm.ra.spi.EarnormManagedConnection;
import io.earnorm.ra.spi.RecordingConnectionEvents;
import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The SPI contract of the PostgreSQL connection definition, without a server, against a real PostgreSQL. */
class JcaPostgresConnectionIT extends JcaPostgresFixture {

    @Test
    void aFactoryConfiguredInPlainJavaHandsOutWorkingConnectionsAndClosingOneReturnsItToThePoolCore() throws Exception {
        PostgresManagedConnectionFactory mcf = singleConnectionFactory();
        String items = table("items", "id int PRIMARY KEY, name text");
        PostgresConnectionFactory factory = connectionFactory(mcf);

        try (PostgresConnection c = factory.getConnection()) {
            assertThat(c.execute("INSERT INTO " + items + " (id, name) VALUES (?, ?), (?, ?)", 1, "one", 2, "two")).isEqualTo(2L);
            assertThat(c.fetch("SELECT id, name FROM " + items + " ORDER BY id"))
                    .containsExactly(Map.of("id", 1, "name", "one"), Map.of("id", 2, "name", "two"));
            assertThat(c.fetchOne("SELECT name FROM " + items + " WHERE id = ?", 2)).isEqualTo(Map.of("name", "two"));
            try (PreparedStatement s = c.jdbc().prepareStatement("SELECT count(*) FROM " + items); ResultSet r = s.executeQuery()) {
                r.next();
                assertThat(r.getLong(1)).isEqualTo(2);
            }
            assertThat(c.ping()).isTrue();
            assertThat(defaultPoolStats(mcf).active()).isEqualTo(1);
        }

        assertThat(defaultPoolStats(mcf).active()).isZero();
        assertThat(defaultPoolStats(mcf).available()).isEqualTo(1);
        assertThat(adminCount("SELECT count(*) FROM " + items)).isEqualTo(2);
        assertThat(factory).isInstanceOf(PostgresConnectionFactoryImpl.class);
        assertThat(mcf.getTransactionSupport()).isEqualTo(TransactionSupportLevel.LocalTransaction);
    }

    @Test
    void closingAHandleSendsConnectionClosedWithThatHandle() throws Exception {
        PostgresManagedConnectionFactory mcf = managedFactory();
        EarnormManagedConnection<PostgresSession> mc = managedConnection(mcf);
        RecordingConnectionEvents events = new RecordingConnectionEvents();
        mc.addConnectionEventListener(events);
        PostgresConnection handle = handle(mc);
        assertThat(handle.fetchVal("SELECT 1")).isEqualTo(1);

        handle.close();

        assertThat(events.ids()).containsExactly(ConnectionEvent.CONNECTION_CLOSED);
        assertThat(events.events.get(0).getConnectionHandle()).isSameAs(handle);
        assertThat(events.events.get(0).getSource()).isSameAs(mc);
        mc.destroy();
        assertThat(defaultPoolStats(mcf).active()).isZero();
    }

    @Test
    void closingTheJdbcConnectionOfAHandleClosesTheHandle() throws Exception {
        PostgresManagedConnectionFactory mcf = managedFactory();
        EarnormManagedConnection<PostgresSession> mc = managedConnection(mcf);
        RecordingConnectionEvents events = new RecordingConnectionEvents();
        mc.addConnectionEventListener(events);
        PostgresConnection handle = handle(mc);

        handle.jdbc().close();

        assertThat(events.ids()).containsExactly(ConnectionEvent.CONNECTION_CLOSED);
        assertThat(handle.isClosed()).isTrue();
        mc.destroy();
    }

    @Test
    void aTerminatedBackendRaisesConnectionErrorOccurredAndThatPhysicalConnectionNeverComesBack() throws Exception {
        PostgresManagedConnectionFactory mcf = singleConnectionFactory();
        EarnormManagedConnection<PostgresSession> mc = managedConnection(mcf);
        RecordingConnectionEvents events = new RecordingConnectionEvents();
        mc.addConnectionEventListener(events);
        PostgresConnection handle = handle(mc);
        int pid = backendPid(handle);

        terminateBackend(pid);

        assertThatThrownBy(() -> handle.fetchVal("SELECT 1"))
                .isInstanceOfSatisfying(EarnormBackendException.class, e -> assertThat(e.connectionLost()).isTrue());
        assertThat(events.ids()).containsExactly(ConnectionEvent.CONNECTION_ERROR_OCCURRED);
        assertThat(events.events.get(0).getException()).isInstanceOf(SQLException.class);
        assertThat(events.events.get(0).getConnectionHandle()).isSameAs(handle);
        // What a container does on CONNECTION_ERROR_OCCURRED.
        mc.destroy();

        await().untilAsserted(() -> assertThat(defaultPoolStats(mcf).total()).isZero());
        PostgresConnectionFactory factory = connectionFactory(mcf);
        for (int i = 0; i < 3; i++) {
            try (PostgresConnection next = factory.getConnection()) {
                assertThat(backendPid(next)).isNotEqualTo(pid);
            }
        }
    }

    @Test
    void throughTheAdaptersOwnConnectionManagerABrokenConnectionIsRetiredWhenItsHandleCloses() throws Exception {
        PostgresManagedConnectionFactory mcf = singleConnectionFactory();
        PostgresConnectionFactory factory = connectionFactory(mcf);
        PostgresConnection c = factory.getConnection();
        int pid = backendPid(c);

        terminateBackend(pid);
        assertThatThrownBy(() -> c.execute("SELECT 1")).isInstanceOf(EarnormBackendException.class);
        c.close();

        await().untilAsserted(() -> assertThat(defaultPoolStats(mcf).total()).isZero());
        try (PostgresConnection next = factory.getConnection()) {
            assertThat(backendPid(next)).isNotEqualTo(pid);
        }
    }

    @Test
    void aClosedHandleRefusesEveryCall() throws Exception {
        PostgresManagedConnectionFactory mcf = managedFactory();
        PostgresConnection c = connectionFactory(mcf).getConnection();
        Connection jdbc = c.jdbc();
        c.close();

        assertThat(c.isClosed()).isTrue();
        assertThatThrownBy(() -> c.execute("SELECT 1")).isInstanceOf(ConnectionClosedException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> c.fetch("SELECT 1")).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(() -> c.fetchOne("SELECT 1")).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(() -> c.fetchVal("SELECT 1")).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(c::jdbc).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(c::ping).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(c::close).isInstanceOf(ConnectionClosedException.class);
        // The JDBC connection taken before: closed, as JDBC says, and refusing work.
        assertThat(jdbc.isClosed()).isTrue();
        assertThatThrownBy(jdbc::createStatement).isInstanceOf(ConnectionClosedException.class);
    }

    @Test
    void cleanupInvalidatesHandlesResetsTheSessionAndGivesThePhysicalConnectionBackToThePoolCore() throws Exception {
        PostgresManagedConnectionFactory mcf = singleConnectionFactory();
        String items = table("items", "id int");
        EarnormManagedConnection<PostgresSession> mc = managedConnection(mcf);
        PostgresConnection first = handle(mc);
        PostgresConnection second = handle(mc);
        int pid = backendPid(first);
        Connection jdbc = second.jdbc();
        jdbc.setAutoCommit(false);
        second.execute("INSERT INTO " + items + " VALUES (1)");
        PreparedStatement leftOpen = jdbc.prepareStatement("SELECT 1");

        mc.cleanup();

        assertThatThrownBy(() -> first.execute("SELECT 1")).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(() -> second.fetch("SELECT 1")).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(second::jdbc).isInstanceOf(ConnectionClosedException.class);
        assertThat(leftOpen.isClosed()).isTrue();
        assertThat(defaultPoolStats(mcf).active()).isZero();
        assertThat(defaultPoolStats(mcf).available()).isEqualTo(1);
        // The uncommitted insert was rolled back and auto-commit put back.
        assertThat(adminCount("SELECT count(*) FROM " + items)).isZero();

        PostgresConnection third = handle(mc);
        assertThat(backendPid(third)).isEqualTo(pid);
        assertThat(third.jdbc().getAutoCommit()).isTrue();
        assertThat(defaultPoolStats(mcf).active()).isEqualTo(1);
        mc.destroy();
        assertThat(defaultPoolStats(mcf).active()).isZero();
    }

    @Test
    void matchingAndValidationTellTheConnectionsWhoseBackendWasTerminated() throws Exception {
        PostgresManagedConnectionFactory mcf = managedFactory();
        EarnormManagedConnection<PostgresSession> healthy = managedConnection(mcf);
        EarnormManagedConnection<PostgresSession> doomed = managedConnection(mcf);
        int doomedPid;
        try (PostgresConnection h = handle(doomed)) {
            doomedPid = backendPid(h);
        }

        assertThat(invalidAmong(mcf, healthy, doomed)).isEmpty();
        terminateBackend(doomedPid);

        assertThat(invalidAmong(mcf, healthy, doomed)).containsExactly(doomed);
        assertThat(mcf.matchManagedConnections(Set.of(doomed), null, null)).isNull();
        assertThat(mcf.matchManagedConnections(Set.of(healthy), null, null)).isSameAs(healthy);
        assertThat(mcf.matchManagedConnections(Set.of(healthy), null,
                new EarnormConnectionRequestInfo(new Credential("someone_else", "x")))).isNull();

        doomed.destroy();
        healthy.destroy();
        Set<Integer> pids = new HashSet<>();
        PostgresConnectionFactory factory = connectionFactory(mcf);
        List<PostgresConnection> held = List.of(factory.getConnection(), factory.getConnection());
        held.forEach(c -> pids.add(backendPid(c)));
        held.forEach(PostgresConnection::close);
        assertThat(pids).doesNotContain(doomedPid);
    }

    @SuppressWarnings("unchecked")
    private static Set<Object> invalidAmong(PostgresManagedConnectionFactory mcf, Object... candidates) throws Exception {
        return mcf.getInvalidConnections(Set.of(candidates));
    }

    @Test
    void aPlainConnectionDefinitionRefusesXa() throws Exception {
        PostgresManagedConnectionFactory mcf = managedFactory();
        EarnormManagedConnection<PostgresSession> mc = managedConnection(mcf);

        assertThatThrownBy(mc::getXAResource).isInstanceOf(NotSupportedException.class).hasMessageContaining("xa=true");
        mc.destroy();
    }
}
