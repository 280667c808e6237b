package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.CloseReason;
import io.earnorm.ra.api.pool.FleetStats;

import java.lang.System.Logger.Level;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fleet budget of one pool instance ({@code fleetMaxSize}): the most connections that all
 * instances of the pool (other application servers running it against the same server) may hold
 * together, kept by counting them on the server itself through the backend's {@link PeerCounter},
 * with no coordinator. The {@link Opener} asks {@link #mayOpen} before each open; the return path
 * asks {@link #shouldShrink}.
 *
 * <h2>The rule</h2>
 * <ul>
 *   <li>An instance opens only while the fleet's count (the others' connections at the last read,
 *       plus its own as it holds them now) is under the budget.</li>
 *   <li>Each instance is entitled to its share, budget / instances seen (an instance is seen by its
 *       counting connection, even while it holds no pooled connection). Above its share an
 *       instance may use what the others leave free; when another instance is below its share with
 *       callers waiting and the fleet full, that instance says so in its counting connection's name
 *       ({@link FleetTag#counterName}) until it holds its share or no caller waits, and every instance above its share stops opening and gives
 *       connections back (idle ones at once, borrowed ones as they return, closed with
 *       {@link CloseReason#FLEET_SHARE}) down to its share. So a busy instance cannot starve a new
 *       one, and no capacity sits unused while only one instance needs it.</li>
 *   <li>The count is read every {@code fleetInterval}, and sooner (at most every tenth of it) while
 *       a caller waits for a connection the budget refused. An instance that dies loses its
 *       connections with its sockets; the next read no longer sees it and the others' shares grow.</li>
 *   <li>Overshoot: after each read an instance opens at most its part of the room it saw (the room
 *       over the instances, rounded up) and never more than {@code maxConnecting} before it reads
 *       again, and it never has more than {@code maxConnecting} opens in flight, which the others
 *       cannot see yet. Instances that race for the same room may therefore together exceed the
 *       budget by at most instances x maxConnecting (fewer than instances when their reads agree),
 *       until the extra connections are given back: at the next read that sees the fleet over its
 *       budget, an instance above its share gives idle connections back (and borrowed ones as they
 *       return) down to the budget, never below its share.</li>
 *   <li>Before the first read nothing opens. When a read fails (the server refuses the count for
 *       lack of a privilege, or cannot be reached) or the backend cannot count at all, the instance
 *       keeps to a static share, budget / the {@code instances} option, and says so once in the
 *       log.</li>
 * </ul>
 */
final class FleetBudget<C> {

    private static final System.Logger LOG = System.getLogger(FleetBudget.class.getName());
    private static final long MIN_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final ConnectionPool<C> pool;
    private final int budget;
    private final int staticShare;
    private final int maxConnecting;
    private final int maxSize;
    private final long periodNanos;
    private final long gapNanos;
    private final FleetTag tag;
    private final PeerCounter counter;

    /** The last good count; {@code null} before the first read and after a failed one. */
    private volatile FleetView view;
    private volatile boolean firstReadDone;
    private volatile boolean failing;
    private volatile long lastReadNanos;
    /** The counting connection's name says this instance wants its share ({@code .../w}) since the last good read. */
    private volatile boolean signalledWanting;
    /** Opens left before the next read. */
    private final AtomicInteger credit = new AtomicInteger();
    /** A read is scheduled or running. */
    private final AtomicBoolean reading = new AtomicBoolean();
    private final ScheduledFuture<?> schedule;

    private FleetBudget(ConnectionPool<C> pool, PoolConfig config, FleetTag tag, PeerCounter counter) {
        this.pool = pool;
        this.budget = config.fleetMaxSize();
        this.staticShare = Math.max(1, budget / config.instances());
        this.maxConnecting = config.maxConnecting();
        this.maxSize = config.maxSize();
        this.periodNanos = config.fleetInterval().toNanos();
        this.gapNanos = Math.max(MIN_GAP_NANOS, periodNanos / 10);
        this.tag = tag;
        this.counter = counter;
        if (budget == 0) {
            this.schedule = null;
            return;
        }
        if (counter == null) {
            firstReadDone = true;
            failing = true;
            LOG.log(Level.WARNING, () -> "pool '" + pool.name + "': the " + pool.backend.type() + " backend cannot count connections on the server;"
                    + " fleetMaxSize=" + budget + " is kept as a static share of " + staticShare + " (fleetMaxSize / instances=" + config.instances() + ")");
        }
        this.schedule = counter == null ? null
                : pool.executor.scheduleWithFixedDelay(this::scheduledRead, 0, periodNanos, TimeUnit.NANOSECONDS);
    }

    /** The budget of a pool: none when fleetMaxSize is 0, else one that counts through the backend. */
    static <C> FleetBudget<C> of(ConnectionPool<C> pool, PoolConfig config) {
        if (config.fleetMaxSize() == 0) {
            return new FleetBudget<>(pool, config, null, null);
        }
        FleetTag tag = FleetTag.newInstance(pool.name);
        PeerCounter counter = pool.backend.joinFleet(tag);
        LOG.log(Level.INFO, () -> "pool '" + pool.name + "' joins fleet '" + tag.fleet() + "' as instance " + tag.instance()
                + " (fleetMaxSize=" + config.fleetMaxSize() + ", its connections named " + tag.connectionName() + ")");
        return new FleetBudget<>(pool, config, tag, counter);
    }

    /**
     * Asks to open one more connection while the instance holds {@code size} (open, opening and
     * closing); true takes one of the opens allowed until the next read.
     */
    boolean mayOpen(int size) {
        if (budget == 0) {
            return true;
        }
        FleetView v = view;
        if (v == null) {
            if (!firstReadDone) {
                readSoon();
                return false;
            }
            return size < staticShare;
        }
        if (size >= v.share(budget) && v.othersWanting() > 0) {
            return false; // a peer below its share waits: leave the room to it
        }
        if (v.othersConnections() + size >= budget) {
            readSoon();
            return false;
        }
        for (int c = credit.get(); c > 0; c = credit.get()) {
            if (credit.compareAndSet(c, c - 1)) {
                return true;
            }
        }
        readSoon();
        return false;
    }

    /**
     * True when a connection coming back should close, to leave room to a peer below its share. It
     * counts the open entries, not the capacity: connections already retired but still closing must
     * not make the instance shed more. On the return path: one final field read without a budget.
     */
    boolean shouldShrink() {
        if (budget == 0) {
            return false;
        }
        FleetView v = view;
        return v != null && excess(v, pool.entries.size()) > 0;
    }

    /**
     * Connections above what this instance may keep when it holds {@code size}: down to its share
     * while a peer below its share waits, else down to the budget, never below its share.
     */
    private int excess(FleetView v, int size) {
        int aboveShare = size - v.share(budget);
        return v.othersWanting() > 0 ? aboveShare : Math.min(aboveShare, v.othersConnections() + size - budget);
    }

    FleetStats stats(int size) {
        if (budget == 0) {
            return FleetStats.NONE;
        }
        FleetView v = view;
        return v == null ? new FleetStats(budget, size, 1, staticShare, false)
                : new FleetStats(budget, v.othersConnections() + size, v.instances(), v.share(budget), true);
    }

    void close() {
        if (schedule != null) {
            schedule.cancel(false);
        }
        if (counter != null) {
            try {
                counter.close();
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.DEBUG, () -> "pool '" + pool.name + "': closing the fleet's counting connection failed: " + e);
            }
        }
    }

    /** A caller waits for a connection the budget refused: reads again soon, at most every tenth of the interval. */
    private void readSoon() {
        if (counter == null || pool.queue.waiting() == 0 && firstReadDone || !reading.compareAndSet(false, true)) {
            return;
        }
        long delay = Math.max(0, lastReadNanos + gapNanos - pool.clock.nanoTime());
        try {
            pool.executor.schedule(this::readQuietly, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            reading.set(false);
        }
    }

    private void scheduledRead() {
        if (reading.compareAndSet(false, true)) {
            readQuietly();
        }
    }

    /** One read, by the thread that set {@link #reading}. */
    private void readQuietly() {
        try {
            read();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "pool '" + pool.name + "': counting the fleet failed unexpectedly", e);
        } finally {
            reading.set(false);
        }
        if (pool.lifecycle.isClosed()) {
            return;
        }
        shrinkIdle();
        // A caller still waiting for a connection the budget refuses makes the opener ask again, and so count again soon.
        pool.opener.fill();
    }

    void read() {
        lastReadNanos = pool.clock.nanoTime();
        FleetView before = view;
        int size = pool.opener.size.get();
        // Wanting starts when the fleet is full, and lasts while callers wait and the share is not
        // reached: dropping it as soon as some room shows would let a peer's next scheduled read see
        // no one wanting and take that room back, a period lost before the signal is seen again.
        // An instance whose maxSize is under its share wants no more than maxSize.
        boolean wanting = before != null && pool.queue.waiting() > 0 && size < Math.min(before.share(budget), maxSize)
                && (signalledWanting || before.othersConnections() + size >= budget);
        try {
            FleetView v = FleetView.of(counter.read(tag.counterName(wanting), tag.prefix()), tag);
            signalledWanting = wanting;
            credit.set(creditAfter(v, pool.opener.size.get()));
            view = v;
            firstReadDone = true;
            if (failing) {
                failing = false;
                LOG.log(Level.INFO, () -> "pool '" + pool.name + "': counting the fleet on the server works again: " + v.instances()
                        + " instance(s), share " + v.share(budget) + " of fleetMaxSize=" + budget);
            }
        } catch (Exception e) {
            view = null;
            signalledWanting = false;
            firstReadDone = true;
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, () -> "pool '" + pool.name + "': cannot count the fleet's connections on " + pool.backend.type() + " at "
                        + pool.backend.describe() + " (" + e + "); keeping to a static share of " + staticShare
                        + " (fleetMaxSize / instances) until a count succeeds");
            }
        }
    }

    /**
     * Opens allowed until the next read: the room left under the budget split among the instances
     * (rounded up), at most maxConnecting. Instances that read the same room at once then fill it
     * together rather than each alone, so they overshoot by fewer than instances connections.
     */
    private int creditAfter(FleetView v, int size) {
        int room = budget - v.othersConnections() - size;
        if (room <= 0) {
            return 0;
        }
        return Math.min(maxConnecting, (room + v.instances() - 1) / v.instances());
    }

    /**
     * Gives idle connections back while this instance holds more than its share and a peer below
     * its share waits (down to the share), or the fleet is over its budget (down to the budget, never
     * below the share): an overshoot of racing opens lasts one read, not until idleTimeout.
     */
    private void shrinkIdle() {
        FleetView v = view;
        if (v == null) {
            return;
        }
        int excess = excess(v, pool.entries.size());
        while (excess-- > 0) {
            PoolEntry<C> e = pool.entries.claimIdle();
            if (e == null) {
                return;
            }
            pool.closer.retire(e, CloseReason.FLEET_SHARE, null);
        }
    }
}
