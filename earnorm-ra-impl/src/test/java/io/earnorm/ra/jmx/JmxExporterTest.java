package io.earnorm.ra.jmx;

import io.earnorm.ra.api.pool.PoolMXBean;
import io.earnorm.ra.api.pool.PoolRegistry;
import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.pool.Backend;
import io.earnorm.ra.pool.ConnectionPool;
import io.earnorm.ra.pool.PoolConfig;
import io.earnorm.ra.pool.PoolRecorder;
import io.earnorm.ra.pool.PooledConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class JmxExporterTest {

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final PoolRegistry registry = new PoolRegistry();
    private final List<ConnectionPool<Object>> pools = new ArrayList<>();

    @AfterEach
    void closePools() {
        pools.forEach(ConnectionPool::close);
    }

    @Test
    void eachPoolIsAnMXBeanWhileItIsOpenAndItsFiguresAreLive() throws Exception {
        ConnectionPool<Object> pool = pool("orders");
        registry.register(pool);
        JmxExporter exporter = JmxExporter.start(registry, server);
        ObjectName name = new ObjectName("io.earnorm.ra:type=Pool,backend=\"nothing\",name=\"orders\"");
        assertThat(exporter.nameOf(pool)).isEqualTo(name);
        PoolMXBean bean = JMX.newMXBeanProxy(server, name, PoolMXBean.class);

        PooledConnection<Object> held = pool.acquire();
        assertThat(bean.getActive()).isEqualTo(1);
        assertThat(bean.getMaxSize()).isEqualTo(3);
        assertThat(bean.getState()).isEqualTo("READY");
        assertThat(bean.getAddress()).isEqualTo("nowhere:0");
        held.close();
        assertThat(bean.getActive()).isZero();
        assertThat(bean.getIdle()).isEqualTo(1);
        assertThat(server.getAttribute(name, "Created")).isEqualTo(1L);

        bean.clear();
        assertThat(pool.state()).isEqualTo(PoolState.PAUSED);
        // The retired connection is closed in the background.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(bean.getClosedByReason()).containsEntry("STALE", 1L));

        registry.unregister(pool);
        assertThat(server.isRegistered(name)).isFalse();
        exporter.close();
    }

    @Test
    void theHistoryIsReadableAsCompositeDataByAnyJmxClient() throws Exception {
        ConnectionPool<Object> pool = pool("history");
        registry.register(pool);
        JmxExporter exporter = JmxExporter.start(registry, server);
        ObjectName name = exporter.nameOf(pool);
        pool.acquire().close();
        pool.clear();
        // The pool's own sampler takes the samples (every 50 ms here, see pool()).
        await().atMost(Duration.ofSeconds(10)).until(() -> ((CompositeData[]) server.getAttribute(name, "History")).length >= 2);

        CompositeData[] samples = (CompositeData[]) server.getAttribute(name, "History");
        assertThat(samples[0].getCompositeType().keySet()).contains("atEpochMillis", "state", "open", "inUse", "idle", "waiting",
                "acquires", "timeouts", "errors", "acquireP50Millis", "acquireP99Millis", "opened", "closedStale", "closedError");
        assertThat(java.util.Arrays.stream(samples).mapToLong(s -> (Long) s.get("acquires")).sum()).isEqualTo(1);
        assertThat(java.util.Arrays.stream(samples).mapToLong(s -> (Long) s.get("opened")).sum()).isEqualTo(1);
        CompositeData[] markers = (CompositeData[]) server.getAttribute(name, "HistoryMarkers");
        assertThat(markers).extracting(m -> m.get("kind")).containsExactly("READY", "CLEARED");
        assertThat(markers[1].get("detail")).isEqualTo("requested");
        assertThat(server.getAttribute(name, "HistoryIntervalMillis")).isEqualTo(50L);
        PoolMXBean bean = JMX.newMXBeanProxy(server, name, PoolMXBean.class);
        assertThat(bean.getHistory()).extracting(PoolMXBean.HistorySample::maxSize).containsOnly(3);
        exporter.close();
    }

    @Test
    void poolsOfTheSameNameGetAnInstanceKeyAndCloseUnregistersThemAll() throws Exception {
        JmxExporter exporter = JmxExporter.start(registry, server);
        ConnectionPool<Object> first = pool("twin");
        ConnectionPool<Object> second = pool("twin");
        registry.register(first);
        registry.register(second);

        assertThat(exporter.nameOf(second).getKeyProperty("instance")).isEqualTo("2");
        assertThat(server.queryNames(new ObjectName("io.earnorm.ra:type=Pool,*"), null)).hasSize(2);

        exporter.close();

        assertThat(server.queryNames(new ObjectName("io.earnorm.ra:type=Pool,*"), null)).isEmpty();
        registry.register(pool("after-close"));
        assertThat(server.queryNames(new ObjectName("io.earnorm.ra:type=Pool,*"), null)).as("no longer listening").isEmpty();
    }

    @Test
    void aPoolsFleetBudgetIsInJmx() throws Exception {
        // NothingBackend cannot count connections on a server: the pool keeps to fleetMaxSize / instances.
        ConnectionPool<Object> pool = new ConnectionPool<>("fleet", new NothingBackend(),
                PoolConfig.builder().maxSize(3).fleetMaxSize(6).instances(3).build());
        pools.add(pool);
        pool.ready();
        registry.register(pool);
        JmxExporter exporter = JmxExporter.start(registry, server);
        PoolMXBean bean = JMX.newMXBeanProxy(server, exporter.nameOf(pool), PoolMXBean.class);

        PooledConnection<Object> held = pool.acquire();
        assertThat(bean.getFleetBudget()).isEqualTo(6);
        assertThat(bean.getFleetShare()).isEqualTo(2);
        assertThat(bean.getFleetInstances()).isEqualTo(1);
        assertThat(bean.getFleetConnections()).isEqualTo(1);
        assertThat(bean.isFleetCounted()).isFalse();
        held.close();
        assertThat(server.getAttribute(exporter.nameOf(pool), "FleetBudget")).isEqualTo(6);
    }

    private ConnectionPool<Object> pool(String name) {
        System.setProperty(PoolRecorder.HistoryOptions.INTERVAL_PROPERTY, "50ms");
        ConnectionPool<Object> pool;
        try {
            pool = new ConnectionPool<>(name, new NothingBackend(),
                    PoolConfig.builder().minSize(0).maxSize(3).probeInterval(Duration.ofSeconds(30)).build());
        } finally {
            System.clearProperty(PoolRecorder.HistoryOptions.INTERVAL_PROPERTY);
        }
        pools.add(pool);
        pool.ready();
        return pool;
    }

    /** Connections that are plain objects. */
    private static final class NothingBackend implements Backend<Object> {

        @Override
        public String type() {
            return "nothing";
        }

        @Override
        public String describe() {
            return "nowhere:0";
        }

        @Override
        public Object open() {
            return new Object();
        }

        @Override
        public boolean validate(Object connection, Duration timeout) {
            return true;
        }

        @Override
        public void close(Object connection) {
        }
    }
}
