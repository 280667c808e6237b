package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.CloseReason;
import io.earnorm.ra.api.pool.LatencySummary;
import io.earnorm.ra.api.pool.PoolMetrics;
import io.earnorm.ra.api.pool.PoolStats;

import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.LongSupplier;

/**
 * Finds the {@link PoolRecorder.Factory} on the pool core's class path once; without one, pools
 * record nothing but their stats.
 */
final class PoolRecorders {

    private static final System.Logger LOG = System.getLogger(PoolRecorders.class.getName());
    private static final PoolRecorder.Factory FACTORY = find();

    private PoolRecorders() {
    }

    static PoolRecorder create(LongSupplier nanoClock, LongSupplier epochMillisClock, PoolRecorder.HistoryOptions history) {
        return FACTORY.create(nanoClock, epochMillisClock, history);
    }

    private static PoolRecorder.Factory find() {
        try {
            Iterator<PoolRecorder.Factory> found = ServiceLoader.load(PoolRecorder.Factory.class, PoolRecorders.class.getClassLoader()).iterator();
            if (found.hasNext()) {
                return found.next();
            }
        } catch (ServiceConfigurationError e) {
            LOG.log(System.Logger.Level.WARNING, "no pool metrics: the pool recorder could not be loaded", e);
        }
        return (clock, wallClock, history) -> NONE;
    }

    /** Records nothing; its snapshot has the stats, zero counts and empty timings. */
    static final PoolRecorder NONE = new PoolRecorder() {
        private final ConnectionRecorder connection = (waitNanos, heldNanos) -> { };

        @Override
        public ConnectionRecorder connectionOpened(long openNanos) {
            return connection;
        }

        @Override
        public void connectionClosed(ConnectionRecorder c, CloseReason reason) {
        }

        @Override
        public PoolMetrics snapshot(PoolStats stats) {
            Map<CloseReason, Long> closed = new EnumMap<>(CloseReason.class);
            for (CloseReason r : CloseReason.values()) {
                closed.put(r, 0L);
            }
            return new PoolMetrics(stats, closed, 0, LatencySummary.EMPTY, LatencySummary.EMPTY, LatencySummary.EMPTY);
        }
    };
}
