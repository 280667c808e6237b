package io.earnorm.ra.spi.redis;

import io.earnorm.ra.api.EarnormBackendException;
import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.api.RedisConnectionFactory;
import io.earnorm.ra.api.pool.ConnectionClosedException;
import io.earnorm.ra.pool.ConnectionPool;
import io.earnorm.ra.redis.RedisSession;
import io.earnorm.ra.spi.Credential;
import io.earnorm.ra.spi.EarnormConnectionRequestInfo;
import io.earnorm.ra.spi.EarnormManagedConnection;
import io.earnorm.ra.spi.JcaContract;
import io.earnorm.ra.spi.RecordingConnectionEvents;
import io.earnorm.ra.testsupport.TestServers;
import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.commands.JedisCommands;
import redis.clients.jedis.params.ClientKillParams;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The Redis connection definition's SPI contract, without an application server (through the
 * adapter's non-managed connection manager, or driving managed connections as a container would),
 * against the shared test server.
 */
class JcaRedisContractIT extends JcaRedisFixture implements JcaContract<RedisConnection> {

    private final RedisManagedConnectionFactory mcf = sharedServerDefinition();

    @Override
    public RedisManagedConnectionFactory definition() {
        return mcf;
    }

    @Override
    public RedisManagedConnectionFactory sameDefinition() {
        return definition(TestServers.redisUri());
    }

    @Override
    public RedisManagedConnectionFactory otherDefinition() {
        RedisManagedConnectionFactory other = definition(TestServers.redisUri());
        other.setDatabase(3);
        return other;
    }

    @Override
    public Class<?> connectionFactoryType() {
        return RedisConnectionFactory.class;
    }

    @Override
    public Class<?> connectionFactoryImpl() {
        return RedisConnectionFactoryImpl.class;
    }

    @Override
    public void use(RedisConnection handle) {
        assertThat(handle.execute("SET", key("k"), "v")).isEqualTo("OK");
    }

    private ConnectionPool<RedisSession> defaultPool() {
        return mcf.poolFor(new Credential(null, null));
    }

    private RedisConnectionFactory factory() throws Exception {
        return (RedisConnectionFactory) mcf.createConnectionFactory();
    }

    @Test
    void aDefinitionConfiguredInPlainJavaHandsOutConnectionsThatWorkAndGoBackToThePoolCoreOnClose() throws Exception {
        mcf.setClientName("earnorm-jca-test");
        RedisConnectionFactory factory = factory();
        long used;

        try (RedisConnection conn = factory.getConnection()) {
            used = clientId(conn);
            assertThat(conn.backendType()).isEqualTo("redis");
            assertThat(conn.ping()).isTrue();
            assertThat(conn.execute("SET", key("greeting"), "hello")).isEqualTo("OK");
            assertThat(conn.execute("GET", key("greeting"))).isEqualTo("hello");
            assertThat(conn.commands().incrBy(key("counter"), 5)).isEqualTo(5);
            assertThat((byte[]) conn.executeBinary("GET", key("greeting"))).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
            assertThat(conn.execute("CLIENT", "GETNAME")).isEqualTo("earnorm-jca-test");
            assertThat(conn.execute("CLIENT", "INFO").toString()).contains("db=" + DATABASE);
            assertThat(defaultPool().stats().active()).isEqualTo(1);
        }

        assertThat(defaultPool().stats().active()).isZero();
        assertThat(defaultPool().stats().available()).isEqualTo(1);
        assertThat(admin(TestServers.redisUri()).get(key("greeting"))).isEqualTo("hello");
        try (RedisConnection again = factory.getConnection()) {
            assertThat(clientId(again)).isEqualTo(used);
        }
    }

    @Test
    void aConnectionKilledOnTheServerRaisesConnectionErrorOccurredAndNeverComesBack() throws Exception {
        mcf.setMaxSize(2);
        EarnormManagedConnection<RedisSession> mc = managed(mcf, null, null);
        RecordingConnectionEvents events = new RecordingConnectionEvents();
        mc.addConnectionEventListener(events);
        RedisConnection handle = (RedisConnection) mc.getConnection(null, null);
        long killed = clientId(handle);

        assertThat(admin(TestServers.redisUri()).clientKill(new ClientKillParams().id(Long.toString(killed)))).isEqualTo(1L);
        EarnormBackendException lost = catchThrowableOfType(() -> handle.execute("GET", key("k")), EarnormBackendException.class);

        assertThat(lost.connectionLost()).isTrue();
        assertThat(events.ids()).containsExactly(ConnectionEvent.CONNECTION_ERROR_OCCURRED);
        assertThat(events.events.get(0).getConnectionHandle()).isSameAs(handle);
        assertThat(events.events.get(0).getException()).isSameAs(lost.getCause());
        assertThat(handle.isStale()).isTrue();

        mc.destroy();

        RedisConnectionFactory factory = factory();
        Set<Long> lent = new HashSet<>();
        try (RedisConnection first = factory.getConnection(); RedisConnection second = factory.getConnection()) {
            lent.add(clientId(first));
            lent.add(clientId(second));
            assertThat(first.execute("PING")).isEqualTo("PONG");
        }
        assertThat(lent).hasSize(2).doesNotContain(killed);
        // The pool core closes a retired connection in the background.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(defaultPool().stats().closed()).isEqualTo(1));
    }

