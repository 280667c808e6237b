package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.AcquireInterruptedException;
import io.earnorm.ra.api.pool.AcquireTimeoutException;
import io.earnorm.ra.api.pool.BackendUnavailableException;
import io.earnorm.ra.api.pool.CheckOutFailureReason;
import io.earnorm.ra.api.pool.CloseReason;
import io.earnorm.ra.api.pool.ConnectionClosedException;
import io.earnorm.ra.api.pool.ConnectionOpenException;
import io.earnorm.ra.api.pool.IllegalReleaseException;
import io.earnorm.ra.api.pool.PoolClosedException;
import io.earnorm.ra.api.pool.PoolExhaustedException;
import io.earnorm.ra.api.pool.ObservedPool;
import io.earnorm.ra.api.pool.PoolListener;
import io.earnorm.ra.api.pool.PoolMetrics;
import io.earnorm.ra.api.pool.PoolRegistry;
import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.api.pool.PoolStats;
import io.earnorm.ra.metrics.PoolMetricsRecorder;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * The pool core: one generic pool of physical connections over a {@link Backend}.
 *
 * <h2>How a borrow works</h2>
 * Idle connections sit in a copy-on-write array. A borrower scans it, starting where it last
 * succeeded, and claims an entry with one compare-and-set; returning is a check of the borrow's
 * stamp and one compare-and-set back. Neither takes a lock or allocates beyond the
 * {@link PooledConnection} handle. When nothing is idle the borrower joins a FIFO queue; whoever
 * frees a connection (a return, a newly opened connection, a keepalive that passed) hands it to the
 * head of the queue directly, so waiters are served in order and no newcomer barges ahead of them.
 * Capacity is counted in one atomic (open + being opened), so {@code maxSize} is a hard cap, and
 * connections are opened on the pool's threads, at most {@code maxConnecting} at a time, for as
 * long as there are more waiters than connections being opened. No lock is held while a connection
 * is opened, validated or closed.
 *
 * <h2>Background work</h2>
 * One small scheduler per pool (daemon threads named after the pool) refills to {@code minSize},
 * retires idle, expired and stale connections, runs keepalive and leak checks, opens connections,
 * enforces the deadlines of asynchronous acquires and probes a paused pool. {@link #close()} stops it.
 *
 * @param <C> the physical connection
 */
public final class ConnectionPool<C> implements Pool<PooledConnection<C>>, ObservedPool {

    private static final System.Logger LOG = System.getLogger(ConnectionPool.class.getName());

    /** A connection used this recently is lent without validation, as DESIGN.md says. */
    static final long VALIDATION_SKIP_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /**
     * How long a blocked waiter may be overtaken by newcomers before returned connections are
     * handed to it directly. Short holds never wait this long, so they keep the throughput of
     * letting running threads reuse connections; a waiter that does wait this long is then served
     * at the next return, in queue order.
     */
    static final long OVERTAKE_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** Lifetimes are shortened by up to this share, so that connections opened together do not all expire together. */
    private static final double LIFETIME_JITTER = 0.025;
    private static final long MAX_JITTER_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long MIN_HOUSEKEEPING_NANOS = TimeUnit.MILLISECONDS.toNanos(25);
    private static final long MAX_HOUSEKEEPING_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final String name;
    private final Backend<C> backend;
    private final PoolConfig config;
    private final PoolClock clock;
    private final Listeners listeners = new Listeners();
    private final PoolMetricsRecorder metrics;

    private final int minSize;
    private final int maxSize;
    private final int maxConnecting;
    private final long acquireTimeoutNanos;
    private final long maxLifetimeNanos;
    private final long idleTimeoutNanos;
    private final long validationTimeoutNanos;
    private final long keepaliveNanos;
    private final long leakNanos;
    private final long probeNanos;
    private final boolean validateOnBorrow;
    private final boolean testOnReturn;

    /** Guards writes of entries, state and generation; never held while talking to a backend. */
    private final Object lifecycle = new Object();
    private volatile PoolEntry<C>[] entries;
    private volatile PoolState state = PoolState.READY;
    private volatile int generation;
    /**
     * Opens between the call to the backend and the moment the connection joins {@link #entries}
     * (or fails): what {@code stats().opening()} reports. {@link #opening} stays up longer, until
     * the waiter the connection was for is served, so it would count a connection twice.
     */
    private final AtomicInteger handshaking = new AtomicInteger();
    private volatile Throwable pauseCause;

    /** Open entries plus connections being opened: what maxSize caps. */
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicInteger opening = new AtomicInteger();
    private final ConcurrentLinkedDeque<Waiter<C>> waiters = new ConcurrentLinkedDeque<>();
    /** Waiters still in state WAITING; decremented by whoever ends one. */
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong();
    /** After a failed open, refilling to minSize waits for the next housekeeping run rather than retrying at once. */
    private volatile long refillNotBefore;

    /** Per thread: the index where this thread last claimed an entry, to start its next scan there. */
    private final ThreadLocal<int[]> scanStart = ThreadLocal.withInitial(() -> new int[1]);

    private final LongAdder created = new LongAdder();
    private final LongAdder closed = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder validationFailures = new LongAdder();
    private final LongAdder leaks = new LongAdder();

    private final ScheduledThreadPoolExecutor executor;
    private final ScheduledFuture<?> housekeeping;
    private ScheduledFuture<?> probe; // guarded by lifecycle

    /**
     * Creates a pool and starts its background work; connections open as they are needed, and up
     * to {@code minSize} in the background.
     */
    public ConnectionPool(String name, Backend<C> backend, PoolConfig config, PoolListener... listeners) {
        this(name, backend, config, PoolClock.SYSTEM, List.of(listeners));
    }

    @SuppressWarnings("unchecked")
    ConnectionPool(String name, Backend<C> backend, PoolConfig config, PoolClock clock, List<PoolListener> initialListeners) {
        this.name = requireName(name);
        this.backend = Objects.requireNonNull(backend, "backend");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = new PoolMetricsRecorder(clock::nanoTime);
        initialListeners.forEach(listeners::add);

        this.minSize = config.minSize();
        this.maxSize = config.maxSize();
        this.maxConnecting = config.maxConnecting();
        this.acquireTimeoutNanos = config.acquireTimeout().toNanos();
        this.maxLifetimeNanos = config.maxLifetime().toNanos();
        this.idleTimeoutNanos = config.idleTimeout().toNanos();
        this.validationTimeoutNanos = config.validationTimeout().toNanos();
        this.keepaliveNanos = config.keepaliveInterval().toNanos();
        this.leakNanos = config.leakDetectionThreshold().toNanos();
        this.probeNanos = config.probeInterval().toNanos();
        this.validateOnBorrow = config.validateOnBorrow();
        this.testOnReturn = config.testOnReturn();
        this.entries = (PoolEntry<C>[]) new PoolEntry<?>[0];

        // Opens are capped by maxConnecting, so two threads always remain for deadlines, closes and validations.
        this.executor = new ScheduledThreadPoolExecutor(maxConnecting + 2, new PoolThreads(name));
        executor.setKeepAliveTime(30, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);

        this.refillNotBefore = clock.nanoTime();
        long period = housekeepingPeriodNanos();
        this.housekeeping = executor.scheduleWithFixedDelay(this::housekeepQuietly, period, period, TimeUnit.NANOSECONDS);

        LOG.log(Level.INFO, () -> "pool '" + name + "' created for " + backend.type() + " at " + backend.describe() + " (" + config + ")");
        this.listeners.poolCreated(name, config.toString());
        this.listeners.poolReady(name);
        PoolRegistry.global().register(this);
        fill();
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
        return state;
    }

    /** The failure that paused the pool, or {@code null} while it is ready. */
    public Throwable pauseCause() {
        return pauseCause;
    }

    @Override
    public void init() {
        // Borrowing the target count and giving it back reuses the whole acquire path: the opens
        // run under maxConnecting, and the first failure reaches this caller with its cause.
        int target = Math.max(minSize, 1);
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
        return acquire(timeoutNanos(timeout));
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
        if (state != PoolState.READY || (e = claimIdle(start)) == null || !fitToLend(e, start, start + timeoutNanos)) {
            e = acquireSlow(start, timeoutNanos);
            now = clock.nanoTime();
        }
        markBorrowed(e, start, now);
        return e;
    }

    @Override
    public CompletionStage<PooledConnection<C>> acquireAsync() {
        return acquireAsync(acquireTimeoutNanos);
    }

    @Override
    public CompletionStage<PooledConnection<C>> acquireAsync(Duration timeout) {
        return acquireAsync(timeoutNanos(timeout));
    }

    private CompletionStage<PooledConnection<C>> acquireAsync(long timeoutNanos) {
        long start = clock.nanoTime();
        listeners.checkOutStarted(name);
        RuntimeException refusal = refusalForState();
        if (refusal != null) {
            checkOutFailed(refusal, start);
            return CompletableFuture.failedFuture(refusal);
        }
        AsyncWaiter<C> w = new AsyncWaiter<>(start, start + timeoutNanos, this::onAsyncSignal);
        w.future.whenComplete((lease, error) -> {
            if (error instanceof CancellationException && w.tryCancel()) {
                withdraw(w);
                listeners.checkOutFailed(name, CheckOutFailureReason.CANCELLED, clock.nanoTime() - start);
            }
        });
        PoolEntry<C> e;
        if ((e = claimIdle(start)) != null) {
            // Hand it over through the waiter so that validation, if due, runs off the caller's thread.
            w.tryFulfil(e);
            onAsyncSignal(w);
            return w.future;
        }
        if (timeoutNanos == 0) {
            RuntimeException error = exhausted(start);
            checkOutFailed(error, start);
            return CompletableFuture.failedFuture(error);
        }
        enqueue(w, false);
        scheduleDeadline(w);
        return w.future;
    }

    @Override
    public void release(PooledConnection<C> connection) {
        Objects.requireNonNull(connection, "connection");
        if (connection.entry().pool != this) {
            throw new IllegalReleaseException(name, "connection #" + connection.id() + " belongs to pool '"
                    + connection.poolName() + "', not to this pool; release it to its own pool");
        }
        connection.close();
    }

    /** True when {@code connection} was borrowed from this pool. */
    public boolean owns(PooledConnection<?> connection) {
        return connection.entry().pool == this;
    }

    @Override
    public void clear() {
        clear(null);
    }

    /**
     * Retires the current generation of connections and pauses the pool because of {@code cause}
     * (a backend failure, or {@code null} when an operator asked for it). Waiters fail at once with
     * {@link BackendUnavailableException}; a background probe turns the pool ready again.
     */
    public void clear(Throwable cause) {
        clear(cause, -1);
    }

    /**
     * Clears as {@link #clear(Throwable)} does, but only while {@code failedGeneration} is still the
     * current one (any generation when negative): every connection and open of a generation that
     * fail together in one outage report the same generation, and the first report clears it; the
     * others find it already retired and change nothing, so one outage is one clear.
     */
    private void clear(Throwable cause, int failedGeneration) {
        int retired;
        synchronized (lifecycle) {
            if (state == PoolState.CLOSED || (failedGeneration >= 0 && failedGeneration != generation)) {
                return;
            }
            retired = generation;
            generation = retired + 1;
            pauseCause = cause;
            state = PoolState.PAUSED;
            if (probe == null) {
                probe = executor.scheduleWithFixedDelay(this::probeQuietly, probeNanos, probeNanos, TimeUnit.NANOSECONDS);
            }
        }
        LOG.log(Level.WARNING, () -> "pool '" + name + "' cleared connection generation " + retired + " and paused"
                + (cause == null ? " on request" : " because " + backend.type() + " at " + backend.describe() + " failed: " + cause)
                + "; acquires fail fast until a probe succeeds");
        listeners.poolCleared(name, retired, cause);
        failAll(() -> new BackendUnavailableException(name, backend.type() + " at " + backend.describe()
                + " is unavailable; the pool is paused until it answers again" + (cause == null ? "" : " (" + cause + ")"), cause));
        retireIdle(e -> e.generation <= retired, CloseReason.STALE);
    }

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
        synchronized (lifecycle) {
            if (state == PoolState.CLOSED) {
                return;
            }
            state = PoolState.CLOSED;
            if (probe != null) {
                probe.cancel(false);
            }
        }
        housekeeping.cancel(false);
        failAll(() -> new PoolClosedException(name, "the pool was closed"));
        for (PoolEntry<C> e : entries) {
            if (e.tryReserve()) {
                remove(e);
                closeConnection(e, CloseReason.POOL_CLOSED, null);
            }
        }
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
        long now = clock.nanoTime();
        PoolEntry<C>[] es = entries;
        int gen = generation;
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
            if (e.generation != gen || expired(e, now)) {
                stale++;
            }
        }
        return new PoolStats(name, backend.type(), state, es.length, active, idle, waiting.get(), handshaking.get(),
                minSize, maxSize, created.sum(), closed.sum(), timeouts.sum(), validationFailures.sum(), leaks.sum(),
                Duration.ofNanos(idle == 0 ? 0 : idleSum / idle), Duration.ofNanos(es.length == 0 ? 0 : lifeSum / es.length), stale);
    }

    @Override
    public PoolMetrics metrics() {
        return metrics.snapshot(stats());
    }

    @Override
    public String address() {
        return backend.describe();
    }

    @Override
    public String toString() {
        return "ConnectionPool[" + name + ", " + backend.type() + " at " + backend.describe() + ", " + state + "]";
    }

    // ------------------------------------------------------------------ borrowing

    /** Claims an idle entry of the current generation, retiring the stale or expired ones met on the way. */
    private PoolEntry<C> claimIdle(long now) {
        PoolEntry<C>[] es = entries;
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
            PoolEntry<C> e = es[i];
            if (e.tryClaim() != -1) {
                if (e.generation == generation && !expired(e, now)) {
                    start[0] = i;
                    return e;
                }
                retire(e, e.generation != generation ? CloseReason.STALE : CloseReason.EXPIRED, null);
            }
            if (++i == n) {
                i = 0;
            }
        }
        return null;
    }

    /**
     * Validates a claimed entry when the rules ask for it; a failed one is retired and the caller
     * looks again. Validation is bounded by what is left of the caller's deadline.
     */
    private boolean fitToLend(PoolEntry<C> e, long now, long deadline) {
        if (!validateOnBorrow || now - e.lastUsedNanos < VALIDATION_SKIP_NANOS) {
            return true;
        }
        long budget = Math.min(validationTimeoutNanos, deadline - now);
        if (budget <= 0) {
            // No time left to validate: give it back untouched rather than fail a good connection.
            makeIdle(e);
            if (waiting.get() != 0) {
                serveWaiters();
            }
            return false;
        }
        if (validate(e, budget)) {
            return true;
        }
        retire(e, CloseReason.ERROR, null);
        return false;
    }

    private void markBorrowed(PoolEntry<C> e, long start, long now) {
        e.borrowedNanos = now;
        if (leakNanos != 0) {
            e.borrowRecord = new PoolEntry.BorrowRecord(e.state(), now, new Throwable("connection #" + e.id + " of pool '" + name + "' was borrowed here"));
        }
        // Timed when the connection comes back: recording here would grow the borrow path past
        // what the JIT inlines into the caller, and the handle would then be allocated.
        e.waitNanos = now - start;
        listeners.checkedOut(name, e.id, now - start);
    }

    private PoolEntry<C> acquireSlow(long start, long timeoutNanos) {
        long deadline = start + timeoutNanos;
        SyncWaiter<C> w = null;
        for (;;) {
            RuntimeException refusal = refusalForState();
            if (refusal != null) {
                throw checkOutFailed(refusal, start);
            }
            PoolEntry<C> e = claimIdle(clock.nanoTime());
            if (e == null) {
                if (timeoutNanos == 0) {
                    throw checkOutFailed(exhausted(start), start);
                }
                if (w == null) {
                    w = new SyncWaiter<>(Thread.currentThread(), start, deadline);
                } else {
                    w.rearm();
                }
                enqueue(w, w.failedValidations > 0);
                e = await(w);
            }
            long now = clock.nanoTime();
            if (fitToLend(e, now, deadline)) {
                return e;
            }
            if (w == null) {
                w = new SyncWaiter<>(Thread.currentThread(), start, deadline);
                w.rearm();
            }
            w.failedValidations++;
            if (deadline - clock.nanoTime() <= 0) {
                timeouts.increment();
                throw checkOutFailed(timedOut(w), start);
            }
        }
    }

    /** Puts a waiter in the queue, then makes sure something will serve it. */
    private void enqueue(Waiter<C> w, boolean atHead) {
        waiting.incrementAndGet();
        if (atHead) {
            waiters.offerFirst(w);
        } else {
            waiters.offerLast(w);
        }
        // A pause or close that ran just before the offer missed this waiter: fail it here.
        RuntimeException refusal = refusalForState();
        if (refusal != null && w.tryFail(refusal)) {
            waiting.decrementAndGet();
            waiters.remove(w);
            w.signal();
            return;
        }
        // An idle connection serves the queue before a new one is opened for it.
        serveWaiters();
        fill();
    }

    /**
     * Blocks the calling thread until its waiter ends; returns the entry it was given or, at the
     * head of the queue, the idle entry it claimed itself.
     */
    private PoolEntry<C> await(SyncWaiter<C> w) {
        for (;;) {
            int s = w.settledState();
            if (s == Waiter.FULFILLED) {
                PoolEntry<C> e = w.entry();
                if (Thread.currentThread().isInterrupted()) {
                    // Interrupted as the connection arrived: pass it on and honour the interrupt.
                    makeIdle(e);
                    serveWaiters();
                    throw checkOutFailed(interrupted(w), w.startNanos);
                }
                return e;
            }
            if (s == Waiter.FAILED) {
                throw checkOutFailed(w.failure(), w.startNanos);
            }
            if (Thread.currentThread().isInterrupted()) {
                if (w.tryCancel()) {
                    withdraw(w);
                    throw checkOutFailed(interrupted(w), w.startNanos);
                }
                continue;
            }
            if (waiters.peekFirst() == w) {
                boolean nudged = w.takeNudge();
                PoolEntry<C> e = claimIdle(clock.nanoTime());
                if (e != null) {
                    if (w.tryCancel()) {
                        withdraw(w);
                        return e;
                    }
                    // Handed a connection meanwhile: keep that one, pass this one on.
                    makeIdle(e);
                    serveWaiters();
                    continue;
                }
                if (nudged && clock.nanoTime() - w.startNanos >= OVERTAKE_GRACE_NANOS) {
                    w.overtaken = true;
                }
                // The idle connection it counted on went to a newcomer: open one if there is room.
                fill();
            }
            long remaining = w.deadlineNanos - clock.nanoTime();
            if (remaining <= 0) {
                if (w.tryCancel()) {
                    withdraw(w);
                    timeouts.increment();
                    throw checkOutFailed(timedOut(w), w.startNanos);
                }
                continue;
            }
            LockSupport.parkNanos(this, remaining);
        }
    }

    /** Removes a cancelled waiter from the queue. */
    private void withdraw(Waiter<C> w) {
        waiting.decrementAndGet();
        waiters.remove(w);
        serveWaiters();
    }

    private void scheduleDeadline(AsyncWaiter<C> w) {
        try {
            w.deadlineTask = executor.schedule(() -> {
                if (w.tryCancel()) {
                    withdraw(w);
                    timeouts.increment();
                    RuntimeException error = timedOut(w);
                    checkOutFailed(error, w.startNanos);
                    w.future.completeExceptionally(error);
                }
            }, Math.max(0, w.deadlineNanos - clock.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            if (w.tryFail(new PoolClosedException(name, "the pool was closed"))) {
                waiting.decrementAndGet();
                waiters.remove(w);
                w.signal();
            }
        }
        if (w.state() != Waiter.WAITING) {
            w.cancelDeadline();
        }
    }

    /** Runs on the thread that ended an asynchronous waiter. */
    private void onAsyncSignal(AsyncWaiter<C> w) {
        int s = w.settledState();
        if (s == Waiter.FAILED) {
            w.cancelDeadline();
            checkOutFailed(w.failure(), w.startNanos);
            w.future.completeExceptionally(w.failure());
            return;
        }
        if (s != Waiter.FULFILLED) {
            return;
        }
        PoolEntry<C> e = w.entry();
        long now = clock.nanoTime();
        if (validateOnBorrow && now - e.lastUsedNanos >= VALIDATION_SKIP_NANOS) {
            try {
                executor.execute(() -> validateForAsync(w, e));
            } catch (RejectedExecutionException closing) {
                retire(e, CloseReason.POOL_CLOSED, null);
                failAsync(w, new PoolClosedException(name, "the pool was closed"));
            }
            return;
        }
        deliver(w, e, now);
    }

    private void validateForAsync(AsyncWaiter<C> w, PoolEntry<C> e) {
        if (fitToLend(e, clock.nanoTime(), w.deadlineNanos)) {
            deliver(w, e, clock.nanoTime());
            return;
        }
        w.failedValidations++;
        if (w.deadlineNanos - clock.nanoTime() <= 0) {
            timeouts.increment();
            failAsync(w, timedOut(w));
            return;
        }
        w.rearm();
        enqueue(w, true);
        if (w.deadlineTask == null) {
            scheduleDeadline(w);
        }
    }

    private void failAsync(AsyncWaiter<C> w, RuntimeException error) {
        w.cancelDeadline();
        checkOutFailed(error, w.startNanos);
        w.future.completeExceptionally(error);
    }

    private void deliver(AsyncWaiter<C> w, PoolEntry<C> e, long now) {
        w.cancelDeadline();
        markBorrowed(e, w.startNanos, now);
        PooledConnection<C> lease = new PooledConnection<>(e, e.state());
        if (!w.future.complete(lease)) {
            // The caller cancelled as the connection arrived.
            lease.close();
        }
    }

    // ------------------------------------------------------------------ returning

    /** Called by {@link PooledConnection#close()}; {@code borrowState} identifies the borrow. */
    void checkIn(PoolEntry<C> e, long borrowState) {
        if (e.state() != borrowState) {
            throw releasedTwice(e);
        }
        long now = clock.nanoTime();
        e.timings.acquireWait().record(e.waitNanos);
        e.timings.timeInUse().record(now - e.borrowedNanos);
        listeners.checkedIn(name, e.id, now - e.borrowedNanos);
        e.lastUsedNanos = now;
        CloseReason reason = null;
        Throwable cause = null;
        if (e.broken) {
            reason = CloseReason.ERROR;
            cause = e.brokenCause;
        } else if (state != PoolState.READY || e.generation != generation || expired(e, now)) {
            reason = state == PoolState.CLOSED ? CloseReason.POOL_CLOSED : e.generation != generation ? CloseReason.STALE : CloseReason.EXPIRED;
        } else if (testOnReturn && !validate(e, validationTimeoutNanos)) {
            reason = CloseReason.ERROR;
        } else {
            try {
                backend.reset(e.connection);
            } catch (Exception | LinkageError x) {
                reason = CloseReason.ERROR;
                cause = x;
                LOG.log(Level.WARNING, () -> "pool '" + name + "': connection #" + e.id + " could not be reset for reuse and is closed: " + x);
            }
        }
        if (reason != null) {
            if (!e.transition(borrowState, PoolEntry.RESERVED)) {
                throw releasedTwice(e);
            }
            retire(e, reason, cause);
            return;
        }
        if (!e.transition(borrowState, PoolEntry.IDLE)) {
            throw releasedTwice(e);
        }
        if (state != PoolState.READY) {
            retireIfNotWanted(e);
        }
        if (waiting.get() != 0) {
            serveWaiters();
        }
    }

    /** Puts an entry the caller owns back to idle, and lets a waiter have it. */
    private void makeIdle(PoolEntry<C> e) {
        e.set(PoolEntry.IDLE);
        if (state != PoolState.READY) {
            retireIfNotWanted(e);
        }
    }

    /** An entry went idle while the pool stopped being ready: close it if the pool is closed or it is stale. */
    private void retireIfNotWanted(PoolEntry<C> e) {
        PoolState s = state;
        if ((s == PoolState.CLOSED || e.generation != generation) && e.tryReserve()) {
            retire(e, s == PoolState.CLOSED ? CloseReason.POOL_CLOSED : CloseReason.STALE, null);
        }
    }

    /**
     * Lets the head of the queue have an idle entry. A blocked waiter that was never overtaken is
     * only nudged and claims the entry on its own thread, so that a running thread's next acquire
     * may take a connection instead of every return waking a parked thread (a convoy when threads
     * outnumber connections). An asynchronous waiter, and one already overtaken once, gets the
     * entry handed over directly. Waiters among themselves are always served in arrival order.
     */
    private void serveWaiters() {
        while (waiting.get() > 0 && state == PoolState.READY) {
            Waiter<C> head = waiters.peekFirst();
            if (head == null) {
                // The waiter counted is still on its way into the queue; it looks for itself once there.
                return;
            }
            if (head.state() != Waiter.WAITING) {
                waiters.remove(head);
                continue;
            }
            if (head instanceof SyncWaiter<C> sync && !sync.overtaken) {
                if (hasIdle()) {
                    sync.nudge();
                }
                return;
            }
            PoolEntry<C> e = claimIdle(clock.nanoTime());
            if (e == null) {
                return;
            }
            if (!handOff(e)) {
                makeIdle(e);
                return;
            }
        }
    }

    /** Waiters that a newcomer overtook once; for tests of the anti-starvation rule. */
    int overtakenWaiters() {
        int n = 0;
        for (Waiter<C> w : waiters) {
            if (w instanceof SyncWaiter<C> sync && sync.overtaken && w.state() == Waiter.WAITING) {
                n++;
            }
        }
        return n;
    }

    private boolean hasIdle() {
        for (PoolEntry<C> e : entries) {
            if (PoolEntry.tag(e.state()) == PoolEntry.IDLE) {
                return true;
            }
        }
        return false;
    }

    private int idleCount() {
        int n = 0;
        for (PoolEntry<C> e : entries) {
            if (PoolEntry.tag(e.state()) == PoolEntry.IDLE) {
                n++;
            }
        }
        return n;
    }

    /** Gives an entry the caller owns to the first waiter still waiting. */
    private boolean handOff(PoolEntry<C> e) {
        Waiter<C> w;
        while ((w = waiters.pollFirst()) != null) {
            if (w.tryFulfil(e)) {
                waiting.decrementAndGet();
                w.signal();
                return true;
            }
        }
        return false;
    }

    private void failAll(java.util.function.Supplier<RuntimeException> error) {
        Waiter<C> w;
        while ((w = waiters.pollFirst()) != null) {
            if (w.tryFail(error.get())) {
                waiting.decrementAndGet();
                w.signal();
            }
        }
    }

    private void failOne(RuntimeException error) {
        Waiter<C> w;
        while ((w = waiters.pollFirst()) != null) {
            if (w.tryFail(error)) {
                waiting.decrementAndGet();
                w.signal();
                return;
            }
        }
    }

    // ------------------------------------------------------------------ opening and closing

    /** Opens connections in the background while there is demand (waiters, or fewer than minSize) and room. */
    private void fill() {
        for (;;) {
            if (state != PoolState.READY) {
                return;
            }
            int o = opening.get();
            int s = size.get();
            int w = waiting.get();
            // Each connection being opened, and each idle one, will serve one waiter.
            boolean demand = w > o && w > o + idleCount();
            boolean belowMin = s < minSize && clock.nanoTime() - refillNotBefore >= 0;
            if (!demand && !belowMin || o >= maxConnecting || s >= maxSize) {
                return;
            }
            if (!size.compareAndSet(s, s + 1)) {
                continue;
            }
            if (!opening.compareAndSet(o, o + 1)) {
                size.decrementAndGet();
                continue;
            }
            try {
                executor.execute(() -> openInBackground(false));
            } catch (RejectedExecutionException closing) {
                opening.decrementAndGet();
                size.decrementAndGet();
                return;
            }
        }
    }

    /** Opens one connection for a slot already counted in size and opening. */
    private void openInBackground(boolean probing) {
        PoolEntry<C> e;
        int gen = generation;
        try {
            e = open(gen);
        } catch (Throwable t) {
            size.decrementAndGet();
            onOpenFailure(t, gen, probing);
            // Counted as opening until the waiter it was for has been failed: a fill in between
            // would otherwise open another connection for that same waiter.
            opening.decrementAndGet();
            if (!probing && waiting.get() > 0) {
                fill();
            }
            return;
        }
        if (!admit(e, probing)) {
            opening.decrementAndGet();
            return;
        }
        if (probing) {
            becomeReady();
        }
        e.markInUse();
        if (!handOff(e)) {
            makeIdle(e);
        }
        // Only now, with the waiter served (or the connection idle), does it stop counting as opening.
        opening.decrementAndGet();
        serveWaiters();
        fill();
    }

    private PoolEntry<C> open(int gen) throws Exception {
        long id = ids.incrementAndGet();
        listeners.connectionCreated(name, id);
        long begin = clock.nanoTime();
        C c;
        handshaking.incrementAndGet();
        try {
            c = backend.open();
            if (c == null) {
                throw new IllegalStateException("backend " + backend.type() + " opened a null connection");
            }
        } catch (Throwable t) {
            handshaking.decrementAndGet();
            closed.increment();
            metrics.connectionClosed(null, CloseReason.ERROR);
            listeners.connectionClosed(name, id, CloseReason.ERROR, t);
            throw t;
        }
        long now = clock.nanoTime();
        PoolEntry<C> e = new PoolEntry<>(this, id, c, gen, now, clock.currentTimeMillis(), lifetimeWithJitter(), metrics.newConnection(now - begin));
        created.increment();
        listeners.connectionReady(name, id, now - begin);
        return e;
    }

    /**
     * Adds a newly opened entry (still RESERVED) to the pool, unless the pool closed or was cleared
     * while it opened, in which case it is closed at once. The caller still counts it as opening.
     */
    private boolean admit(PoolEntry<C> e, boolean probing) {
        boolean added;
        synchronized (lifecycle) {
            // Before the entry is published: stats() reads entries first, so it never counts e twice.
            handshaking.decrementAndGet();
            added = state != PoolState.CLOSED && e.generation == generation && (probing || state == PoolState.READY);
            if (added) {
                PoolEntry<C>[] next = Arrays.copyOf(entries, entries.length + 1);
                next[next.length - 1] = e;
                entries = next;
            }
        }
        if (!added) {
            e.set(PoolEntry.REMOVED);
            closeConnection(e, state == PoolState.CLOSED ? CloseReason.POOL_CLOSED : CloseReason.STALE, null);
        }
        return added;
    }

    /** {@code gen} is the generation the failed open was for; a later generation is not cleared for it. */
    private void onOpenFailure(Throwable t, int gen, boolean probing) {
        if (probing) {
            LOG.log(Level.DEBUG, () -> "pool '" + name + "': " + backend.type() + " at " + backend.describe() + " still unavailable: " + t);
            return;
        }
        refillNotBefore = clock.nanoTime() + probeNanos;
        if (backend.isServerUnavailable(t)) {
            clear(t, gen);
            return;
        }
        LOG.log(Level.WARNING, () -> "pool '" + name + "' could not open a connection to " + backend.type() + " at " + backend.describe() + ": " + t);
        failOne(new ConnectionOpenException(name, "could not open a connection to " + backend.type() + " at "
                + backend.describe() + ": " + t.getMessage(), t));
    }

    /**
     * Retires an entry the caller owns (IN_USE or RESERVED): out of the pool now, closed in the
     * background. Its slot counts against maxSize until the close is done, so the cap holds for
     * real sockets too; then the freed slot goes to whoever waits.
     */
    private void retire(PoolEntry<C> e, CloseReason reason, Throwable cause) {
        remove(e);
        try {
            executor.execute(() -> {
                closeConnection(e, reason, cause);
                fill();
            });
        } catch (RejectedExecutionException closing) {
            closeConnection(e, reason, cause);
        }
    }

    private void remove(PoolEntry<C> e) {
        e.set(PoolEntry.REMOVED);
        synchronized (lifecycle) {
            PoolEntry<C>[] current = entries;
            for (int i = 0; i < current.length; i++) {
                if (current[i] == e) {
                    PoolEntry<C>[] next = Arrays.copyOf(current, current.length - 1);
                    System.arraycopy(current, i + 1, next, i, current.length - i - 1);
                    entries = next;
                    break;
                }
            }
        }
    }

    /** Closes a connection that left the pool and frees its slot. */
    private void closeConnection(PoolEntry<C> e, CloseReason reason, Throwable cause) {
        try {
            backend.close(e.connection);
        } catch (Exception | LinkageError x) {
            LOG.log(Level.DEBUG, () -> "pool '" + name + "': closing connection #" + e.id + " failed: " + x);
        } finally {
            size.decrementAndGet();
        }
        closed.increment();
        metrics.connectionClosed(e.timings, reason);
        listeners.connectionClosed(name, e.id, reason, cause);
    }

    private boolean validate(PoolEntry<C> e, long timeoutNanos) {
        boolean valid;
        try {
            valid = backend.validate(e.connection, Duration.ofNanos(timeoutNanos));
        } catch (Exception | LinkageError x) {
            valid = false;
        }
        if (!valid) {
            validationFailures.increment();
            LOG.log(Level.INFO, () -> "pool '" + name + "': connection #" + e.id + " failed validation and is closed");
            listeners.validationFailed(name, e.id);
        }
        return valid;
    }

    long nanoTime() {
        return clock.nanoTime();
    }

    boolean isStale(PoolEntry<C> e) {
        return e.generation != generation || expired(e, clock.nanoTime());
    }

    /** Validates a borrowed connection now, for its borrower. */
    boolean ping(PoolEntry<C> e) {
        boolean valid = validate(e, validationTimeoutNanos);
        if (!valid) {
            // Its borrower holds it still; it is retired when it comes back.
            e.broken = true;
        }
        return valid;
    }

    // ------------------------------------------------------------------ pausing

    private void becomeReady() {
        synchronized (lifecycle) {
            if (state != PoolState.PAUSED) {
                return;
            }
            state = PoolState.READY;
            pauseCause = null;
            if (probe != null) {
                probe.cancel(false);
                probe = null;
            }
        }
        LOG.log(Level.INFO, () -> "pool '" + name + "' is ready again: " + backend.type() + " at " + backend.describe() + " answers");
        listeners.poolReady(name);
        refillNotBefore = clock.nanoTime();
        fill();
    }

    private void probeQuietly() {
        try {
            if (state != PoolState.PAUSED) {
                return;
            }
            int s = size.get();
            if (s >= maxSize || opening.get() > 0 || !size.compareAndSet(s, s + 1)) {
                return;
            }
            opening.incrementAndGet();
            openInBackground(true);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "pool '" + name + "': probe failed unexpectedly", e);
        }
    }

    /** Called by a borrower that saw its connection fail; a server-down error pauses the pool. */
    void connectionFailed(PoolEntry<C> e, Throwable cause) {
        e.broken = true;
        e.brokenCause = cause;
        if (cause != null && backend.isServerUnavailable(cause)) {
            clear(cause, e.generation);
        }
    }

    // ------------------------------------------------------------------ housekeeping

    private void housekeepQuietly() {
        try {
            housekeep();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "pool '" + name + "': housekeeping failed; it runs again next period", e);
        }
    }

    /** One housekeeping pass; runs periodically and is called directly by tests. */
    void housekeep() {
        if (state == PoolState.CLOSED) {
            return;
        }
        long now = clock.nanoTime();
        PoolEntry<C>[] es = entries;
        int live = es.length;
        for (PoolEntry<C> e : es) {
            long s = e.state();
            long tag = PoolEntry.tag(s);
            if (tag == PoolEntry.IDLE) {
                if (retirementReason(e, now, live) != null && e.tryReserve()) {
                    CloseReason reason = retirementReason(e, now, live);
                    if (reason != null) {
                        retire(e, reason, null);
                        live--;
                        continue;
                    }
                    makeIdle(e);
                }
                if (keepaliveNanos != 0 && now - Math.max(e.lastUsedNanos, e.lastValidatedNanos) >= keepaliveNanos && e.tryReserve()) {
                    try {
                        executor.execute(() -> keepalive(e));
                    } catch (RejectedExecutionException closing) {
                        makeIdle(e);
                    }
                }
            } else if (tag == PoolEntry.IN_USE && leakNanos != 0) {
                checkLeak(e, s, now);
            }
        }
        fill();
    }

    private CloseReason retirementReason(PoolEntry<C> e, long now, int live) {
        if (e.generation != generation) {
            return CloseReason.STALE;
        }
        if (expired(e, now)) {
            return CloseReason.EXPIRED;
        }
        if (idleTimeoutNanos != 0 && live > minSize && now - e.lastUsedNanos >= idleTimeoutNanos) {
            return CloseReason.IDLE;
        }
        return null;
    }

    private void keepalive(PoolEntry<C> e) {
        if (validate(e, validationTimeoutNanos)) {
            e.lastValidatedNanos = clock.nanoTime();
            makeIdle(e);
            if (waiting.get() != 0) {
                serveWaiters();
            }
        } else {
            retire(e, CloseReason.ERROR, null);
        }
    }

    private void checkLeak(PoolEntry<C> e, long s, long now) {
        PoolEntry.BorrowRecord r = e.borrowRecord;
        if (r == null || r.stamp != s || r.reported || now - r.borrowedNanos < leakNanos) {
            return;
        }
        r.reported = true;
        leaks.increment();
        Duration held = Duration.ofNanos(now - r.borrowedNanos);
        LOG.log(Level.WARNING, "pool '" + name + "': connection #" + e.id + " has been held for " + held.toMillis()
                + " ms, longer than leakDetectionThreshold=" + Durations.format(config.leakDetectionThreshold())
                + "; it was borrowed at", r.stack);
        listeners.leakDetected(name, e.id, held, r.stack);
    }

    private void retireIdle(Predicate<PoolEntry<C>> which, CloseReason reason) {
        for (PoolEntry<C> e : entries) {
            if (which.test(e) && e.tryReserve()) {
                retire(e, reason, null);
            }
        }
    }

    private long housekeepingPeriodNanos() {
        long shortest = Long.MAX_VALUE;
        for (long n : new long[] {idleTimeoutNanos, maxLifetimeNanos, keepaliveNanos, leakNanos}) {
            if (n > 0) {
                shortest = Math.min(shortest, n / 4);
            }
        }
        return Math.max(MIN_HOUSEKEEPING_NANOS, Math.min(MAX_HOUSEKEEPING_NANOS, shortest));
    }

    // ------------------------------------------------------------------ small rules

    private boolean expired(PoolEntry<C> e, long now) {
        return e.lifetimeNanos != 0 && now - e.createdNanos >= e.lifetimeNanos;
    }

    private long lifetimeWithJitter() {
        if (maxLifetimeNanos == 0) {
            return 0;
        }
        long jitter = (long) Math.min(MAX_JITTER_NANOS, maxLifetimeNanos * LIFETIME_JITTER);
        return maxLifetimeNanos - (jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(jitter + 1));
    }

    private RuntimeException refusalForState() {
        PoolState s = state;
        if (s == PoolState.READY) {
            return null;
        }
        if (s == PoolState.CLOSED) {
            return new PoolClosedException(name, "the pool is closed");
        }
        Throwable cause = pauseCause;
        return new BackendUnavailableException(name, backend.type() + " at " + backend.describe()
                + " is unavailable; the pool is paused until it answers again" + (cause == null ? "" : " (" + cause + ")"), cause);
    }

    private RuntimeException checkOutFailed(RuntimeException error, long start) {
        CheckOutFailureReason reason;
        if (error instanceof AcquireTimeoutException || error instanceof PoolExhaustedException) {
            reason = CheckOutFailureReason.TIMEOUT;
        } else if (error instanceof PoolClosedException) {
            reason = CheckOutFailureReason.POOL_CLOSED;
        } else if (error instanceof AcquireInterruptedException) {
            reason = CheckOutFailureReason.INTERRUPTED;
        } else {
            reason = CheckOutFailureReason.CONNECTION_ERROR;
        }
        listeners.checkOutFailed(name, reason, clock.nanoTime() - start);
        return error;
    }

    private RuntimeException exhausted(long start) {
        timeouts.increment();
        return new PoolExhaustedException(name, "no idle connection and the caller would not wait (" + figures() + ")");
    }

    private RuntimeException timedOut(Waiter<C> w) {
        long waited = TimeUnit.NANOSECONDS.toMillis(clock.nanoTime() - w.startNanos);
        return new AcquireTimeoutException(name, "timed out after " + waited + " ms waiting for a connection ("
                + figures() + (w.failedValidations == 0 ? "" : ", " + w.failedValidations + " failed validations") + ")");
    }

    private RuntimeException interrupted(Waiter<C> w) {
        long waited = TimeUnit.NANOSECONDS.toMillis(clock.nanoTime() - w.startNanos);
        return new AcquireInterruptedException(name, "interrupted after " + waited + " ms waiting for a connection (" + figures() + ")");
    }

    private String figures() {
        PoolStats s = stats();
        return "total=" + s.total() + ", inUse=" + s.active() + ", idle=" + s.available() + ", opening=" + s.opening()
                + ", waiting=" + s.pending() + ", maxSize=" + maxSize;
    }

    private IllegalReleaseException releasedTwice(PoolEntry<C> e) {
        return new IllegalReleaseException(name, "connection #" + e.id + " was already released; a connection can be released once per borrow");
    }

    ConnectionClosedException releasedHandle(PoolEntry<C> e) {
        return new ConnectionClosedException(name, "connection #" + e.id + " was released to the pool and cannot be used any more; acquire a new one");
    }

    private static long timeoutNanos(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be >= 0 (timeout=" + timeout + ")");
        }
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 2;
        }
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a pool needs a name (name=" + (name == null ? "null" : "'" + name + "'") + ")");
        }
        return name;
    }
}
