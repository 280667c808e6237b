package io.earnorm.ra.spi.postgres;

import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.postgres.PostgresSession;
import io.earnorm.ra.spi.EarnormManagedConnection;
import io.earnorm.ra.spi.RecordingConnectionEvents;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.LocalTransactionException;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Local transactions the container demarcates on a managed connection, against a real PostgreSQL. */
class JcaPostgresLocalTransactionIT extends JcaPostgresFixture {

    @Test
    void commitKeepsBothWrites() throws Exception {
        PostgresManagedConnectionFactory mcf = managedFactory();
        String items = table("items", "id int PRIMARY KEY");
        EarnormManagedConnection<PostgresSession> mc = managedConnection(mcf);
        RecordingConnectionEvents events = new RecordingConnectionEvents();
        mc.addConnectionEventListener(events);
        LocalTransaction tx = mc.getLocalTransaction();
        PostgresConnection handle = handle(mc);

        tx.begin();
        writeTwice(handle, items);
        assertThat(adminCount("SELECT count(*) FROM " + items)).as("not visible before the commit").isZero();
        tx.commit();

        assertThat(adminCount("SELECT count(*) FROM " + items)).isEqualTo(2);
        assertThat(handle.jdbc().getAutoCommit()).isTrue();
        assertThat(mc.inTransaction()).isFalse();
        // The container demarcated it: no LOCAL_TRANSACTION_* events, which are for the application's own.
        assertThat(events.ids()).isEmpty();
        handle.close();
        mc.destroy();
    }

    @Test
    void rollbackDropsBothWrites() throws Exception {
        PostgresManagedConnectionFactory mcf = managedFactory();
        String items = table("items", "id int PRIMARY KEY");
        EarnormManagedConnection<PostgresSession> mc = managedConnection(mcf);
        LocalTransaction tx = mc.getLocalTransaction();
        PostgresConnection handle = handle(mc);

        tx.begin();
        writeTwice(handle, items);
        tx.rollback();

        assertThat(adminCount("SELECT count(*) FROM " + items)).isZero();
        assertThat(handle.jdbc().getAutoCommit()).isTrue();
        handle.execute("INSERT INTO " + items + " VALUES (3)");
        assertThat(adminCount("SELECT count(*) FROM " + items)).as("auto-commit is back").isEqualTo(1);
        mc.destroy();
    }

    @Test
    void theContainersTransactionOutlivesACleanupAndOnlyTheContainerEndsIt() throws Exception {
        PostgresManagedConnectionFactory mcf = singleConnectionFactory();
        String items = table("items", "id int PRIMARY KEY");
        EarnormManagedConnection<PostgresSession> mc = managedConnection(mcf);
        LocalTransaction tx = mc.getLocalTransaction();
        PostgresConnection first = handle(mc);
        int pid = backendPid(first);

        tx.begin();
        first.execute("INSERT INTO " + items + " VALUES (1)");
        Connection jdbc = first.jdbc();
        for (ThrowingCall endsIt : new ThrowingCall[] {jdbc::commit, jdbc::rollback, () -> jdbc.setAutoCommit(true)}) {
            assertThatThrownBy(endsIt::call).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("2D000"));
        }
        first.close();
        // A container cleans up between two uses of the connection in one transaction; it must keep the physical connection.
        mc.cleanup();
        assertThat(defaultPoolStats(mcf).active()).isEqualTo(1);
        PostgresConnection second = handle(mc);
        assertThat(backendPid(second)).isEqualTo(pid);
        second.execute("INSERT INTO " + items + " VALUES (2)");
        tx.commit();
        second.close();
        mc.cleanup();

