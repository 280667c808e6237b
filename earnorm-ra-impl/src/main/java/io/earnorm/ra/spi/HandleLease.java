package io.earnorm.ra.spi;

import io.earnorm.ra.api.pool.ConnectionClosedException;
import io.earnorm.ra.pool.Lease;

import java.time.Duration;
import java.time.Instant;

/**
 * What an application's connection handle holds in the resource adapter: a {@link Lease} that
 * goes through the managed connection the handle is associated with (which the container may
 * change with {@code associateConnection}). Closing it tells the managed connection, which tells
 * the container ({@code CONNECTION_CLOSED}); a failure reported through it becomes
 * {@code CONNECTION_ERROR_OCCURRED}.
 */
final class HandleLease<C> implements Lease<C> {

    private volatile EarnormManagedConnection<C> managed;
    private volatile boolean closed;
    /** The application's handle object wrapping this lease, as connection events carry it. */
    volatile Object applicationHandle;

    HandleLease(EarnormManagedConnection<C> managed) {
        this.managed = managed;
    }

    /** Only for messages: a pool name may be built from the backend's address, which costs a parse. */
    private String poolName() {
        return managed.poolName();
    }

    EarnormManagedConnection<C> managedConnection() {
        return managed;
    }

    void associate(EarnormManagedConnection<C> next) {
        this.managed = next;
    }

    /** Called by the managed connection's cleanup or destroy: the handle stops working. */
    void invalidate() {
        closed = true;
    }

    private EarnormManagedConnection<C> open() {
        EarnormManagedConnection<C> mc = managed;
        if (closed) {
            throw new ConnectionClosedException(poolName(), "this connection handle was closed (or its managed connection cleaned up) and cannot be used any more; get a new one from the connection factory");
        }
        return mc;
    }

    @Override
    public C connection() {
        return open().physical();
    }

    @Override
    public boolean isReleased() {
        return closed;
    }

    @Override
    public void markBroken(Throwable cause) {
        open().connectionFailed(this, cause);
    }

    @Override
    public boolean ping() {
        return open().lease().ping();
    }

    @Override
    public Instant createdAt() {
        return open().lease().createdAt();
    }

    @Override
    public Instant lastUsedAt() {
        return open().lease().lastUsedAt();
    }

    @Override
    public Duration idleTime() {
        return open().lease().idleTime();
    }

    @Override
    public Duration lifetime() {
        return open().lease().lifetime();
    }

    @Override
    public boolean isStale() {
        return open().lease().isStale();
    }

    @Override
    public void close() {
        EarnormManagedConnection<C> mc = open();
        closed = true;
        mc.handleClosed(this);
    }

    @Override
    public String toString() {
        return "HandleLease[" + poolName() + (closed ? ", closed" : "") + "]";
    }
}
