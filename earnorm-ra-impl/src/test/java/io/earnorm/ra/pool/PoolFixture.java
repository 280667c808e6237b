package io.earnorm.ra.pool;

import org.junit.jupiter.api.AfterEach;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/** What the pool core's unit tests share: a fake backend, a movable clock, a recording listener, and cleanup. */
abstract class PoolFixture {

    /** How long a test waits for something the pool does in the background; a bound, never a measurement. */
    static final Duration PATIENCE = Duration.ofSeconds(10);

    final FakeBackend backend = new FakeBackend();
    final TestClock clock = new TestClock();
    final RecordingListener events = new RecordingListener();
    private final List<ConnectionPool<FakeConnection>> pools = new CopyOnWriteArrayList<>();

    ConnectionPool<FakeConnection> pool(PoolConfig.Builder config) {
        return pool("test", config);
    }

    /** A pool made ready as the SE builders and the JCA layer make theirs: {@code ready()} right after construction. */
    ConnectionPool<FakeConnection> pool(String name, PoolConfig.Builder config) {
        ConnectionPool<FakeConnection> pool = pausedPool(name, config);
        pool.ready();
        return pool;
    }

    /** A pool as its constructor leaves it: paused, waiting for {@code init()}. */
    ConnectionPool<FakeConnection> pausedPool(String name, PoolConfig.Builder config) {
        ConnectionPool<FakeConnection> pool = new ConnectionPool<>(name, backend, config.build(), clock, List.of(events));
        pools.add(pool);
        return pool;
    }

    /** A config whose background timers stay out of a test's way unless it asks for them. */
    static PoolConfig.Builder config() {
        return PoolConfig.builder().acquireTimeout(Duration.ofSeconds(5));
    }

    static void eventually(Runnable assertion) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(5)).untilAsserted(assertion::run);
    }

    @AfterEach
    void closePools() {
        pools.forEach(ConnectionPool::close);
    }
}
