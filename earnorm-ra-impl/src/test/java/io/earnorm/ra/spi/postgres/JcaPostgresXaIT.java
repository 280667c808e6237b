package io.earnorm.ra.spi.postgres;

import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.postgres.PostgresSession;
import io.earnorm.ra.spi.EarnormManagedConnection;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.LocalTransactionException;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * XA transactions through the managed connections of an {@code xa=true} connection definition,
 * driven here as a transaction manager would, against a real PostgreSQL with prepared transactions
 * enabled. Branches this class leaves prepared (a failing test) are rolled back after each test.
 */
class JcaPostgresXaIT extends JcaPostgresFixture {

    /** The format id of this class's Xids ("JCAP"), so that only its own prepared transactions are touched. */
    private static final int FORMAT_ID = 0x4A434150;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void twoPhaseCommitKeepsTheBranchsWritesAndTheConnectionUntilTheSecondPhase() throws Exception {
        PostgresManagedConnectionFactory mcf = xaFactory();
        mcf.setMaxSize(1);
        String items = table("items", "id int PRIMARY KEY");
        EarnormManagedConnection<PostgresSession> mc = managedConnection(mcf);
        XAResource xa = mc.getXAResource();
        PostgresConnection handle = handle(mc);
        int pid = backendPid(handle);
        Xid xid = xid("commit");

        xa.start(xid, XAResource.TMNOFLAGS);
        writeTwice(handle, items);
        xa.end(xid, XAResource.TMSUCCESS);
        // The container closes the handle and cleans up before the transaction completes.
        handle.close();
        mc.cleanup();
        assertThat(defaultPoolStats(mcf).active()).as("the branch keeps its connection").isEqualTo(1);
        assertThat(xa.prepare(xid)).isEqualTo(XAResource.XA_OK);
        assertThat(preparedGids()).containsExactly(gid(xid));
        assertThat(adminCount("SELECT count(*) FROM " + items)).as("prepared, not committed").isZero();
        xa.commit(xid, false);

        assertThat(adminCount("SELECT count(*) FROM " + items)).isEqualTo(2);
        assertThat(preparedGids()).isEmpty();
        assertThat(mc.inTransaction()).isFalse();
        mc.cleanup();
        assertThat(defaultPoolStats(mcf).active()).isZero();
        try (PostgresConnection next = connectionFactory(mcf).getConnection()) {
            assertThat(backendPid(next)).isEqualTo(pid);
            assertThat(next.jdbc().getAutoCommit()).isTrue();
        }
        mc.destroy();
    }

    @Test
    void twoPhaseRollbackDropsTheBranchsWrites() throws Exception {
        PostgresManagedConnectionFactory mcf = xaFactory();
        String items = table("items", "id int PRIMARY KEY");
        EarnormManagedConnection<PostgresSession> mc = managedConnection(mcf);
        XAResource xa = mc.getXAResource();
        PostgresConnection handle = handle(mc);
        Xid xid = xid("rollback");

        xa.start(xid, XAResource.TMNOFLAGS);
        writeTwice(handle, items);
        xa.end(xid, XAResource.TMSUCCESS);
        assertThat(xa.prepare(xid)).isEqualTo(XAResource.XA_OK);
        assertThat(preparedGids()).containsExactly(gid(xid));
        xa.rollback(xid);

        assertThat(adminCount("SELECT count(*) FROM " + items)).isZero();
        assertThat(preparedGids()).isEmpty();
        assertThat(mc.inTransaction()).isFalse();
        assertThat(handle.execute("INSERT INTO " + items + " VALUES (3)")).isEqualTo(1L);
        assertThat(adminCount("SELECT count(*) FROM " + items)).as("outside a branch: auto-commit").isEqualTo(1);
        mc.destroy();
    }

    @Test
    void onePhaseCommitKeepsTheWritesWithoutPreparing() throws Exception {
        PostgresManagedConnectionFactory mcf = xaFactory();
        String items = table("items", "id int PRIMARY KEY");
        EarnormManagedConnection<PostgresSession> mc = managedConnection(mcf);
        XAResource xa = mc.getXAResource();
        PostgresConnection handle = handle(mc);
        Xid xid = xid("one-phase");

        xa.start(xid, XAResource.TMNOFLAGS);
        writeTwice(handle, items);
        xa.end(xid, XAResource.TMSUCCESS);
        assertThat(adminCount("SELECT count(*) FROM " + items)).isZero();
        xa.commit(xid, true);

        assertThat(adminCount("SELECT count(*) FROM " + items)).isEqualTo(2);
        assertThat(preparedGids()).isEmpty();
        assertThat(mc.inTransaction()).isFalse();
        mc.destroy();
    }

