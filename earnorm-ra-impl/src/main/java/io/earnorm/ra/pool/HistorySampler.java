package io.earnorm.ra.pool;

import java.lang.System.Logger.Level;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Takes the pool's history samples on one of its threads, every {@link PoolRecorder.HistoryOptions#interval()}:
 * the stats snapshot handed to the {@link PoolRecorder}, which keeps the ring. Nothing of it is on
 * the borrow path.
 */
final class HistorySampler {

    private static final System.Logger LOG = System.getLogger(HistorySampler.class.getName());

    private final ConnectionPool<?> pool;
    private final ScheduledFuture<?> task;

    HistorySampler(ConnectionPool<?> pool, ScheduledExecutorService executor, PoolRecorder.HistoryOptions history) {
        this.pool = pool;
        long every = history.interval().toNanos();
        this.task = executor.scheduleAtFixedRate(this::sampleQuietly, every, every, TimeUnit.NANOSECONDS);
    }

    /** One sample now. */
    void sample() {
        pool.recorder.sample(pool.stats());
    }

    void stop() {
        task.cancel(false);
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "pool '" + pool.name() + "': taking a history sample failed", e);
        }
    }
}
