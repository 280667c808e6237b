package io.earnorm.ra.microprofile;

import io.earnorm.ra.api.pool.ObservedPool;
import io.earnorm.ra.api.pool.PoolListener;
import io.earnorm.ra.api.pool.PoolRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes every pool of the resource adapter (every pool in {@link PoolRegistry#global()}) in
 * the application's MicroProfile metric registry, tagged {@code pool} and {@code backend}: the
 * {@link PoolGauge}s, read at each scrape, and the {@link PoolTiming} timers, fed by the pool's
 * events. Pools that open later are added, pools that close are removed; when the application
 * stops, it stops listening.
 */
@ApplicationScoped
public class PoolMetricsPublisher {

    private final Map<ObservedPool, Published> published = new ConcurrentHashMap<>();
    private final PoolRegistry.Listener registryListener = new PoolRegistry.Listener() {
        @Override
        public void poolAdded(ObservedPool pool) {
            publish(pool);
        }

        @Override
        public void poolRemoved(ObservedPool pool) {
            withdraw(pool);
        }
    };

    @Inject
    MetricRegistry registry;

    /** Starts with the application, so that the pools show before the first request. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        PoolRegistry.global().addListener(registryListener);
    }

    @PreDestroy
    void stop() {
        PoolRegistry.global().removeListener(registryListener);
        List.copyOf(published.keySet()).forEach(this::withdraw);
    }

    /** The tags a pool's metrics carry. */
    public static Tag[] tagsOf(ObservedPool pool) {
        return new Tag[]{new Tag("pool", pool.name()), new Tag("backend", pool.backendType())};
    }

    private synchronized void publish(ObservedPool pool) {
        if (published.containsKey(pool)) {
            return;
        }
        Tag[] tags = tagsOf(pool);
        List<MetricID> ids = new ArrayList<>();
        for (PoolGauge gauge : PoolGauge.values()) {
            Metadata metadata = Metadata.builder().withName(gauge.metricName()).withDescription(gauge.description()).build();
            registry.gauge(metadata, pool, gauge::read, tags);
            ids.add(new MetricID(gauge.metricName(), tags));
        }
        Map<PoolTiming, Timer> timers = new ConcurrentHashMap<>();
        for (PoolTiming timing : PoolTiming.values()) {
            Metadata metadata = Metadata.builder().withName(timing.metricName()).withDescription(timing.description())
                    .withUnit(MetricUnits.NANOSECONDS).build();
            timers.put(timing, registry.timer(metadata, tags));
            ids.add(new MetricID(timing.metricName(), tags));
        }
        PoolListener feed = new TimerFeed(timers.get(PoolTiming.ACQUIRE_WAIT), timers.get(PoolTiming.IN_USE), timers.get(PoolTiming.OPEN));
        pool.addListener(feed);
        published.put(pool, new Published(feed, ids));
    }

    private synchronized void withdraw(ObservedPool pool) {
        Published p = published.remove(pool);
        if (p != null) {
            pool.removeListener(p.feed());
            p.ids().forEach(registry::remove);
        }
    }

    private record Published(PoolListener feed, List<MetricID> ids) {
    }

    /** One pool's timing events into its three timers. */
    private record TimerFeed(Timer acquireWait, Timer inUse, Timer open) implements PoolListener {

        @Override
        public void checkedOut(String pool, long connectionId, long waitNanos) {
            acquireWait.update(Duration.ofNanos(waitNanos));
        }

        @Override
        public void checkedIn(String pool, long connectionId, long heldNanos) {
            inUse.update(Duration.ofNanos(heldNanos));
        }

        @Override
        public void connectionReady(String pool, long connectionId, long openNanos) {
            open.update(Duration.ofNanos(openNanos));
        }
    }
}