    @Test
    void aBranchPreparedByACrashedRunIsRecoveredAndCommittedExactlyOnce() throws Exception {
        String items = table("items", "id int PRIMARY KEY");
        Xid xid = xid("crash");

        // The run that crashes after prepare: its managed connection and its whole factory go away without a commit.
        PostgresManagedConnectionFactory crashed = xaFactory();
        EarnormManagedConnection<PostgresSession> doomed = managedConnection(crashed);
        XAResource doomedXa = doomed.getXAResource();
        PostgresConnection handle = handle(doomed);
        doomedXa.start(xid, XAResource.TMNOFLAGS);
        handle.execute("INSERT INTO " + items + " VALUES (42)");
        doomedXa.end(xid, XAResource.TMSUCCESS);
        assertThat(doomedXa.prepare(xid)).isEqualTo(XAResource.XA_OK);
        doomed.destroy();
        crashed.close();
        assertThat(adminCount("SELECT count(*) FROM " + items)).isZero();

        // The recovery run, from a new factory, as a transaction manager after a restart.
        PostgresManagedConnectionFactory recovering = xaFactory();
        EarnormManagedConnection<PostgresSession> mc = managedConnection(recovering);
        XAResource xa = mc.getXAResource();
        List<Xid> inDoubt = ours(xa.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN));
        assertThat(inDoubt).singleElement().satisfies(found -> assertThat(sameXid(found, xid)).isTrue());
        xa.commit(inDoubt.get(0), false);

