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
        return instance(budget, Duration.ofMillis(100));
    }

    /** An instance that counts once when created; with an interval of an hour it counts again only when the test says ({@link #count}). */
    private ConnectionPool<FakeConnection> instance(int budget, Duration fleetInterval) {
        return instance(budget, fleetInterval, 20);
    }

    private ConnectionPool<FakeConnection> instance(int budget, Duration fleetInterval, int maxSize) {
        PoolConfig config = PoolConfig.builder().maxSize(maxSize).fleetMaxSize(budget).fleetInterval(fleetInterval)
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

    /**
     * A new instance that saw the fleet full keeps saying it wants its share while callers wait and
     * it holds less, even once some room shows. Otherwise a busy peer's next count sees nobody
     * wanting and takes the room back, and the new instance waits for another round of counts.
     */
    @Test
    void aNewInstanceKeepsWantingItsShareUntilItHoldsItSoABusyPeerCannotTakeTheRoomBack() {
        Duration manual = Duration.ofHours(1);
        ConnectionPool<FakeConnection> a = instance(6, manual);
        holdInBackground(a, 7); // six hold the whole budget, the seventh waits
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10)).until(() -> {
            count(a);
            return held.size() == 6;
        });
        List<PooledConnection<FakeConnection>> aHeld = List.copyOf(held);

        ConnectionPool<FakeConnection> b = instance(6, manual);
        holdInBackground(b, 3);
        await().atMost(PATIENCE).until(() -> b.stats().fleet().counted() && b.queue.waiting() == 3);
        b.fleet.read();
        assertThat(wantingCounters()).as("b saw the fleet full with callers waiting").isEqualTo(1);
        a.fleet.read();
        assertThat(a.stats().fleet().share()).isEqualTo(3);

        // a gives three back; they close (share), and b sees room for them.
        aHeld.subList(0, 3).forEach(c -> {
            held.remove(c);
            c.close();
        });
        await().atMost(PATIENCE).until(() -> a.opener.size.get() == 3);
        b.fleet.read();
        b.fleet.read();
        assertThat(wantingCounters()).as("b, below its share with callers waiting, after seeing room").isEqualTo(1);

        // a's waiting caller would take that room if a's count showed nobody wanting.
        a.fleet.read();
        a.opener.fill();
        assertThat(a.opener.size.get()).as("a's connections after its count").isEqualTo(3);

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10)).until(() -> {
            count(b);
            return b.stats().active() == 3;
        });
        b.fleet.read();
        assertThat(wantingCounters()).as("b at its share").isZero();
    }

    /** An instance whose maxSize is under its share stops wanting at maxSize: it cannot use more, and its peers may. */
    @Test
    void anInstanceStopsWantingAtItsMaxSizeWhenThatIsUnderItsShare() {
        Duration manual = Duration.ofHours(1);
        ConnectionPool<FakeConnection> a = instance(6, manual);
        holdInBackground(a, 6);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10)).until(() -> {
            count(a);
            return held.size() == 6;
        });
        List<PooledConnection<FakeConnection>> aHeld = List.copyOf(held);

        ConnectionPool<FakeConnection> b = instance(6, manual, 2);
        holdInBackground(b, 3);
        await().atMost(PATIENCE).until(() -> b.stats().fleet().counted() && b.queue.waiting() == 3);
        b.fleet.read();
        assertThat(wantingCounters()).as("b saw the fleet full with callers waiting").isEqualTo(1);
        a.fleet.read();
        aHeld.subList(0, 3).forEach(c -> {
            held.remove(c);
            c.close();
        });
        await().atMost(PATIENCE).until(() -> a.opener.size.get() == 3);

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10)).until(() -> {
            count(b);
            return b.stats().active() == 2;
        });
        b.fleet.read();
        assertThat(b.stats().fleet().share()).isEqualTo(3);
        assertThat(wantingCounters()).as("b at its maxSize of 2, under its share of 3, with a caller still waiting").isZero();
    }

    @Test
    void aCountThatShowsTheFleetOverItsBudgetMakesAnInstanceAboveItsShareGiveBackDownToTheBudget() {
        ConnectionPool<FakeConnection> a = instance(6);
        List<PooledConnection<FakeConnection>> borrowed = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            borrowed.add(a.acquire());
        }
        borrowed.forEach(PooledConnection::close);
        assertThat(a.stats().total()).isEqualTo(4);

        // Another instance's racing opens put the fleet one over the budget: 3 of its own + a's 4.
        // Nobody waits for a share, so only the overshoot itself can make a give back.
        server.connect("ef/orders/racer/c");
        for (int i = 0; i < 3; i++) {
            server.connect("ef/orders/racer/p");
        }

        await().atMost(PATIENCE).until(() -> a.stats().total() == 3);
        assertThat(a.stats().fleet()).isEqualTo(new FleetStats(6, 6, 2, 3, true));
    }

    /** One count and what follows it, as the schedule would run it. */
    private static void count(ConnectionPool<FakeConnection> pool) {
        pool.fleet.read();
        pool.opener.fill();
    }

    private long wantingCounters() {
        return server.connections.values().stream().filter(n -> n.endsWith("/w")).count();
    }
}