    @Test
    void aClosedHandleRefusesEveryCallIncludingTypedCommandsGotBeforeItClosed() throws Exception {
        RedisConnection conn = factory().getConnection();
        JedisCommands typed = conn.commands();

        conn.close();

        assertThat(conn.isClosed()).isTrue();
        assertThatThrownBy(() -> conn.execute("PING")).isInstanceOf(ConnectionClosedException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> conn.executeBinary("GET", key("k"))).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(conn::commands).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(() -> typed.get(key("k"))).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(conn::ping).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(conn::close).isInstanceOf(ConnectionClosedException.class);
        assertThat(defaultPool().stats().active()).isZero();
    }

    @Test
    void cleanupInvalidatesEveryHandleAndGivesTheSocketBackToThePoolCoreWhichResetsIt() throws Exception {
        EarnormManagedConnection<RedisSession> mc = managed(mcf, null, null);
        RedisConnection first = (RedisConnection) mc.getConnection(null, null);
        RedisConnection second = (RedisConnection) mc.getConnection(null, null);
        JedisCommands typed = second.commands();
        long socket = clientId(first);
        first.execute("SELECT", "3");

        mc.cleanup();

        assertThatThrownBy(() -> first.execute("PING")).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(second::commands).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(() -> typed.get(key("k"))).isInstanceOf(ConnectionClosedException.class);
        assertThat(mc.hasPhysical()).isFalse();
        assertThat(defaultPool().stats().active()).isZero();
        assertThat(defaultPool().stats().available()).isEqualTo(1);

        RedisConnection third = (RedisConnection) mc.getConnection(null, null);
        assertThat(clientId(third)).isEqualTo(socket);
        // The pool core put the session back as it opened it.
        assertThat(third.execute("CLIENT", "INFO").toString()).contains("db=" + DATABASE);
        mc.destroy();
        assertThat(defaultPool().stats().active()).isZero();
    }

    @Test
    void matchingAndValidationFollowTheCredentialAndThePoolCoresRules() throws Exception {
        EarnormManagedConnection<RedisSession> healthy = managed(mcf, null, null);
        EarnormManagedConnection<RedisSession> killed = managed(mcf, null, null);
        RedisConnection victim = (RedisConnection) killed.getConnection(null, null);
        admin(TestServers.redisUri()).clientKill(new ClientKillParams().id(Long.toString(clientId(victim))));

        assertThat(mcf.getInvalidConnections(Set.of(healthy, killed))).containsExactly(killed);
        assertThat(mcf.matchManagedConnections(Set.of(killed, healthy), null, null)).isSameAs(healthy);
        assertThat(mcf.matchManagedConnections(Set.of(healthy), null, new EarnormConnectionRequestInfo(new Credential("alice", "a")))).isNull();
        assertThatThrownBy(() -> healthy.getConnection(null, new EarnormConnectionRequestInfo(new Credential("alice", "a"))))
                .isInstanceOf(jakarta.resource.spi.SecurityException.class);
    }

    @Test
    void transactionsAreRefusedSayingWhyAndWhatToUseInstead() throws Exception {
        EarnormManagedConnection<RedisSession> mc = managed(mcf, null, null);

        assertThat(mcf.getTransactionSupport()).isEqualTo(TransactionSupportLevel.NoTransaction);
        assertThatThrownBy(mc::getLocalTransaction).isInstanceOf(NotSupportedException.class)
                .hasMessageContaining("redis connections support no local transactions")
                .hasMessageContaining("MULTI ... EXEC");
        assertThatThrownBy(mc::getXAResource).isInstanceOf(NotSupportedException.class)
                .hasMessageContaining("redis connections support no XA transactions");
        // MULTI/EXEC through execute is the way.
        RedisConnection conn = (RedisConnection) mc.getConnection(null, null);
        conn.execute("MULTI");
        conn.execute("SET", key("a"), "1");
        conn.execute("INCR", key("a"));
        assertThat(conn.execute("EXEC")).isEqualTo(List.of("OK", 2L));
    }
}
