package io.earnorm.ra.postgres;

import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.api.PostgresConnectionFactory;
import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.spi.postgres.PostgresManagedConnectionFactory;
import io.earnorm.ra.testsupport.PostgresServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A primary and its streaming replica, started by the test: a primary factory and a read factory
 * over both hosts; the primary is killed and the replica promoted; the primary factory's next
 * connections are the new primary's, and none to the dead server is handed out.
 */
class PostgresFailoverIT {

    private static final String PASSWORD = "failover-test";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static PostgresServerProcess primary;
    private static PostgresServerProcess replica;

    @BeforeAll
    static void startServers() {
        assumeTrue(PostgresServerProcess.available(), "needs PostgreSQL binaries (initdb, pg_ctl, pg_basebackup)");
        primary = PostgresServerProcess.start(PASSWORD);
        replica = primary.startReplica();
    }

    @AfterAll
    static void stopServers() {
        if (replica != null) {
            replica.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    @Test
    void writesFollowThePromotedReplicaAndNoConnectionToTheDeadPrimaryIsLent() throws Exception {
        // readme:postgres-multihost:start
        String hosts = "jdbc:postgresql://127.0.0.1:" + primary.port() + ",127.0.0.1:" + replica.port() + "/postgres";
        PostgresPool writes = PostgresPool.builder().name("orders-primary").url(hosts + "?targetServerType=primary")
                .user("postgres").password(PASSWORD).minSize(2).maxSize(4).build();
        PostgresPool reads = PostgresPool.builder().name("orders-replicas").url(hosts + "?targetServerType=preferSecondary&loadBalanceHosts=true")
                .user("postgres").password(PASSWORD).maxSize(4).build();
        // readme:postgres-multihost:end
        PostgresManagedConnectionFactory mcf = new PostgresManagedConnectionFactory();
        mcf.setUrl(hosts + "?targetServerType=primary");
        mcf.setUser("postgres");
        mcf.setPassword(PASSWORD);
        PostgresConnectionFactory jca = (PostgresConnectionFactory) mcf.createConnectionFactory();
        PostgresPool standbyOnly = PostgresPool.builder().name("orders-standby").url(
                "jdbc:postgresql://127.0.0.1:" + replica.port() + "/postgres?targetServerType=secondary")
                .user("postgres").password(PASSWORD).maxSize(1).acquireTimeout(Duration.ofSeconds(5)).build();
        try (writes; reads; standbyOnly) {
            writes.init();
            assertThat(server(standbyOnly)).isEqualTo(new Server(replica.port(), true));
            assertThat(server(writes)).isEqualTo(new Server(primary.port(), false));
            assertThat(server(reads)).isEqualTo(new Server(replica.port(), true));
            try (PostgresConnection c = jca.getConnection()) {
                assertThat(serverOf(c)).isEqualTo(new Server(primary.port(), false));
            }
            try (PostgresConnection c = writes.acquire()) {
                c.execute("CREATE TABLE failover_items (id int PRIMARY KEY)");
                c.execute("INSERT INTO failover_items VALUES (1)");
            }

            // Replication is asynchronous: a failover loses what the replica has not replayed yet.
            awaitOnReplica(reads, "SELECT count(*) FROM failover_items WHERE id = 1");

            primary.stop();
            replica.promote();
            Thread.sleep(600); // past the pool's 500 ms window in which a just-used connection is lent unchecked

            List<Server> lent = new ArrayList<>();
            Instant deadline = Instant.now().plus(PATIENCE);
            while (lent.size() < 6) {
                try (PostgresConnection c = writes.acquire(Duration.ofSeconds(10))) {
                    Server server = serverOf(c);
                    c.execute("INSERT INTO failover_items VALUES (?)", lent.size() + 2);
                    lent.add(server);
                } catch (RuntimeException stillFailingOver) {
                    assertThat(Instant.now()).as("writes resumed on the new primary").isBefore(deadline);
                    Thread.sleep(200);
                }
            }
            assertThat(lent).as("every connection lent after the failover").containsOnly(new Server(replica.port(), false));
            assertThat(writes.stats().validationFailures() + writes.stats().closed()).as("the dead primary's connections retired").isPositive();
            try (PostgresConnection c = jca.getConnection()) {
                assertThat(serverOf(c)).isEqualTo(new Server(replica.port(), false));
                assertThat(c.fetchVal("SELECT count(*) FROM failover_items")).isEqualTo(7L);
            }
            // The standby-only pool's connection is alive but its server is a primary now: retired, not lent.
            long failedBefore = standbyOnly.stats().validationFailures();
            assertThatThrownBy(standbyOnly::acquire).hasStackTraceContaining("targetServerType");
            assertThat(standbyOnly.stats().validationFailures()).isGreaterThan(failedBefore);
        } finally {
            mcf.close();
        }
    }

    @Test
    void anUnknownTargetServerTypeIsRefusedNamingTheValues() {
        assertThatThrownBy(() -> PostgresPool.builder().url("jdbc:postgresql://127.0.0.1:1,127.0.0.1:2/db?targetServerType=leader").build())
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("targetServerType=leader")
                .hasMessageContaining("any, primary, secondary, preferPrimary and preferSecondary");
    }

    private static void awaitOnReplica(PostgresPool reads, String countQuery) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            try (PostgresConnection c = reads.acquire()) {
                if (((Number) c.fetchVal(countQuery)).longValue() == 1) {
                    return;
                }
            } catch (RuntimeException notYetReplayed) {
                // the table itself has not arrived yet
            }
            assertThat(Instant.now()).as("the replica replayed the primary's writes").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static Server server(PostgresPool pool) throws Exception {
        try (PostgresConnection c = pool.acquire()) {
            return serverOf(c);
        }
    }

    private static Server serverOf(PostgresConnection c) throws Exception {
        return new Server(((Number) c.fetchVal("SELECT inet_server_port()")).intValue(), (Boolean) c.fetchVal("SELECT pg_is_in_recovery()"));
    }

    private record Server(int port, boolean inRecovery) {
    }
}
