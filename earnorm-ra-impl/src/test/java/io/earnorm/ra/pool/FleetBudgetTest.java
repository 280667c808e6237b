package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.FleetStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fleet budget's rule with several pool instances in one JVM over a fake server that lists its
 * connections by name, as PostgreSQL and Redis do (the real servers are in the backends' ITs).
 */
class FleetBudgetTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** The server: every open connection by id, with its name. */
    static final class FakeServer {
        final Map<Long, String> connections = new ConcurrentHashMap<>();
        final AtomicLong ids = new AtomicLong();
        volatile boolean refuseCount;

        long connect(String name) {
            long id = ids.incrementAndGet();
            connections.put(id, name);
            return id;
        }

        int countStartingWith(String prefix) {
            return (int) connections.values().stream().filter(n -> n.startsWith(prefix) && n.endsWith("/p")).count();
        }
    }

    /** One instance's backend: names its connections after the fleet tag it is given. */
    static final class NamingBackend implements Backend<FakeConnection> {
        final FakeServer server;
        volatile String name = "unnamed";

        NamingBackend(FakeServer server) {
            this.server = server;
        }

        @Override
        public String type() {
            return "fake";
        }

        @Override
        public String describe() {
            return "fake://fleet";
        }

        @Override
        public FakeConnection open() {
            return new FakeConnection((int) server.connect(name));
        }

        @Override
        public boolean validate(FakeConnection connection, Duration timeout) {
            return true;
        }

        @Override
        public void close(FakeConnection connection) {
            server.connections.remove((long) connection.number);
        }

        @Override
        public PeerCounter joinFleet(FleetTag tag) {
            name = tag.connectionName();
            long own = server.connect(tag.counterName(false));
            return new PeerCounter() {
                @Override
                public Iterable<String> read(String ownName, String prefix) {
                    if (server.refuseCount) {
                        throw new IllegalStateException("permission denied");
                    }
                    server.connections.put(own, ownName);
                    return server.connections.values().stream().filter(n -> n.startsWith(prefix)).toList();
                }

                @Override
                public void close() {
                    server.connections.remove(own);
                }
            };
        }
    }

    private final FakeServer server = new FakeServer();
    private final List<ConnectionPool<FakeConnection>> pools = new CopyOnWriteArrayList<>();
    private final List<PooledConnection<FakeConnection>> held = new CopyOnWriteArrayList<>();

    private ConnectionPool<FakeConnection> instance(int budget) {
        PoolConfig config = PoolConfig.builder().maxSize(20).fleetMaxSize(budget).fleetInterval(Duration.ofMillis(100))
                .acquireTimeout(Duration.ofSeconds(30)).validateOnBorrow(false).build();
        ConnectionPool<FakeConnection> pool = new ConnectionPool<>("orders", new NamingBackend(server), config);
        pool.ready();
        pools.add(pool);
        return pool;
    }

    @AfterEach
    void closeAll() {
        held.forEach(PooledConnection::close);
        pools.forEach(ConnectionPool::close);
    }

    /** Borrows {@code n} connections on threads of their own and keeps them until the test ends. */
    private void holdInBackground(ConnectionPool<FakeConnection> pool, int n) {
        for (int i = 0; i < n; i++) {
            daemon(() -> {
                try {
                    held.add(pool.acquire());
                } catch (RuntimeException ignored) {
                    // the pool closed at the end of the test
                }
            });
        }
    }

    private static Thread daemon(Runnable task) {
        Thread t = new Thread(task);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void oneInstanceMayUseTheWholeBudgetButNoMore() {
        ConnectionPool<FakeConnection> a = instance(6);
        holdInBackground(a, 10);

        await().atMost(PATIENCE).until(() -> held.size() == 6);
        assertThat(server.countStartingWith("ef/orders/")).isEqualTo(6);
        FleetStats fleet = a.stats().fleet();
        assertThat(fleet).isEqualTo(new FleetStats(6, 6, 1, 6, true));
        assertThat(a.stats().pending()).isEqualTo(4);
    }

    @Test
    void aNewInstanceGetsItsShareFromABusyOne() {
        ConnectionPool<FakeConnection> a = instance(6);
        // a's ten borrowers borrow, hold a moment and give back, as a busy application does.
        AtomicBoolean running = new AtomicBoolean(true);
        for (int i = 0; i < 10; i++) {
            daemon(() -> {
                while (running.get()) {
                    try (PooledConnection<FakeConnection> c = a.acquire()) {
                        Thread.sleep(2);
                    } catch (InterruptedException | RuntimeException stop) {
                        return;
                    }
                }
            });
        }
        await().atMost(PATIENCE).until(() -> a.stats().total() == 6 && a.stats().pending() > 0);

        AtomicInteger peak = new AtomicInteger();
        daemon(() -> {
            while (running.get()) {
                peak.accumulateAndGet(server.countStartingWith("ef/orders/"), Math::max);
                Thread.onSpinWait();
            }
        });
        ConnectionPool<FakeConnection> b = instance(6);
        holdInBackground(b, 3);

        await().atMost(PATIENCE).until(() -> b.stats().active() == 3);
        running.set(false);
        // The documented bound: budget + instances x maxConnecting.
        assertThat(peak.get()).isBetween(6, 6 + 2 * 2);
        assertThat(b.stats().fleet().instances()).isEqualTo(2);
        assertThat(b.stats().fleet().share()).isEqualTo(3);
        assertThat(a.stats().fleet().instances()).isEqualTo(2);
    }

    @Test
    void aClosedInstancesShareGoesToTheOthers() {
        ConnectionPool<FakeConnection> a = instance(6);
        ConnectionPool<FakeConnection> b = instance(6);
        await().atMost(PATIENCE).until(() -> a.stats().fleet().instances() == 2);

        b.close();

        await().atMost(PATIENCE).until(() -> a.stats().fleet().instances() == 1);
        assertThat(a.stats().fleet().share()).isEqualTo(6);
    }

    @Test
    void withoutACountTheInstanceKeepsToAStaticShare() {
        server.refuseCount = true;
        PoolConfig config = PoolConfig.builder().maxSize(20).fleetMaxSize(6).instances(3).fleetInterval(Duration.ofMillis(100))
                .validateOnBorrow(false).build();
        ConnectionPool<FakeConnection> a = new ConnectionPool<>("orders", new NamingBackend(server), config);
        a.ready();
        pools.add(a);
        holdInBackground(a, 5);

        await().atMost(PATIENCE).until(() -> held.size() == 2);
        assertThat(a.stats().fleet()).isEqualTo(new FleetStats(6, 2, 1, 2, false));
        assertThat(a.stats().pending()).isEqualTo(3);
    }
}
