package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.CloseReason;

import java.lang.System.Logger.Level;
import java.util.concurrent.RejectedExecutionException;

/**
 * Takes connections out of the pool: a retired connection leaves the idle store and is reported
 * closed ({@code connectionClosed}, with its reason) at the moment it is marked closed; its socket
 * is closed on a pool thread, and its slot counts against maxSize until then.
 */
final class Closer<C> {

    private static final System.Logger LOG = System.getLogger(Closer.class.getName());

    private final ConnectionPool<C> pool;

    Closer(ConnectionPool<C> pool) {
        this.pool = pool;
    }

    /**
     * Retires an entry the caller owns: out of the pool and reported closed now (the moment it is
     * marked closed), the socket closed on a pool thread. Its slot counts against maxSize until the
     * close is done, so the cap holds for real sockets; then the freed slot goes to whoever waits.
     */
    void retire(PoolEntry<C> e, CloseReason reason, Throwable cause) {
        pool.entries.remove(e);
        reportClosed(e, reason, cause);
        try {
            pool.executor.execute(() -> {
                closePhysically(e.connection, e.id);
                pool.opener.size.decrementAndGet();
                pool.opener.fill();
            });
        } catch (RejectedExecutionException closing) {
            closePhysically(e.connection, e.id);
            pool.opener.size.decrementAndGet();
        }
    }

    /** Reports an entry that left the pool closed, then closes it on the caller's thread. */
    void closeNow(PoolEntry<C> e, CloseReason reason, Throwable cause) {
        reportClosed(e, reason, cause);
        closePhysically(e.connection, e.id);
        pool.opener.size.decrementAndGet();
    }

    private void reportClosed(PoolEntry<C> e, CloseReason reason, Throwable cause) {
        pool.counters.closed.increment();
        pool.recorder.connectionClosed(e.recorder, reason);
        pool.listeners.connectionClosed(pool.name, e.id, reason, cause);
    }

    void closePhysically(C connection, long id) {
        try {
            pool.backend.close(connection);
        } catch (Exception | LinkageError x) {
            LOG.log(Level.DEBUG, () -> "pool '" + pool.name + "': closing connection #" + id + " failed: " + x);
        }
    }


    /**
     * Retires the idle connections of generation {@code retired} and older now and, with
     * {@code interruptInUse}, the ones in use too (their holders' handles refuse from then on).
     */
    void retireGeneration(int retired, boolean interruptInUse) {
        for (PoolEntry<C> e : pool.entries.snapshot()) {
            long s = e.state();
            if (e.generation > retired) {
                continue;
            }
            if (e.tryReserve() || interruptInUse && PoolEntry.tag(s) == PoolEntry.IN_USE && e.tryInterrupt(s)) {
                retire(e, CloseReason.STALE, null);
            }
        }
    }

    /** Closes every idle connection on the caller's thread, as the pool closes. */
    void closeIdleNow() {
        for (PoolEntry<C> e : pool.entries.snapshot()) {
            if (e.tryReserve()) {
                pool.entries.remove(e);
                closeNow(e, CloseReason.POOL_CLOSED, null);
            }
        }
    }
}
