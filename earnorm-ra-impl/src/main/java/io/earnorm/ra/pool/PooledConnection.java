package io.earnorm.ra.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One borrow of one pooled connection. Closing it gives the connection back; try-with-resources is
 * the normal way to hold one. A new handle is made for every borrow and remembers which borrow it
 * is, so after {@link #close()} it refuses every call, and closing it again is refused with an
 * {@link io.earnorm.ra.api.pool.IllegalReleaseException} instead of touching whoever borrowed the
 * connection next.
 *
 * @param <C> the physical connection
 */
public final class PooledConnection<C> implements Lease<C> {

    private final PoolEntry<C> entry;
    private final long borrowState;

    PooledConnection(PoolEntry<C> entry, long borrowState) {
        this.entry = entry;
        this.borrowState = borrowState;
    }

    /**
     * The physical connection, for as long as this borrow lasts.
     *
     * @throws io.earnorm.ra.api.pool.ConnectionClosedException once the borrow has ended
     */
    @Override
    public C connection() {
        if (entry.state() != borrowState) {
            throw entry.pool.handleEnded(entry, borrowState);
        }
        return entry.connection;
    }

    /** The connection's id within its pool: 1 for the first connection the pool opened. */
    public long id() {
        return entry.id;
    }

    public String poolName() {
        return entry.pool.name();
    }

    /** True once this borrow has ended (released, or the connection retired). */
    @Override
    public boolean isReleased() {
        return entry.state() != borrowState;
    }

    /** When the physical connection was opened. */
    @Override
    public Instant createdAt() {
        return Instant.ofEpochMilli(entry.createdMillis);
    }

    /** When this borrow began: the connection's last hand-out. */
    @Override
    public Instant lastUsedAt() {
        return createdAt().plusNanos(entry.borrowedNanos - entry.createdNanos);
    }

    /** How long the connection sat idle before this borrow. */
    @Override
    public Duration idleTime() {
        return Duration.ofNanos(Math.max(0, entry.borrowedNanos - entry.lastUsedNanos));
    }

    /** How long ago the physical connection was opened. */
    @Override
    public Duration lifetime() {
        return Duration.ofNanos(Math.max(0, entry.pool.clock.nanoTime() - entry.createdNanos));
    }

    /**
     * True when the pool will retire the connection on return: it belongs to a cleared generation,
     * outlived its lifetime, or was reported broken.
     */
    @Override
    public boolean isStale() {
        return entry.pool.isStale(entry) || entry.broken;
    }

    /** Validates the connection now, bounded by the pool's {@code validationTimeout}. */
    @Override
    public boolean ping() {
        connection();
        return entry.pool.validator.ping(entry);
    }

    /**
     * Reports that the connection failed: it will be closed instead of reused when this borrow
     * ends, and when {@code cause} means the server is gone the pool is cleared and paused at once.
     */
    @Override
    public void markBroken(Throwable cause) {
        connection();
        entry.pool.connectionFailed(entry, cause);
    }

    /** Gives the connection back to its pool. */
    @Override
    public void close() {
        entry.pool.handOff.checkIn(entry, borrowState);
    }

    PoolEntry<C> entry() {
        return entry;
    }

    @Override
    public String toString() {
        return "PooledConnection[pool=" + poolName() + ", id=" + entry.id + (isReleased() ? ", released" : "")
                + ", age=" + TimeUnit.NANOSECONDS.toMillis(lifetime().toNanos()) + "ms]";
    }
}
