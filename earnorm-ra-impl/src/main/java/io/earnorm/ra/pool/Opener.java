package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.CloseReason;
import io.earnorm.ra.api.pool.ConnectionOpenException;
import io.earnorm.ra.api.pool.PoolState;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opens connections on the pool's threads, at most {@code maxConnecting} at a time, while there is
 * demand (more waiters than connections idle or being opened, or fewer than minSize) and room
 * under maxSize and, with a fleet budget, the {@link FleetBudget} allows it. It owns the capacity count: {@link #size} is open entries plus connections being
 * opened or closed, so maxSize caps real sockets. A new connection goes to the head waiter
 * directly. A clear that interrupts abandons the opens in flight: they are reported closed (STALE)
 * at once, their threads interrupted, and whatever they still open is closed without joining.
 */
final class Opener<C> {

    private static final System.Logger LOG = System.getLogger(Opener.class.getName());

    /** One open in flight; {@code settled} decides once between its outcome and its abandonment. */
    private static final class Opening {
        final long id;
        final int generation;
        final Thread thread = Thread.currentThread();
        final AtomicBoolean settled = new AtomicBoolean();
        /** Set by an abandonment once its interrupt was sent, so the open can clear it and no later task of the thread sees it. */
        volatile boolean interruptSent;

        Opening(long id, int generation) {
            this.id = id;
            this.generation = generation;
        }
    }

    private final ConnectionPool<C> pool;
    private final int minSize;
    private final int maxSize;
    private final int maxConnecting;
    private final long probeNanos;
    /** Open entries plus connections being opened or closed: what maxSize caps. */
    final AtomicInteger size = new AtomicInteger();
    final AtomicInteger opening = new AtomicInteger();
    /**
     * Opens between the call to the backend and the moment the connection joins the entries (or
     * fails): what {@code stats().opening()} reports. {@link #opening} stays up longer, until the
     * waiter the connection was for is served, so it would count a connection twice.
     */
    final AtomicInteger handshaking = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong();
    private final Set<Opening> inFlight = ConcurrentHashMap.newKeySet();
    /** After a failed open, refilling to minSize waits for the next housekeeping run rather than retrying at once. */
    private volatile long refillNotBefore;

    Opener(ConnectionPool<C> pool, PoolConfig config) {
        this.pool = pool;
        this.minSize = config.minSize();
        this.maxSize = config.maxSize();
        this.maxConnecting = config.maxConnecting();
        this.probeNanos = config.probeInterval().toNanos();
        this.refillNotBefore = pool.clock.nanoTime();
    }

    /** Lets refilling to minSize start at once again (the pool turned ready). */
    void refillNow() {
        refillNotBefore = pool.clock.nanoTime();
    }

    /** Starts opens in the background while there is demand and room. */
    void fill() {
        for (;;) {
            if (!pool.lifecycle.isReady()) {
                return;
            }
            int o = opening.get();
            int s = size.get();
            int w = pool.queue.waiting();
            // Each connection being opened, and each idle one, will serve one waiter.
            boolean demand = w > o && w > o + pool.entries.idleCount();
            boolean belowMin = s < minSize && pool.clock.nanoTime() - refillNotBefore >= 0;
            if (!demand && !belowMin || o >= maxConnecting || s >= maxSize) {
                return;
            }
            if (!size.compareAndSet(s, s + 1)) {
                continue;
            }
            if (!pool.fleet.mayOpen(s)) {
                size.decrementAndGet();
                return;
            }
            if (!opening.compareAndSet(o, o + 1)) {
                size.decrementAndGet();
                continue;
            }
            if (!start(false)) {
                return;
            }
        }
    }

    /** The probe of a paused pool, run by its {@link Lifecycle}: never throws. */
    void probeQuietly() {
        try {
            if (pool.lifecycle.state() == PoolState.PAUSED) {
                probe();
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "pool '" + pool.name + "': probe failed unexpectedly", e);
        }
    }

    /** The probe of a paused pool: one open, when nothing is being opened and there is room. */
    void probe() {
        int s = size.get();
        if (s >= maxSize || opening.get() > 0 || !size.compareAndSet(s, s + 1)) {
            return;
        }
        if (!pool.fleet.mayOpen(s)) {
            size.decrementAndGet();
            return;
        }
        opening.incrementAndGet();
        start(true);
    }

    private boolean start(boolean probing) {
        try {
            pool.executor.execute(() -> open(probing));
            return true;
        } catch (RejectedExecutionException closing) {
            opening.decrementAndGet();
            size.decrementAndGet();
            return false;
        }
    }

    /** Opens one connection for a slot already counted in size and opening. */
    private void open(boolean probing) {
        Opening o = new Opening(ids.incrementAndGet(), pool.lifecycle.generation());
        inFlight.add(o);
        pool.listeners.connectionCreated(pool.name, o.id);
        long begin = pool.clock.nanoTime();
        C c;
        handshaking.incrementAndGet();
        try {
            c = pool.backend.open();
            if (c == null) {
                throw new IllegalStateException("backend " + pool.backend.type() + " opened a null connection");
            }
        } catch (Throwable t) {
            handshaking.decrementAndGet();
            inFlight.remove(o);
            size.decrementAndGet();
            if (o.settled.compareAndSet(false, true)) {
                failed(o, t, probing);
            } else {
                consumeInterrupt(o);
            }
            // Counted as opening until the waiter it was for has been failed: a fill in between
            // would otherwise open another connection for that same waiter.
            opening.decrementAndGet();
            if (!probing && pool.queue.waiting() > 0) {
                fill();
            }
            return;
        }
        inFlight.remove(o);
        if (!o.settled.compareAndSet(false, true)) {
            // Abandoned by a clear while it opened: already reported closed.
            consumeInterrupt(o);
            handshaking.decrementAndGet();
            pool.closer.closePhysically(c, o.id);
            size.decrementAndGet();
            opening.decrementAndGet();
            return;
        }
        long now = pool.clock.nanoTime();
        PoolEntry<C> e = new PoolEntry<>(pool, o.id, c, o.generation, now, pool.clock.currentTimeMillis(),
                pool.lifetimes.lifetimeWithJitter(), pool.recorder.connectionOpened(now - begin));
        pool.counters.created.increment();
        pool.listeners.connectionReady(pool.name, o.id, now - begin);
        // The handshake count drops before the entry is published: stats() reads the entries first, so never counts it twice.
        if (!pool.lifecycle.admit(e.generation, probing, handshaking::decrementAndGet, () -> pool.entries.add(e))) {
            e.set(PoolEntry.REMOVED);
            pool.closer.retire(e, pool.lifecycle.isClosed() ? CloseReason.POOL_CLOSED : CloseReason.STALE, null);
            opening.decrementAndGet();
            return;
        }
        if (probing) {
            pool.becomeReady();
        }
        e.markInUse();
        pool.handOff.passOn(e);
        // Only now, with the waiter served (or the connection idle), does it stop counting as opening.
        opening.decrementAndGet();
        pool.handOff.serveWaiters();
        fill();
    }

    /** A failed open: a server-down error clears the pool first (poolCleared), then the connection is reported closed. */
    private void failed(Opening o, Throwable t, boolean probing) {
        boolean serverDown = !probing && pool.backend.isServerUnavailable(t);
        if (probing) {
            LOG.log(Level.DEBUG, () -> "pool '" + pool.name + "': " + pool.backend.type() + " at " + pool.backend.describe() + " still unavailable: " + t);
        } else {
            refillNotBefore = pool.clock.nanoTime() + probeNanos;
            if (serverDown) {
                pool.clear(t, false, o.generation);
            }
        }
        pool.counters.closed.increment();
        pool.recorder.connectionClosed(null, CloseReason.ERROR);
        pool.listeners.connectionClosed(pool.name, o.id, CloseReason.ERROR, t);
        if (!probing && !serverDown) {
            LOG.log(Level.WARNING, () -> "pool '" + pool.name + "' could not open a connection to " + pool.backend.type() + " at "
                    + pool.backend.describe() + ": " + t);
            pool.queue.failOldest(new ConnectionOpenException(pool.name, "could not open a connection to " + pool.backend.type() + " at "
                    + pool.backend.describe() + ": " + t.getMessage(), t));
        }
    }

    /** Waits for the interrupt an abandonment sends this thread, then clears it: it was meant for this open only. */
    private static void consumeInterrupt(Opening o) {
        while (!o.interruptSent) {
            Thread.onSpinWait();
        }
        Thread.interrupted();
    }

    /** Abandons the opens of {@code retired} and older: reported closed now, their threads interrupted. */
    void abandon(int retired) {
        for (Opening o : inFlight) {
            if (o.generation <= retired && o.settled.compareAndSet(false, true)) {
                pool.counters.closed.increment();
                pool.recorder.connectionClosed(null, CloseReason.STALE);
                pool.listeners.connectionClosed(pool.name, o.id, CloseReason.STALE, null);
                o.thread.interrupt();
                o.interruptSent = true;
            }
        }
    }
}