        assertThat(adminCount("SELECT count(*) FROM " + items)).isEqualTo(2);
        assertThat(defaultPoolStats(mcf).active()).isZero();
        assertThat(defaultPoolStats(mcf).available()).isEqualTo(1);
        try (PostgresConnection next = connectionFactory(mcf).getConnection()) {
            assertThat(backendPid(next)).isEqualTo(pid);
            assertThat(next.jdbc().getAutoCommit()).as("the container's auto-commit switch is not left to the next borrower").isTrue();
            // The borrower may demarcate again.
            next.jdbc().setAutoCommit(true);
        }
        mc.destroy();
    }

    @Test
    void aTransactionLeftOpenWhenTheConnectionGoesBackIsRolledBack() throws Exception {
        PostgresManagedConnectionFactory mcf = managedFactory();
        String items = table("items", "id int PRIMARY KEY");
        EarnormManagedConnection<PostgresSession> mc = managedConnection(mcf);
        LocalTransaction tx = mc.getLocalTransaction();
        PostgresConnection handle = handle(mc);
        int pid = backendPid(handle);

        tx.begin();
        writeTwice(handle, items);
        mc.destroy();

        assertThat(adminCount("SELECT count(*) FROM " + items)).isZero();
        try (PostgresConnection next = connectionFactory(mcf).getConnection()) {
            // A connection given back in the middle of a transaction is not trusted to anyone else.
            assertThat(backendPid(next)).isNotEqualTo(pid);
            assertThat(next.jdbc().getAutoCommit()).isTrue();
        }
    }

    @Test
    void aFailedCommitIsALocalTransactionExceptionNamingItAndTheConnectionStaysUsable() throws Exception {
        PostgresManagedConnectionFactory mcf = managedFactory();
        String items = table("items", "id int PRIMARY KEY DEFERRABLE INITIALLY DEFERRED");
        EarnormManagedConnection<PostgresSession> mc = managedConnection(mcf);
        LocalTransaction tx = mc.getLocalTransaction();
        PostgresConnection handle = handle(mc);

        tx.begin();
        handle.execute("INSERT INTO " + items + " VALUES (1), (1)");
        LocalTransactionException failure = catchThrowableOfType(LocalTransactionException.class, tx::commit);

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("local transaction commit failed").contains("not committed").contains("23505");
        assertThat(failure.getErrorCode()).isEqualTo("23505");
        assertThat(failure).hasCauseInstanceOf(SQLException.class);
        assertThat(mc.inTransaction()).isFalse();
        assertThat(adminCount("SELECT count(*) FROM " + items)).isZero();
        assertThat(handle.jdbc().getAutoCommit()).isTrue();
        assertThat(handle.execute("INSERT INTO " + items + " VALUES (2)")).isEqualTo(1L);
        mc.destroy();
    }

    @Test
    void demarcationOutOfOrderIsRefusedNamingTheStep() throws Exception {
        PostgresManagedConnectionFactory mcf = managedFactory();
        EarnormManagedConnection<PostgresSession> mc = managedConnection(mcf);
        LocalTransaction tx = mc.getLocalTransaction();

        assertThatThrownBy(tx::commit).isInstanceOf(LocalTransactionException.class)
                .hasMessageContaining("commit failed: no local transaction was begun");
        assertThatThrownBy(tx::rollback).isInstanceOf(LocalTransactionException.class)
                .hasMessageContaining("rollback failed: no local transaction was begun");
        tx.begin();
        assertThatThrownBy(mc.getLocalTransaction()::begin).isInstanceOf(LocalTransactionException.class)
                .hasMessageContaining("begin failed: the connection is already in a JCA local transaction");
        tx.rollback();
        mc.destroy();
        assertThatThrownBy(mc::getLocalTransaction).isInstanceOf(jakarta.resource.spi.IllegalStateException.class);
    }

    private static void writeTwice(PostgresConnection handle, String table) throws SQLException {
        handle.execute("INSERT INTO " + table + " VALUES (?)", 1);
        try (PreparedStatement s = handle.jdbc().prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
            s.setInt(1, 2);
            s.executeUpdate();
        }
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void call() throws Exception;
    }
}
