package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.AcquireInterruptedException;
import io.earnorm.ra.api.pool.AcquireTimeoutException;
import io.earnorm.ra.api.pool.BackendUnavailableException;
import io.earnorm.ra.api.pool.CheckOutFailureReason;
import io.earnorm.ra.api.pool.ConnectionClosedException;
import io.earnorm.ra.api.pool.IllegalReleaseException;
import io.earnorm.ra.api.pool.PoolClosedException;
import io.earnorm.ra.api.pool.PoolExhaustedException;
import io.earnorm.ra.api.pool.PoolNotReadyException;
import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.api.pool.PoolStats;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The text of every error a pool raises, with the figures that explain it. */
final class PoolErrors {

    private final String pool;
    private final Backend<?> backend;
    private final int maxSize;
    private final Supplier<PoolStats> stats;

    PoolErrors(String pool, Backend<?> backend, int maxSize, Supplier<PoolStats> stats) {
        this.pool = pool;
        this.backend = backend;
        this.maxSize = maxSize;
        this.stats = stats;
    }

    /** Why an acquire is refused in this state, or {@code null} when the pool is ready. */
    RuntimeException refusal(Lifecycle lifecycle) {
        PoolState s = lifecycle.state();
        if (s == PoolState.READY) {
            return null;
        }
        if (s == PoolState.CLOSED) {
            return closed();
        }
        if (!lifecycle.initialized()) {
            return new PoolNotReadyException(pool, "the pool is not initialised yet: a pool starts paused; call init() before the first acquire");
        }
        return unavailable(lifecycle.pauseCause());
    }

    RuntimeException closed() {
        return new PoolClosedException(pool, "the pool is closed");
    }

    RuntimeException unavailable(Throwable cause) {
        return new BackendUnavailableException(pool, backend.type() + " at " + backend.describe()
                + " is unavailable; the pool is paused until it answers again" + (cause == null ? "" : " (" + cause + ")"), cause);
    }

    RuntimeException exhausted() {
        return new PoolExhaustedException(pool, "no idle connection and the caller would not wait (" + figures() + ")");
    }

    RuntimeException timedOut(Waiter<?> w, long now) {
        long waited = TimeUnit.NANOSECONDS.toMillis(now - w.startNanos);
        return new AcquireTimeoutException(pool, "timed out after " + waited + " ms waiting for a connection ("
                + figures() + (w.failedValidations == 0 ? "" : ", " + w.failedValidations + " failed validations") + ")");
    }

    RuntimeException interrupted(Waiter<?> w, long now) {
        long waited = TimeUnit.NANOSECONDS.toMillis(now - w.startNanos);
        return new AcquireInterruptedException(pool, "interrupted after " + waited + " ms waiting for a connection (" + figures() + ")");
    }

    String figures() {
        PoolStats s = stats.get();
        return "total=" + s.total() + ", inUse=" + s.active() + ", idle=" + s.available() + ", opening=" + s.opening()
                + ", waiting=" + s.pending() + ", maxSize=" + maxSize;
    }

    IllegalReleaseException releasedTwice(PoolEntry<?> e) {
        return new IllegalReleaseException(pool, "connection #" + e.id + " was already released; a connection can be released once per borrow");
    }

    IllegalReleaseException foreign(PooledConnection<?> c) {
        return new IllegalReleaseException(pool, "connection #" + c.id() + " belongs to pool '"
                + c.poolName() + "', not to this pool; release it to its own pool");
    }

    ConnectionClosedException handleEnded(PoolEntry<?> e, long borrowState) {
        if (e.interruptedBorrow == borrowState) {
            return new ConnectionClosedException(pool, "connection #" + e.id
                    + " was closed while in use because the pool was cleared (interruptInUse); acquire a new one");
        }
        return new ConnectionClosedException(pool, "connection #" + e.id + " was released to the pool and cannot be used any more; acquire a new one");
    }

    static CheckOutFailureReason reasonOf(RuntimeException error) {
        if (error instanceof AcquireTimeoutException || error instanceof PoolExhaustedException) {
            return CheckOutFailureReason.TIMEOUT;
        }
        if (error instanceof PoolClosedException) {
            return CheckOutFailureReason.POOL_CLOSED;
        }
        if (error instanceof AcquireInterruptedException) {
            return CheckOutFailureReason.INTERRUPTED;
        }
        return CheckOutFailureReason.CONNECTION_ERROR;
    }

    static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a pool needs a name (name=" + (name == null ? "null" : "'" + name + "'") + ")");
        }
        return name;
    }

    /** A caller's timeout in nanoseconds; a negative one is refused, one too long to count is "forever". */
    static long timeoutNanos(Duration timeout) {
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
}
