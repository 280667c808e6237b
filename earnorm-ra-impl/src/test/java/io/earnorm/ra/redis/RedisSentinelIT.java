package io.earnorm.ra.redis;

import io.earnorm.ra.api.EarnormBackendException;
import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.api.RedisConnectionFactory;
import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.spi.redis.RedisManagedConnectionFactory;
import io.earnorm.ra.testsupport.RedisSentinelHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Redis Sentinel (one master, one replica, three sentinels, on loopback ports): the pool connects
 * to the master the sentinels name, follows a failover, and never lends a connection to the old
 * master again, whether it died or came back as a replica.
 */
class RedisSentinelIT {

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        toClose.add(resource);
        return resource;
    }

    private RedisPool pool(RedisSentinelHarness sentinels) {
        // readme:redis-sentinel:start
        RedisPool pool = RedisPool.builder()
                .sentinels(sentinels.sentinels())   // "127.0.0.1:26379,127.0.0.1:26380,127.0.0.1:26381"
                .masterName("orders")
                .maxSize(4)
                .probeInterval(Duration.ofMillis(200))
                .build();
        // readme:redis-sentinel:end
        closeLater(pool);
        pool.init();
        return pool;
    }

    /** The data node a connection is on, as the server itself says. */
    private static int serverPort(RedisConnection conn) {
        String info = (String) conn.execute("INFO", "server");
        return info.lines().filter(l -> l.startsWith("tcp_port:")).map(l -> Integer.parseInt(l.substring(9).trim())).findFirst().orElseThrow();
    }

    @Test
    void connectionsGoToTheMasterTheSentinelsName() {
        RedisSentinelHarness sentinels = closeLater(RedisSentinelHarness.start("orders"));
        RedisPool pool = pool(sentinels);

        try (RedisConnection conn = pool.acquire()) {
            assertThat(serverPort(conn)).isEqualTo(sentinels.masterPort());
            assertThat(conn.execute("SET", "k", "v")).isEqualTo("OK");
        }
        assertThat(pool.startupFindings().topology()).contains("master 'orders' at 127.0.0.1:" + sentinels.masterPort());
    }

    @Test
    void afterTheMasterDiesWritesResumeOnThePromotedReplicaAndNoConnectionToTheOldOneIsLent() {
        RedisSentinelHarness sentinels = closeLater(RedisSentinelHarness.start("orders"));
        RedisPool pool = pool(sentinels);
        int oldMaster = sentinels.masterPort();
        List<RedisConnection> warm = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            warm.add(pool.acquire());
        }
        warm.forEach(c -> c.execute("SET", "before", "1"));
        warm.forEach(RedisConnection::close);
        assertThat(pool.stats().total()).isEqualTo(4);

        sentinels.killMaster();
        int newMaster = sentinels.awaitFailover(oldMaster, Duration.ofSeconds(60));

        // Until the pool has noticed, an acquire may fail (paused, or a socket to the dead master found broken and retired).
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> {
                    try (RedisConnection conn = pool.acquire()) {
                        return "OK".equals(conn.execute("SET", "after", "1"));
                    }
                });
        for (int i = 0; i < 12; i++) {
            try (RedisConnection conn = pool.acquire()) {
                assertThat(serverPort(conn)).isEqualTo(newMaster);
                assertThat(conn.execute("INCR", "writes")).isEqualTo((long) i + 1);
            }
        }
        assertThat(pool.state()).isEqualTo(PoolState.READY);
    }

    @Test
    void aMasterDemotedBySentinelLosesItsConnectionsAndThePoolFollowsToTheNewOne() {
        RedisSentinelHarness sentinels = closeLater(RedisSentinelHarness.start("orders"));
        RedisPool pool = pool(sentinels);
        int oldMaster = sentinels.masterPort();
        int replica = sentinels.dataPorts().stream().filter(p -> p != oldMaster).findFirst().orElseThrow();

        // SENTINEL FAILOVER demotes the master without killing it; Sentinel then disconnects its clients.
        try (RedisConnection held = pool.acquire()) {
            try (Jedis sentinel = new Jedis("127.0.0.1", sentinels.sentinelPorts().get(0))) {
                sentinel.sendCommand(Protocol.Command.SENTINEL, "FAILOVER", "orders");
            }
            sentinels.awaitRole(oldMaster, "slave", Duration.ofSeconds(60));

            EarnormBackendException e = catchThrowableOfType(EarnormBackendException.class, () -> held.execute("SET", "k", "v"));
            assertThat(e.connectionLost()).as("a write on the demoted master: %s", e.getMessage()).isTrue();
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> {
                    try (RedisConnection conn = pool.acquire()) {
                        return serverPort(conn) == replica && "OK".equals(conn.execute("SET", "k", "v"));
                    }
                });
        for (int i = 0; i < 8; i++) {
            try (RedisConnection conn = pool.acquire()) {
                assertThat(serverPort(conn)).isEqualTo(replica);
            }
        }
    }

    @Test
    void aConnectionToADemotedServerFailsValidationAndAWriteAnsweredReadonlyClearsThePool() {
        RedisSentinelHarness sentinels = closeLater(RedisSentinelHarness.start("orders"));
        RedisPool pool = closeLater(RedisPool.builder().sentinels(sentinels.sentinels()).masterName("orders").minSize(2).maxSize(2)
                .probeInterval(Duration.ofSeconds(30)).build());
        pool.init();
        int oldMaster = sentinels.masterPort();
        int replica = sentinels.dataPorts().stream().filter(p -> p != oldMaster).findFirst().orElseThrow();

        try (RedisConnection held = pool.acquire()) {
            // An operator swaps the roles by hand: unlike Sentinel, REPLICAOF leaves the clients connected.
            try (Jedis promoted = new Jedis("127.0.0.1", replica); Jedis demoted = new Jedis("127.0.0.1", oldMaster)) {
                promoted.replicaofNoOne();
                demoted.replicaof("127.0.0.1", replica);
            }

            // validation asks ROLE: a pooled connection to the demoted server fails it
            try (RedisConnection other = pool.acquire()) {
                assertThat(other.ping()).isFalse();
            }
            EarnormBackendException e = catchThrowableOfType(EarnormBackendException.class, () -> held.execute("SET", "k", "v"));
            assertThat(e).hasMessageContaining("READONLY");
            assertThat(e.connectionLost()).isTrue();
            // the other pooled connection, idle on the same demoted server, goes with it
            assertThat(pool.state()).isEqualTo(PoolState.PAUSED);
        }
        assertThat(pool.stats().total()).isZero();
    }

    @Test
    void anUnknownMasterNameOrNoAnsweringSentinelSaysSo() {
        RedisSentinelHarness sentinels = closeLater(RedisSentinelHarness.start("orders"));
        RedisPool unknown = closeLater(RedisPool.builder().sentinels(sentinels.sentinels()).masterName("invoices")
                .acquireTimeout(Duration.ofSeconds(2)).build());
        assertThatThrownBy(unknown::init).hasMessageContaining("no sentinel knows a master named 'invoices'");

        RedisPool nobody = closeLater(RedisPool.builder().sentinels("127.0.0.1:1").masterName("orders")
                .acquireTimeout(Duration.ofSeconds(2)).build());
        assertThatThrownBy(nobody::init).hasMessageContaining("no sentinel answered");
    }

    @Test
    void aConnectionDefinitionWithSentinelsTalksToTheMaster() throws Exception {
        RedisSentinelHarness sentinels = closeLater(RedisSentinelHarness.start("orders"));
        // readme:redis-sentinel-jca:start
        RedisManagedConnectionFactory mcf = new RedisManagedConnectionFactory();
        mcf.setSentinels(sentinels.sentinels());
        mcf.setMasterName("orders");
        // readme:redis-sentinel-jca:end
        closeLater(mcf);
        RedisConnectionFactory factory = (RedisConnectionFactory) mcf.createConnectionFactory();
        try (RedisConnection conn = factory.getConnection()) {
            assertThat(serverPort(conn)).isEqualTo(sentinels.masterPort());
        }
    }
}
