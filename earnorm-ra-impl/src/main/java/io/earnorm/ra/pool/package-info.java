/**
 * The pool core: one generic, backend-neutral connection pool ({@link io.earnorm.ra.pool.ConnectionPool})
 * over a small SPI ({@link io.earnorm.ra.pool.Backend}), its options ({@link io.earnorm.ra.pool.PoolConfig})
 * and the seed's {@link io.earnorm.ra.pool.PoolManager}.
 *
 * <p>This package knows nothing of Jakarta, of any driver or of any metrics library; a test keeps
 * that true. Everything the three backends share lives here once: sizes, waiting, lifetime, idle
 * retirement, validation, leak detection, events and stats.
 *
 * <p>Choices the design left open, and what was chosen:
 * <ul>
 *   <li>{@code init()} opens {@code max(minSize, 1)} connections so that a wrong address or password
 *       fails there rather than at the first acquire.</li>
 *   <li>An acquire timeout of zero means "do not wait": it fails at once with
 *       {@link io.earnorm.ra.api.pool.PoolExhaustedException} when nothing is idle.</li>
 *   <li>An open that fails while callers wait fails the longest-waiting caller at once with
 *       {@link io.earnorm.ra.api.pool.ConnectionOpenException}; when the backend says the error means
 *       the server is unreachable, the pool is cleared and paused instead. Refilling to {@code minSize}
 *       after a failed open waits for the next housekeeping pass, so a dead server is not hammered.</li>
 *   <li>Connections are opened on the pool's threads and handed to the head of the queue, so FIFO
 *       order holds for callers served by new connections too.</li>
 *   <li>{@code maxLifetime} and {@code idleTimeout} of zero mean "no limit"; lifetimes are shortened by
 *       a random jitter of up to 2.5% (at most 30 s).</li>
 *   <li>Keepalive validation does not count as use: an idle connection kept alive is still retired
 *       after {@code idleTimeout} while the pool is above {@code minSize}.</li>
 * </ul>
 */
package io.earnorm.ra.pool;
