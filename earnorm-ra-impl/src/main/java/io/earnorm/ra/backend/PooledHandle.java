package io.earnorm.ra.backend;

import io.earnorm.ra.api.EarnormBackendException;
import io.earnorm.ra.api.EarnormConnection;
import io.earnorm.ra.pool.Lease;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The part of a borrowed connection that every backend shares: the seed's connection protocol
 * over a {@link Lease}, the check that the borrow is still on, and the translation of a driver
 * failure into an {@link EarnormBackendException} that retires a broken connection.
 *
 * @param <C> the physical connection
 */
public abstract class PooledHandle<C> implements EarnormConnection {

    private final Lease<C> lease;

    protected PooledHandle(Lease<C> lease) {
        this.lease = Objects.requireNonNull(lease, "lease");
    }

    /** The physical connection; throws {@link io.earnorm.ra.api.pool.ConnectionClosedException} once released. */
    protected final C physical() {
        return lease.connection();
    }

    /** Throws when the borrow has ended; for guards on typed accessors. */
    protected final void requireOpen() {
        lease.connection();
    }

    /** The lease behind this handle. */
    public final Lease<C> lease() {
        return lease;
    }

    /**
     * Turns a driver failure into the API's exception. When the failure means the connection is
     * gone, the lease is marked broken (and the pool, when the backend says the server is down,
     * paused) so the connection is never handed out again.
     */
    protected final EarnormBackendException failure(String operation, Throwable error, boolean connectionLost) {
        if (connectionLost) {
            lease.markBroken(error);
        }
        String message = backendType() + " " + operation + " failed: " + Secrets.mask(String.valueOf(error.getMessage()));
        return new EarnormBackendException(backendType(), operation, message, connectionLost, error);
    }

    @Override
    public Instant createdAt() {
        return lease.createdAt();
    }

    @Override
    public Instant lastUsedAt() {
        return lease.lastUsedAt();
    }

    @Override
    public Duration idleTime() {
        return lease.idleTime();
    }

    @Override
    public Duration lifetime() {
        return lease.lifetime();
    }

    @Override
    public boolean isStale() {
        return lease.isStale();
    }

    @Override
    public boolean ping() {
        return lease.ping();
    }

    @Override
    public boolean isClosed() {
        return lease.isReleased();
    }

    @Override
    public void close() {
        lease.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + lease + "]";
    }
}