        assertThat(adminCount("SELECT count(*) FROM " + items + " WHERE id = 42")).isEqualTo(1);
        assertThat(ours(xa.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN))).isEmpty();
        assertThatThrownBy(() -> xa.commit(inDoubt.get(0), false))
                .isInstanceOfSatisfying(XAException.class, e -> assertThat(e.errorCode).isEqualTo(XAException.XAER_NOTA));
        assertThat(adminCount("SELECT count(*) FROM " + items)).as("nothing committed twice").isEqualTo(1);
        assertThat(mc.inTransaction()).as("recovery completes other branches, not one of this connection").isFalse();
        mc.destroy();
    }

    @Test
    void destroyingAManagedConnectionInTheMiddleOfABranchRollsItBackAndRetiresTheConnection() throws Exception {
        PostgresManagedConnectionFactory mcf = xaFactory();
        String items = table("items", "id int PRIMARY KEY");
        EarnormManagedConnection<PostgresSession> mc = managedConnection(mcf);
        XAResource xa = mc.getXAResource();
        PostgresConnection handle = handle(mc);
        int pid = backendPid(handle);
        Xid xid = xid("destroyed");

        xa.start(xid, XAResource.TMNOFLAGS);
        writeTwice(handle, items);
        xa.end(xid, XAResource.TMSUCCESS);
        mc.destroy();

        assertThat(adminCount("SELECT count(*) FROM " + items)).isZero();
        assertThat(preparedGids()).isEmpty();
        try (PostgresConnection next = connectionFactory(mcf).getConnection()) {
            assertThat(backendPid(next)).isNotEqualTo(pid);
        }
    }

    @Test
    void aConnectionInABranchCannotDoLocalWorkNorALocalTransactionJoinABranch() throws Exception {
        PostgresManagedConnectionFactory mcf = xaFactory();
        String items = table("items", "id int PRIMARY KEY");
        EarnormManagedConnection<PostgresSession> mc = managedConnection(mcf);
        XAResource xa = mc.getXAResource();
        LocalTransaction local = mc.getLocalTransaction();
        PostgresConnection handle = handle(mc);
        Xid xid = xid("exclusive");

        xa.start(xid, XAResource.TMNOFLAGS);
        handle.execute("INSERT INTO " + items + " VALUES (1)");
        assertThatThrownBy(() -> handle.jdbc().commit()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> handle.jdbc().setAutoCommit(true)).isInstanceOf(SQLException.class);
        assertThatThrownBy(local::begin).isInstanceOf(LocalTransactionException.class).hasMessageContaining("XA branch");
        xa.end(xid, XAResource.TMSUCCESS);
        xa.rollback(xid);
        assertThat(adminCount("SELECT count(*) FROM " + items)).isZero();

        // The same connection definition runs local transactions too; meanwhile no branch can start.
        local.begin();
        handle.execute("INSERT INTO " + items + " VALUES (2)");
        Xid refused = xid("refused");
        assertThatThrownBy(() -> xa.start(refused, XAResource.TMNOFLAGS))
                .isInstanceOfSatisfying(XAException.class, e -> assertThat(e.errorCode).isEqualTo(XAException.XAER_OUTSIDE));
        local.commit();
        assertThat(adminCount("SELECT count(*) FROM " + items)).isEqualTo(1);
        assertThat(mc.inTransaction()).isFalse();
        mc.destroy();
    }

    @Test
    void anXaConnectionDefinitionDeclaresXaAndItsResourceIsOnlyTheSameAsItself() throws Exception {
        PostgresManagedConnectionFactory mcf = xaFactory();
        EarnormManagedConnection<PostgresSession> mc = managedConnection(mcf);
        EarnormManagedConnection<PostgresSession> other = managedConnection(mcf);
        XAResource xa = mc.getXAResource();

        assertThat(mcf.getTransactionSupport()).isEqualTo(TransactionSupportLevel.XATransaction);
        assertThat(xa.isSameRM(xa)).isTrue();
        assertThat(xa.isSameRM(other.getXAResource())).isFalse();
        assertThat(xa.setTransactionTimeout(30)).isFalse();
        assertThat(xa.getTransactionTimeout()).isZero();
        mc.destroy();
        other.destroy();
        assertThatThrownBy(mc::getXAResource).isInstanceOf(jakarta.resource.spi.IllegalStateException.class);
    }

    // ------------------------------------------------------------------

    private PostgresManagedConnectionFactory xaFactory() {
        PostgresManagedConnectionFactory mcf = managedFactory();
        mcf.setXa(true);
        return mcf;
    }

    private Xid xid(String name) {
        return new TestXid(FORMAT_ID, (run + "-" + name).getBytes(StandardCharsets.UTF_8), "b1".getBytes(StandardCharsets.UTF_8));
    }

    /** The global transaction id pgjdbc gives PostgreSQL for {@code xid}. */
    private static String gid(Xid xid) {
        Base64.Encoder base64 = Base64.getEncoder();
        return xid.getFormatId() + "_" + base64.encodeToString(xid.getGlobalTransactionId()) + "_" + base64.encodeToString(xid.getBranchQualifier());
    }

    /**
     * This run's prepared transactions on the server: another run of this class (a second checkout
     * testing against the same server at the same time) has prepared transactions of its own, which
     * this one must neither count nor roll back. The run prefix is 9 bytes, so its Base64 is a prefix
     * of the gid's.
     */
    private List<String> preparedGids() {
        String prefix = FORMAT_ID + "_" + Base64.getEncoder().encodeToString((run + "-").getBytes(StandardCharsets.UTF_8));
        return adminStrings("SELECT gid FROM pg_prepared_xacts WHERE database = current_database() AND starts_with(gid, '" + prefix + "')");
    }

    private List<Xid> ours(Xid[] recovered) {
        return Arrays.stream(recovered)
                .filter(x -> x.getFormatId() == FORMAT_ID && new String(x.getGlobalTransactionId(), StandardCharsets.UTF_8).startsWith(run + "-"))
                .toList();
    }

    private static boolean sameXid(Xid a, Xid b) {
        return a.getFormatId() == b.getFormatId() && Arrays.equals(a.getGlobalTransactionId(), b.getGlobalTransactionId())
                && Arrays.equals(a.getBranchQualifier(), b.getBranchQualifier());
    }

    private static void writeTwice(PostgresConnection handle, String table) throws SQLException {
        handle.execute("INSERT INTO " + table + " VALUES (?)", 1);
        try (PreparedStatement s = handle.jdbc().prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
            s.setInt(1, 2);
            s.executeUpdate();
        }
    }

    /** Rolls back what a failing test left prepared, before its tables are dropped (a prepared transaction would hold their locks). */
    @Override
    void beforeDropping() {
        for (String gid : preparedGids()) {
            adminExecute("ROLLBACK PREPARED '" + gid + "'");
        }
    }

    /** An Xid as a transaction manager makes them: equal by value. */
    private record TestXid(int formatId, byte[] gtrid, byte[] bqual) implements Xid {

        @Override
        public int getFormatId() {
            return formatId;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return gtrid.clone();
        }

        @Override
        public byte[] getBranchQualifier() {
            return bqual.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Xid x && sameXid(this, x);
        }

        @Override
        public int hashCode() {
            return 31 * formatId + Arrays.hashCode(gtrid);
        }

        @Override
        public String toString() {
            return "Xid[" + gid(this) + "]";
        }
    }
}
