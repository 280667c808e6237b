package io.earnorm.ra.pool;

import java.util.Arrays;

/**
 * The idle store: every open connection of a pool, idle or not, in a copy-on-write array. Claiming
 * an idle entry is a scan, starting where this thread last succeeded, and one compare-and-set; no
 * lock, no allocation. Adding and removing copy the array under this object's monitor.
 */
final class Entries<C> {

    private volatile PoolEntry<C>[] all;
    /** Per thread: the index where this thread last claimed an entry, to start its next scan there. */
    private final ThreadLocal<int[]> scanStart = ThreadLocal.withInitial(() -> new int[1]);

    @SuppressWarnings("unchecked")
    Entries() {
        this.all = (PoolEntry<C>[]) new PoolEntry<?>[0];
    }

    /** The entries now; a snapshot the caller may iterate while others change the store. */
    PoolEntry<C>[] snapshot() {
        return all;
    }

    int size() {
        return all.length;
    }

    /** Claims an idle entry (IDLE → IN_USE, new stamp), or returns {@code null} when none is idle. */
    PoolEntry<C> claimIdle() {
        PoolEntry<C>[] es = all;
        int n = es.length;
        if (n == 0) {
            return null;
        }
        int[] start = scanStart.get();
        int i = start[0];
        if (i >= n) {
            i = 0;
        }
        for (int k = 0; k < n; k++) {
            if (es[i].tryClaim() != -1) {
                start[0] = i;
                return es[i];
            }
            if (++i == n) {
                i = 0;
            }
        }
        return null;
    }

    synchronized void add(PoolEntry<C> e) {
        PoolEntry<C>[] next = Arrays.copyOf(all, all.length + 1);
        next[next.length - 1] = e;
        all = next;
    }

    /** Marks an entry the caller owns REMOVED and drops it from the store. */
    void remove(PoolEntry<C> e) {
        e.set(PoolEntry.REMOVED);
        synchronized (this) {
            PoolEntry<C>[] current = all;
            for (int i = 0; i < current.length; i++) {
                if (current[i] == e) {
                    PoolEntry<C>[] next = Arrays.copyOf(current, current.length - 1);
                    System.arraycopy(current, i + 1, next, i, current.length - i - 1);
                    all = next;
                    return;
                }
            }
        }
    }

    int idleCount() {
        int n = 0;
        for (PoolEntry<C> e : all) {
            if (PoolEntry.tag(e.state()) == PoolEntry.IDLE) {
                n++;
            }
        }
        return n;
    }
}
