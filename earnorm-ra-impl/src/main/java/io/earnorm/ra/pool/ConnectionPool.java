package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.CloseReason;
import io.earnorm.ra.api.pool.ObservedPool;
import io.earnorm.ra.api.pool.PoolHistory;
import io.earnorm.ra.api.pool.PoolListener;
import io.earnorm.ra.api.pool.PoolMetrics;
import io.earnorm.ra.api.pool.PoolRegistry;
import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.api.pool.PoolStats;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The pool core: one generic pool of physical connections over a {@link Backend}, and the
 * coordinator of the parts that do the work: the idle store ({@link Entries}), the one FIFO wait
 * queue ({@link WaitQueue}), the {@link Opener} with its maxConnecting limit, the
 * {@link Housekeeper}, {@link AsyncAcquire}, the {@link Lifecycle} of states and generations, the
 * {@link Lifetimes} rules, the error text ({@link PoolErrors}) and, with {@code fleetMaxSize}, the
 * {@link FleetBudget} shared with the pool's other instances.
 *
 * <h2>How a borrow works</h2>
 * When nobody waits, a borrower claims an idle entry with one compare-and-set and returning is one
 * compare-and-set back: no lock, no allocation beyond the {@link PooledConnection} handle. When
 * anyone waits, a newcomer queues behind, and whoever frees a connection (a return, a newly opened
 * connection, a keepalive that passed) hands it to the head of the queue directly: a newer acquire
 * is never served before an older one still waiting. A connection that is stale, past its
 * maxLifetime or idle past idleTimeout is closed at checkout, never lent. No lock is held while a
 * connection is opened, validated or closed.
 *
 * <h2>States</h2>
 * A pool starts paused; {@link #init()} (or {@link #ready()}) makes it ready and fills minSize;
 * before that an acquire fails at once ({@link io.earnorm.ra.api.pool.PoolNotReadyException}).
 *
 * @param <C> the physical connection
 */
public final class ConnectionPool<C> implements Pool<PooledConnection<C>>, ObservedPool {

    private static final System.Logger LOG = System.getLogger(ConnectionPool.class.getName());

    final String name;
    final Backend<C> backend;
    private final PoolConfig config;
    final PoolClock clock;
    final Listeners listeners = new Listeners();
    final PoolRecorder recorder;
    final PoolCounters counters = new PoolCounters();
    final Lifetimes lifetimes;
    final PoolErrors errors;
    final ScheduledThreadPoolExecutor executor;
    final Lifecycle lifecycle;
    final Entries<C> entries = new Entries<>();
    final WaitQueue<C> queue = new WaitQueue<>();
    final Opener<C> opener;
    final Housekeeper<C> housekeeper;
    private final AsyncAcquire<C> async;
    private final BlockingAcquire<C> blocking;
    final HandOff<C> handOff;
    final Closer<C> closer;
    final Validator<C> validator;

    private final long acquireTimeoutNanos;
    final long validationTimeoutNanos;
    private final long leakNanos;
    final boolean validateOnBorrow;
    final boolean testOnReturn;
    private final ScheduledFuture<?> housekeeping;
    final HistorySampler sampler;
    final FleetBudget<C> fleet;

    /** Creates a paused pool and starts its background work; {@link #init()} makes it ready. */
    public ConnectionPool(String name, Backend<C> backend, PoolConfig config, PoolListener... listeners) {
        this(name, backend, config, PoolClock.SYSTEM, List.of(listeners));
    }

    ConnectionPool(String name, Backend<C> backend, PoolConfig config, PoolClock clock, List<PoolListener> initialListeners) {
        this.name = PoolErrors.requireName(name);
        this.backend = Objects.requireNonNull(backend, "backend");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        PoolRecorder.HistoryOptions history = PoolRecorder.HistoryOptions.fromSystemProperties();
        this.recorder = listeners.recordStateChangesTo(PoolRecorders.create(clock::nanoTime, clock::currentTimeMillis, history));
        initialListeners.forEach(listeners::add);
        this.acquireTimeoutNanos = config.acquireTimeout().toNanos();
        this.validationTimeoutNanos = config.validationTimeout().toNanos();
        this.leakNanos = config.leakDetectionThreshold().toNanos();
        this.validateOnBorrow = config.validateOnBorrow();
        this.testOnReturn = config.testOnReturn();
        this.lifetimes = new Lifetimes(config);
        this.errors = new PoolErrors(name, backend, config.maxSize(), this::stats);

        this.executor = PoolThreads.executor(name, config.maxConnecting());
        this.opener = new Opener<>(this, config);
        this.lifecycle = new Lifecycle(name, listeners, executor, config.probeInterval().toNanos(), opener::probeQuietly);
        this.housekeeper = new Housekeeper<>(this, config);
        this.async = new AsyncAcquire<>(this);
        this.blocking = new BlockingAcquire<>(this);
        this.handOff = new HandOff<>(this);
        this.closer = new Closer<>(this);
        this.validator = new Validator<>(this);
        this.fleet = FleetBudget.of(this, config);
        long period = Housekeeper.periodNanos(config);
        this.housekeeping = executor.scheduleWithFixedDelay(housekeeper::runQuietly, period, period, TimeUnit.NANOSECONDS);
        this.sampler = new HistorySampler(this, executor, history);

        LOG.log(Level.INFO, () -> "pool '" + name + "' created for " + backend.type() + " at " + backend.describe() + " (" + config + ")");
        this.listeners.poolCreated(name, config.toString());
        PoolRegistry.global().register(this);
    }

    // ------------------------------------------------------------------ the seed's protocol

    @Override
    public String name() {
        return name;
    }

    @Override
    public String backendType() {
        return backend.type();
    }

    /** The backend this pool opens connections with. */
    public Backend<C> backend() {
        return backend;
    }

    @Override
    public PoolConfig config() {
        return config;
    }

    @Override
    public PoolState state() {
        return lifecycle.state();
    }

    /** The failure that paused the pool, or {@code null} while it is ready. */
    public Throwable pauseCause() {
        return lifecycle.pauseCause();
    }

    /**
     * Makes a new pool ready ({@code poolReady}), starts filling minSize, then borrows
     * {@code max(minSize, 1)} connections and gives them back, so that the first failure (a wrong
     * address or password) reaches this caller with its cause.
     */
    @Override
    public void init() {
        if (!lifecycle.initialized()) {
            becomeReady();
        }
        int target = Math.max(config.minSize(), 1);
        Duration wait = acquireTimeoutNanos > 0 ? config.acquireTimeout() : config.validationTimeout();
        List<PooledConnection<C>> held = new ArrayList<>(target);
        try {
            while (held.size() < target) {
                held.add(acquire(wait));
            }
        } finally {
            held.forEach(PooledConnection::close);
        }
    }

    @Override
    public PooledConnection<C> acquire() {
        return acquire(acquireTimeoutNanos);
    }

    @Override
    public PooledConnection<C> acquire(Duration timeout) {
        return acquire(PoolErrors.timeoutNanos(timeout));
    }

    private PooledConnection<C> acquire(long timeoutNanos) {
        // Kept tiny so that it inlines into the caller: the handle then never escapes a
        // try-with-resources block and costs no allocation.
        PoolEntry<C> e = borrow(timeoutNanos);
        return new PooledConnection<>(e, e.state());
    }

    /** Everything of an acquire but making the handle: returns an entry the caller owns, IN_USE. */
    private PoolEntry<C> borrow(long timeoutNanos) {
        long start = clock.nanoTime();
        listeners.checkOutStarted(name);
        PoolEntry<C> e;
        long now = start;
        if (!lifecycle.isReady() || queue.waiting() != 0 || (e = claimLendable(start)) == null
                || !validator.fitToLend(e, start, start + timeoutNanos)) {
            e = blocking.acquire(start, timeoutNanos);
            now = clock.nanoTime();
        }
        markBorrowed(e, start, now);
        return e;
    }

    @Override
    public CompletionStage<PooledConnection<C>> acquireAsync() {
        return async.acquire(acquireTimeoutNanos);
    }

    @Override
    public CompletionStage<PooledConnection<C>> acquireAsync(Duration timeout) {
        return async.acquire(PoolErrors.timeoutNanos(timeout));
    }

    @Override
    public void release(PooledConnection<C> connection) {
        Objects.requireNonNull(connection, "connection");
        if (connection.entry().pool != this) {
            throw errors.foreign(connection);
        }
        connection.close();
    }

    /** True when {@code connection} was borrowed from this pool. */
    public boolean owns(PooledConnection<?> connection) {
        return connection.entry().pool == this;
    }

    @Override
    public void clear() {
        clear(null, false);
    }

    /** As {@link #clear(Throwable, boolean)}, leaving connections in use to their holders until they come back. */
    public void clear(Throwable cause) {
        clear(cause, false, -1);
    }

    /**
     * Retires the current generation of connections and pauses the pool because of {@code cause}
     * (a backend failure, or {@code null} when an operator asked for it): idle ones close now, in-use
     * ones when they come back or, with {@code interruptInUse}, now too (their holders get
     * {@link io.earnorm.ra.api.pool.ConnectionClosedException} at their next use), and opens in
     * flight are abandoned. Waiters fail at once; a background probe turns the pool ready again.
     * Clearing a paused or closed pool changes nothing and emits nothing.
     */
    public void clear(Throwable cause, boolean interruptInUse) {
        clear(cause, interruptInUse, -1);
    }

    /** Clears only while {@code failedGeneration} (any when negative) is current: one outage, one clear. */
    void clear(Throwable cause, boolean interruptInUse, int failedGeneration) {
        int retired = lifecycle.clear(cause, failedGeneration);
        if (retired < 0) {
            return;
        }
        LOG.log(Level.WARNING, () -> "pool '" + name + "' cleared connection generation " + retired + " and paused"
                + (cause == null ? " on request" : " because " + backend.type() + " at " + backend.describe() + " failed: " + cause)
                + "; acquires fail fast until a probe succeeds");
        queue.failAll(() -> errors.unavailable(cause));
        closer.retireGeneration(retired, interruptInUse);
        if (interruptInUse) {
            opener.abandon(retired);
        }
    }

    /** Makes a paused pool ready at once: a new pool without proving the backend first, a cleared one without waiting for the probe. */
    @Override
    public void ready() {
        becomeReady();
    }

    @Override
    public void addListener(PoolListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(PoolListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        if (!lifecycle.close()) {
            return;
        }
        housekeeping.cancel(false);
        sampler.stop();
        fleet.close();
        queue.failAll(() -> errors.closed());
        closer.closeIdleNow();
        // Opens already running finish, see the pool closed and close what they opened.
        executor.shutdown();
        try {
            backend.shutdown();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "pool '" + name + "': releasing the " + backend.type() + " backend failed", e);
        }
        LOG.log(Level.INFO, () -> "pool '" + name + "' closed");
        listeners.poolClosed(name);
        PoolRegistry.global().unregister(this);
    }

    @Override
    public PoolStats stats() {
        return counters.stats(this);
    }

    @Override
    public PoolMetrics metrics() {
        return recorder.snapshot(stats());
    }

    @Override
    public PoolHistory history() {
        return recorder.history();
    }

    @Override
    public String address() {
        return backend.describe();
    }

    @Override
    public String toString() {
        return "ConnectionPool[" + name + ", " + backend.type() + " at " + backend.describe() + ", " + lifecycle.state() + "]";
    }

    // ------------------------------------------------------------------ borrowing

    /**
     * Claims an idle entry that may be lent, closing on the way those that are stale, past their
     * lifetime or idle too long ({@link Lifetimes#retirementReason}); {@code null} when none is idle.
     */
    PoolEntry<C> claimLendable(long now) {
        for (;;) {
            PoolEntry<C> e = entries.claimIdle();
            if (e == null) {
                return null;
            }
            CloseReason reason = lifetimes.retirementReason(e, lifecycle.generation(), now, entries.size());
            if (reason == null) {
                return e;
            }
            closer.retire(e, reason, null);
        }
    }

    void markBorrowed(PoolEntry<C> e, long start, long now) {
        e.borrowedNanos = now;
        if (leakNanos != 0) {
            e.borrowRecord = new PoolEntry.BorrowRecord(e.state(), now, new Throwable("connection #" + e.id + " of pool '" + name + "' was borrowed here"));
        }
        // Timed when the connection comes back: recording here would grow the borrow path past
        // what the JIT inlines into the caller, and the handle would then be allocated.
        e.waitNanos = now - start;
        listeners.checkedOut(name, e.id, now - start);
    }

    RuntimeException checkOutFailed(RuntimeException error, long start) {
        listeners.checkOutFailed(name, PoolErrors.reasonOf(error), clock.nanoTime() - start);
        return error;
    }

    boolean isStale(PoolEntry<C> e) {
        return Lifetimes.returnReason(e, lifecycle.generation(), clock.nanoTime()) != null;
    }

    RuntimeException handleEnded(PoolEntry<C> e, long borrowState) {
        return errors.handleEnded(e, borrowState);
    }

    /** Called by a borrower that saw its connection fail; a server-down error pauses the pool. */
    void connectionFailed(PoolEntry<C> e, Throwable cause) {
        e.broken = true;
        e.brokenCause = cause;
        if (cause != null && backend.isServerUnavailable(cause)) {
            clear(cause, false, e.generation);
        }
    }

    // ------------------------------------------------------------------ pausing

    void becomeReady() {
        if (!lifecycle.makeReady()) {
            return;
        }
        LOG.log(Level.INFO, () -> "pool '" + name + "' is ready: " + backend.type() + " at " + backend.describe());
        opener.refillNow();
        opener.fill();
    }

    /** One housekeeping pass, for tests. */
    void housekeep() {
        housekeeper.run();
    }

}
