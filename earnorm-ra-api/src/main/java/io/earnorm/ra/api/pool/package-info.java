/**
 * What an application sees of a connection pool: its state, a stats snapshot, the events it
 * publishes and the exceptions an acquire or release can end with.
 *
 * <p>Every exception here is unchecked and extends {@link io.earnorm.ra.api.pool.PoolException},
 * which names the pool. Each failure an application may want to handle differently has its own
 * type: {@link io.earnorm.ra.api.pool.AcquireTimeoutException} (waited the whole acquire timeout),
 * {@link io.earnorm.ra.api.pool.PoolExhaustedException} (nothing free and no wait allowed),
 * {@link io.earnorm.ra.api.pool.PoolClosedException}, {@link io.earnorm.ra.api.pool.BackendUnavailableException}
 * (the pool is paused after a backend failure), {@link io.earnorm.ra.api.pool.ConnectionOpenException}
 * (a new connection could not be opened), {@link io.earnorm.ra.api.pool.AcquireInterruptedException},
 * and {@link io.earnorm.ra.api.pool.IllegalReleaseException} for a double or foreign release.
 */
package io.earnorm.ra.api.pool;
