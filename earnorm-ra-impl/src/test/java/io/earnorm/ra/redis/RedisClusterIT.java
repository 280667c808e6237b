package io.earnorm.ra.redis;

import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.api.RedisConnectionFactory;
import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.spi.redis.RedisManagedConnectionFactory;
import io.earnorm.ra.testsupport.RedisClusterHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import redis.clients.jedis.Jedis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A Redis Cluster of three masters and three replicas, started on loopback ports by the harness:
 * commands go to the shard that owns their keys, and writes through the pool carry on across a
 * master's failover. The failover test kills a master, so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisClusterIT {

    private static RedisClusterHarness cluster;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    static void startCluster() {
        assumeTrue(RedisClusterHarness.canStart(), RedisClusterHarness.NEEDS);
        cluster = RedisClusterHarness.start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @org.junit.jupiter.api.AfterEach
    void closePools() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private RedisPool pool(int maxSize) {
        // readme:redis-cluster:start
        RedisPool pool = RedisPool.builder()
                .uri(cluster.seedUri())          // redis://127.0.0.1:7000,127.0.0.1:7001,127.0.0.1:7002
                .maxSize(maxSize)
                .build();
        // readme:redis-cluster:end
        toClose.add(pool);
        pool.init();
        return pool;
    }

    @Test
    @Order(1)
    void keysAreWrittenToTheMasterThatOwnsTheirSlot() {
        RedisPool pool = pool(4);
        Set<Integer> mastersUsed = new HashSet<>();
        try (RedisConnection conn = pool.acquire()) {
            for (int i = 0; i < 60; i++) {
                assertThat(conn.execute("SET", "spread:" + i, "v" + i)).isEqualTo("OK");
            }
            for (int i = 0; i < 60; i++) {
                assertThat(conn.execute("GET", "spread:" + i)).isEqualTo("v" + i);
                assertThat(conn.commands().get("spread:" + i)).isEqualTo("v" + i);
            }
        }
        for (int i = 0; i < 60; i++) {
            int owner = cluster.masterPortForKey("spread:" + i);
            mastersUsed.add(owner);
            try (Jedis direct = new Jedis("127.0.0.1", owner)) {
                // a GET to any other node would answer MOVED: the value is on the owner itself
                assertThat(direct.get("spread:" + i)).as("spread:%d on its owner %d", i, owner).isEqualTo("v" + i);
            }
        }
        assertThat(mastersUsed).hasSize(3);
    }

    @Test
    @Order(2)
    void commandsWhoseKeysAreNotTheFirstArgumentFindTheirShardToo() {
        RedisPool pool = pool(2);
        try (RedisConnection conn = pool.acquire()) {
            conn.execute("SET", "{user:7}:name", "ada");
            conn.execute("SET", "{user:7}:mail", "ada@example.org");
            // MGET with a common hash tag: several keys, one slot
            assertThat(conn.execute("MGET", "{user:7}:name", "{user:7}:mail")).isEqualTo(List.of("ada", "ada@example.org"));
            // EVAL: the key comes after the script and the key count (movable keys, asked of the server)
            assertThat(conn.execute("EVAL", "return redis.call('GET', KEYS[1])", 1, "{user:7}:name")).isEqualTo("ada");
            // OBJECT ENCODING: a subcommand, the key second
            assertThat(conn.execute("OBJECT ENCODING", "{user:7}:name")).isEqualTo("embstr");
            // a keyless command goes to some node
            assertThat(conn.execute("PING")).isEqualTo("PONG");
        }
    }

    @Test
    @Order(2)
    void keylessCommandsForAllShardsAreSentToEveryMasterAndCombined() {
        RedisPool pool = pool(2);
        long total = 0;
        for (int port : cluster.masterPorts()) {
            try (Jedis direct = new Jedis("127.0.0.1", port)) {
                total += direct.dbSize();
            }
        }
        try (RedisConnection conn = pool.acquire()) {
            assertThat(conn.execute("DBSIZE")).isEqualTo(total);
            assertThat((List<?>) conn.execute("KEYS", "spread:*")).hasSize(60);
        }
    }

    @Test
    @Order(3)
    void keysOfDifferentSlotsInOneCommandAreRefusedNamingHashTags() {
        RedisPool pool = pool(2);
        try (RedisConnection conn = pool.acquire()) {
            assertThatThrownBy(() -> conn.execute("MGET", "spread:1", "spread:2"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("different hash slots").hasMessageContaining("hash tag");
            assertThat(conn.execute("PING")).isEqualTo("PONG");
        }
        assertThat(pool.stats().closed()).isZero();
    }

    @Test
    @Order(4)
    void commandsThatNeedOneSocketAreRefusedInACluster() {
        RedisPool pool = pool(2);
        try (RedisConnection conn = pool.acquire()) {
            assertThatThrownBy(() -> conn.execute("MULTI")).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("MULTI").hasMessageContaining("cluster");
            assertThatThrownBy(() -> conn.execute("WATCH", "k")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> conn.execute("SELECT", 1)).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("database 0 only");
            assertThat(conn.execute("SET", "after-refusals", "ok")).isEqualTo("OK");
        }
    }

    @Test
    @Order(5)
    void thePoolReportsTheClusterItFoundAndBoundsItsLeases() {
        RedisPool pool = pool(3);
        assertThat(pool.startupFindings().topology()).startsWith("Redis Cluster").contains("127.0.0.1:" + cluster.ports().get(0));
        assertThat(pool.startupFindings().limit()).isPresent();

        List<RedisConnection> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(pool.acquire());
        }
        assertThatThrownBy(() -> pool.acquire(Duration.ofMillis(200)))
                .isInstanceOf(io.earnorm.ra.api.pool.AcquireTimeoutException.class);
        held.forEach(RedisConnection::close);
        assertThat(pool.stats().active()).isZero();
    }

    @Test
    @Order(6)
    void aConnectionDefinitionWithSeveralHostsTalksToTheCluster() throws Exception {
        // readme:redis-cluster-jca:start
        RedisManagedConnectionFactory mcf = new RedisManagedConnectionFactory();
        mcf.setUri(cluster.seedUri());
        mcf.setMaxSize(4);
        // readme:redis-cluster-jca:end
        toClose.add(mcf);
        RedisConnectionFactory factory = (RedisConnectionFactory) mcf.createConnectionFactory();
        try (RedisConnection conn = factory.getConnection()) {
            for (int i = 0; i < 20; i++) {
                conn.execute("SET", "jca:" + i, i);
            }
            assertThat(conn.execute("GET", "jca:13")).isEqualTo("13");
        }
    }

    @Test
    @Order(50)
    void aSlotBeingMovedIsFollowedThroughAskAndThenMoved() {
        RedisPool pool = pool(2);
        String key = "moving:key";
        try (RedisConnection conn = pool.acquire()) {
            conn.execute("SET", key, "v1");
        }
        int source = cluster.masterPortForKey(key);
        int target = cluster.masterPorts().stream().filter(p -> p != source).findFirst().orElseThrow();
        try (Jedis from = new Jedis("127.0.0.1", source); Jedis to = new Jedis("127.0.0.1", target)) {
            int slot = (int) from.clusterKeySlot(key);
            String fromId = from.clusterMyId();
            String toId = to.clusterMyId();
            to.clusterSetSlotImporting(slot, fromId);
            from.clusterSetSlotMigrating(slot, toId);
            from.migrate("127.0.0.1", target, key, 0, 5000);

            // Mid-migration the source answers ASK for keys it no longer has: the pool's reads and writes still land.
            try (RedisConnection conn = pool.acquire()) {
                assertThat(conn.execute("GET", key)).isEqualTo("v1");
                assertThat(conn.execute("SET", "{moving:key}:new", "v2")).isEqualTo("OK");
            }
            to.asking(); // an importing node serves the slot only to a client that says ASKING first
            assertThat(to.get("{moving:key}:new")).isEqualTo("v2");

            // The slot is handed over: the source now answers MOVED, which the client follows and learns from.
            to.clusterSetSlotNode(slot, toId);
            from.clusterSetSlotNode(slot, toId);
            try (RedisConnection conn = pool.acquire()) {
                assertThat(conn.execute("GET", key)).isEqualTo("v1");
                assertThat(conn.execute("INCR", "{moving:key}:count")).isEqualTo(1L);
            }
            assertThat(to.get("{moving:key}:count")).isEqualTo("1");
        }
        assertThat(pool.stats().closed()).isZero();
    }

    @Test
    @Order(100)
    void writesThroughThePoolCarryOnWhenAMasterFailsOver() throws Exception {
        RedisPool pool = pool(4);
        String key = "failover:counter";
        try (RedisConnection conn = pool.acquire()) {
            conn.execute("SET", key, 0);
        }
        int oldMaster = cluster.masterPortForKey(key);
        int replica = cluster.replicaPortOf(oldMaster);

        cluster.kill(oldMaster);
        // The very next write waits inside the driver's retry budget while the replica takes over.
        try (RedisConnection conn = pool.acquire()) {
            assertThat(conn.execute("INCR", key)).isEqualTo(1L);
        }
        cluster.awaitFailover(oldMaster, Duration.ofSeconds(30));

        for (int i = 0; i < 20; i++) {
            try (RedisConnection conn = pool.acquire()) {
                conn.execute("INCR", key);
                conn.execute("SET", "after-failover:" + i, i);
            }
        }
        assertThat(cluster.masterPortForKey(key)).isEqualTo(replica);
        try (Jedis promoted = new Jedis("127.0.0.1", replica)) {
            assertThat(promoted.get(key)).isEqualTo("21");
        }
        assertThat(pool.state()).isEqualTo(PoolState.READY);
        assertThat(pool.stats().active()).isZero();
    }
}
