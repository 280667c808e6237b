package io.earnorm.ra.pool;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads named after their pool, so that a thread dump says whose work they do. */
final class PoolThreads implements ThreadFactory {

    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    /**
     * The scheduler of one pool. Opens are capped by maxConnecting, so two threads always remain
     * for deadlines, closes and validations; idle threads end after 30 s.
     */
    static ScheduledThreadPoolExecutor executor(String poolName, int maxConnecting) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(maxConnecting + 2, new PoolThreads(poolName));
        executor.setKeepAliveTime(30, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        return executor;
    }

    PoolThreads(String poolName) {
        this.prefix = "earnorm-pool-" + poolName + "-";
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread t = new Thread(task, prefix + count.incrementAndGet());
        t.setDaemon(true);
        // Not the creator's context class loader: in a server that may be an application's, which would leak.
        t.setContextClassLoader(PoolThreads.class.getClassLoader());
        return t;
    }
}
