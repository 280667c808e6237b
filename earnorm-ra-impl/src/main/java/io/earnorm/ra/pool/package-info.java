/**
 * The pool core: one generic, backend-neutral connection pool ({@link io.earnorm.ra.pool.ConnectionPool})
 * over a small SPI ({@link io.earnorm.ra.pool.Backend}), its options ({@link io.earnorm.ra.pool.PoolConfig})
 * and the seed's {@link io.earnorm.ra.pool.PoolManager}.
 *
 * <p>This package knows nothing of Jakarta, of any driver, of any observer or of any other package
 * of the adapter but the api; {@code PoolCoreArchitectureTest} keeps that true. It reports through
 * its own interfaces: events to {@link io.earnorm.ra.api.pool.PoolListener}s, timings to a
 * {@link io.earnorm.ra.pool.PoolRecorder} that {@code io.earnorm.ra.metrics} implements and
 * {@link java.util.ServiceLoader} finds.
 *
 * <h2>The parts and what each owns</h2>
 * <ul>
 *   <li>{@code ConnectionPool}: the coordinator and public API; owns nothing the parts own.</li>
 *   <li>{@code Entries}: the idle store, every open connection in a copy-on-write array; the
 *       lock-free claim of an idle entry.</li>
 *   <li>{@code WaitQueue}: the one strict FIFO queue of blocked and asynchronous waiters and its
 *       count; hand-off to the head, failing waiters.</li>
 *   <li>{@code HandOff}: where every freed connection (returned, newly opened, passed keepalive)
 *       goes: to the head waiter while anyone waits, idle otherwise; the return path.</li>
 *   <li>{@code BlockingAcquire} and {@code AsyncAcquire}: the slow path of a blocking acquire
 *       (queue, park, one deadline) and the acquire without a waiting thread.</li>
 *   <li>{@code Opener}: capacity (open + opening + closing, capped by maxSize), opens on the pool's
 *       threads under maxConnecting, the probe's open, abandoning opens when a clear interrupts.</li>
 *   <li>{@code Housekeeper}: the periodic pass (retirement, keepalive, leaks, refill).</li>
 *   <li>{@code Lifecycle}: state (PAUSED, READY, CLOSED), generation and the probe; emits
 *       {@code poolReady} and {@code poolCleared} under its lock so events follow the changes.</li>
 *   <li>{@code Lifetimes}: the predicates stale, past maxLifetime, past max idle time; one rule for
 *       checkout and housekeeping.</li>
 *   <li>{@code Validator}, {@code Closer}: validation with its time bounds; taking a connection out
 *       (reported closed at once, socket closed on a pool thread).</li>
 *   <li>{@code PoolErrors}, {@code PoolCounters}: error text with figures; counters and the stats
 *       snapshot.</li>
 *   <li>{@code PoolOption}, {@code OptionValues}: the one table of pool options (name, seed
 *       spelling, kind, default, rule, meaning) that {@code PoolConfig}, the backends' builders and
 *       the JCA config properties are driven by; reading a value by name, with one wording for a
 *       refused one.</li>
 *   <li>{@code FleetBudget}, {@code FleetView}, {@code FleetTag}: with {@code fleetMaxSize}, the
 *       budget shared with the pool's other instances (other JVMs), counted on the server through
 *       the backend's {@link io.earnorm.ra.pool.PeerCounter}; the Opener asks it before each open,
 *       the return path whether to give a connection back to a peer.</li>
 *   <li>{@code HistorySampler}: hands the stats snapshot to the {@code PoolRecorder} every history
 *       interval, on a pool thread; the recorder keeps the ring. The recorder also hears the state
 *       changes (ready, cleared, closed) for the history's markers, but nothing of a borrow.</li>
 * </ul>
 *
 * <p>Choices the design left open, and what was chosen:
 * <ul>
 *   <li>A pool starts paused (CMAP). {@code init()} makes it ready, then opens
 *       {@code max(minSize, 1)} connections so that a wrong address or password fails there rather
 *       than at the first acquire; {@code ready()} makes it ready without opening anything. An
 *       acquire before either fails at once with {@link io.earnorm.ra.api.pool.PoolNotReadyException}.
 *       The plain-Java pools ({@code io.earnorm.ra.backend.BackendPool}) and the JCA layer call
 *       {@code ready()} when they create a pool, so their users see no paused start.</li>
 *   <li>Strict FIFO costs the "reuse by a running thread" shortcut under contention: while anyone
 *       waits, every return wakes the head waiter. That is the CMAP rule and bounds the tail wait.</li>
 *   <li>An acquire timeout of zero means "do not wait": it fails at once with
 *       {@link io.earnorm.ra.api.pool.PoolExhaustedException} when nothing is idle or anyone waits.</li>
 *   <li>An open that fails while callers wait fails the longest-waiting caller at once with
 *       {@link io.earnorm.ra.api.pool.ConnectionOpenException}; when the backend says the error means
 *       the server is unreachable, the pool is cleared and paused instead (once per generation, so one
 *       outage is one clear). Refilling to {@code minSize} after a failed open waits for the next
 *       housekeeping pass, so a dead server is not hammered.</li>
 *   <li>{@code idleTimeout} applies at checkout as in housekeeping: only while the pool holds more
 *       than {@code minSize} connections, so the minSize kept warm are lent however long they idled.</li>
 *   <li>A connection opening when {@code clear(cause, true)} runs is reported closed (STALE) at once
 *       and its opening thread interrupted; its slot is freed when the open returns, so maxSize still
 *       caps real sockets.</li>
 *   <li>{@code maxLifetime} and {@code idleTimeout} of zero mean "no limit"; lifetimes are shortened by
 *       a random jitter of up to 2.5% (at most 30 s).</li>
 *   <li>Keepalive validation does not count as use: an idle connection kept alive is still retired
 *       after {@code idleTimeout} while the pool is above {@code minSize}.</li>
 * </ul>
 */
package io.earnorm.ra.pool;
