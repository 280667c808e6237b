package io.earnorm.ra.redis;

import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.backend.PoolApiContract;
import io.earnorm.ra.pool.Pool;
import io.earnorm.ra.pool.PoolFactory;
import io.earnorm.ra.pool.PoolManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed's pool protocol on a Redis pool: the contract every backend keeps ({@link PoolApiContract}:
 * builder, init, acquire, release, asynchronous acquire, stats, an unknown key), and what Redis adds.
 */
class RedisPoolApiIT extends RedisFixture implements PoolApiContract<RedisPool, RedisConnection> {

    @Override
    public RedisPool openPool(String name, int minSize, int maxSize) {
        return open(sharedServerPool().name(name).minSize(minSize).maxSize(maxSize));
    }

    @Override
    public String backendType() {
        return "redis";
    }

    @Override
    public void roundTrip(RedisConnection conn, String tag) {
        assertThat(conn.execute("PING")).isEqualTo("PONG");
        assertThat(conn.execute("SET", key(tag), tag)).isEqualTo("OK");
        assertThat(conn.execute("ECHO", tag)).isEqualTo(tag);
        assertThat(admin().get(key(tag))).isEqualTo(tag);
    }

    @Override
    public PoolFactory poolFactory() {
        return RedisPool::new;
    }

    @Override
    public Map<String, Object> serverOptions() {
        return Map.of("uri", serverUri(), "database", DATABASE);
    }

    @Override
    public List<String> someOwnOptionNames() {
        return List.of("uri", "clientName");
    }

    @Test
    void thePoolManagerCreatesRedisPoolsFromAnOptionsMap() {
        PoolManager manager = closeLater(new PoolManager());
        manager.registerPoolType("redis", RedisPool::new);

        Pool<?> created = manager.createPool("redis", "sessions", Map.of("uri", serverUri(), "database", DATABASE,
                "min_size", 1, "max_size", 4, "timeout", "10s", "client_name", "earnorm-sessions"));

        assertThat(manager.getPool("sessions")).containsSame(created);
        assertThat(created).isInstanceOf(RedisPool.class);
        assertThat(created.config().maxSize()).isEqualTo(4);
        try (RedisConnection conn = ((RedisPool) created).acquire()) {
            assertThat(conn.execute("CLIENT", "GETNAME")).isEqualTo("earnorm-sessions");
            conn.execute("SET", key("from-manager"), "yes");
        }
        assertThat(admin().get(key("from-manager"))).isEqualTo("yes");

        manager.closeAll();

        assertThat(created.state()).isEqualTo(PoolState.CLOSED);
        assertThat(manager.getPool("sessions")).isEmpty();
    }

    @Test
    void closingThePoolClosesItsSockets() {
        String name = "earnorm-closing-" + UUID.randomUUID();
        RedisPool pool = open(sharedServerPool().minSize(2).maxSize(2).clientName(name));
        await().atMost(Duration.ofSeconds(10)).until(() -> admin().clientList().contains("name=" + name + " "));

        pool.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> !admin().clientList().contains("name=" + name + " "));
        assertThat(pool.state()).isEqualTo(PoolState.CLOSED);
    }

    @Test
    void atStartThePoolReportsWhatItReachedAndWarnsWhenInstancesTimesMaxSizeExceedMaxclients() {
        long maxClients = Long.parseLong(admin().configGet("maxclients").get("maxclients"));
        int instances = (int) (maxClients / 10) + 1;

        RedisPool modest = open(sharedServerPool().maxSize(10));
        RedisPool crowded = open(sharedServerPool().maxSize(10).instances(instances));

        assertThat(modest.startupFindings().topology()).startsWith("master ").endsWith("/" + DATABASE);
        assertThat(modest.startupFindings().limit()).hasValue((int) maxClients);
        assertThat(modest.startupFindings().overLimit()).isFalse();
        assertThat(crowded.startupFindings().wanted()).isEqualTo(10 * instances);
        assertThat(crowded.startupFindings().overLimit()).isTrue();
    }
}
