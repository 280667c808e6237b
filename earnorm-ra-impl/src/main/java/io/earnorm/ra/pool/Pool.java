package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.PoolListener;
import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.api.pool.PoolStats;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The seed's pool protocol in Java: {@code init}, {@code acquire}, {@code release}, {@code close},
 * plus what a Java caller expects besides (a deadline per call, an asynchronous acquire, stats,
 * listeners). {@link PoolManager} keeps pools of any backend under this interface.
 *
 * <p>A borrowed connection is {@link AutoCloseable}; closing it releases it, so the normal use is
 * <pre>{@code
 * try (var conn = pool.acquire()) {
 *     ... use conn ...
 * }
 * }</pre>
 *
 * @param <L> what a borrower holds
 */
public interface Pool<L extends AutoCloseable> extends AutoCloseable {

    /** The pool's name, unique within a {@link PoolManager}. */
    String name();

    /** {@code mongodb}, {@code redis}, {@code postgresql} or a custom backend type. */
    String backendType();

    /** The pool's options. */
    PoolConfig config();

    PoolState state();

    /**
     * Makes a new pool ready (a pool core starts paused), then opens {@code minSize} connections
     * (at least one, to prove the backend answers) before returning, and reports the first failure:
     * a wrong password or an unreachable server shows here rather than at the first acquire.
     * Calling it again tops the pool up the same way.
     */
    void init();

    /** Borrows a connection, waiting at most the configured {@code acquireTimeout}. */
    L acquire();

    /** Borrows a connection, waiting at most {@code timeout} in all (zero: do not wait). */
    L acquire(Duration timeout);

    /**
     * Borrows a connection without blocking the caller: the stage completes when the pool hands
     * a connection over (on the thread that hands it over), or fails when the acquire timeout
     * passes. Cancelling the future withdraws the request.
     */
    CompletionStage<L> acquireAsync();

    /** As {@link #acquireAsync()}, with its own deadline. */
    CompletionStage<L> acquireAsync(Duration timeout);

    /** Gives a borrowed connection back; the same as closing it, but refuses one of another pool. */
    void release(L connection);

    /** A snapshot of sizes and counters. */
    PoolStats stats();

    /** Open connections (in use and idle), as the seed's {@code size}. */
    default int size() {
        return stats().total();
    }

    /** Idle connections, as the seed's {@code available}. */
    default int available() {
        return stats().available();
    }

    /**
     * Retires every current connection (idle ones now, borrowed ones when they come back) and
     * pauses the pool until a probe opens a connection again. Clearing a paused pool changes
     * nothing.
     */
    void clear();

    /**
     * Ends a pause at once: a new pool's paused start without opening anything, a cleared pool's
     * pause without waiting for the probe.
     */
    void ready();

    void addListener(PoolListener listener);

    void removeListener(PoolListener listener);

    /**
     * Closes the pool: waiters fail at once, idle connections close now, borrowed ones when they
     * come back. Idempotent.
     */
    @Override
    void close();
}
