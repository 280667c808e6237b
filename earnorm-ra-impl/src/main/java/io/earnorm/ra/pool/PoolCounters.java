package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.PoolStats;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/** A pool's lifetime counters and the stats snapshot built from them and from the entries. */
final class PoolCounters {

    final LongAdder created = new LongAdder();
    final LongAdder closed = new LongAdder();
    final LongAdder timeouts = new LongAdder();
    final LongAdder validationFailures = new LongAdder();
    final LongAdder leaks = new LongAdder();

    <C> PoolStats stats(ConnectionPool<C> pool) {
        long now = pool.clock.nanoTime();
        PoolEntry<C>[] es = pool.entries.snapshot();
        int gen = pool.lifecycle.generation();
        int active = 0;
        int idle = 0;
        int stale = 0;
        long idleSum = 0;
        long lifeSum = 0;
        for (PoolEntry<C> e : es) {
            long tag = PoolEntry.tag(e.state());
            if (tag == PoolEntry.IN_USE) {
                active++;
            } else if (tag == PoolEntry.IDLE) {
                idle++;
                idleSum += Math.max(0, now - e.lastUsedNanos);
            }
            lifeSum += Math.max(0, now - e.createdNanos);
            if (Lifetimes.returnReason(e, gen, now) != null) {
                stale++;
            }
        }
        int opening = pool.opener.handshaking.get();
        PoolConfig config = pool.config();
        return new PoolStats(pool.name, pool.backend.type(), pool.lifecycle.state(), es.length, active, idle, pool.queue.waiting(), opening,
                config.minSize(), config.maxSize(), created.sum(), closed.sum(), timeouts.sum(), validationFailures.sum(), leaks.sum(),
                Duration.ofNanos(idle == 0 ? 0 : idleSum / idle), Duration.ofNanos(es.length == 0 ? 0 : lifeSum / es.length), stale,
                pool.fleet.stats(pool.opener.size.get()));
    }
}
