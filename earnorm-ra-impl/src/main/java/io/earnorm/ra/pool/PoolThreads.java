package io.earnorm.ra.pool;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads named after their pool, so that a thread dump says whose work they do. */
final class PoolThreads implements ThreadFactory {

    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

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
