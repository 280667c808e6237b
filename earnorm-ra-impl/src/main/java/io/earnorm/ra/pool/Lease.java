package io.earnorm.ra.pool;

import java.time.Duration;
import java.time.Instant;

/**
 * One borrower's hold on one physical connection, as backends' connection handles see it. The
 * pool core's {@link PooledConnection} is one; the resource adapter's managed connections provide
 * another, so that one handle class per backend serves both.
 *
 * @param <C> the physical connection
 */
public interface Lease<C> extends AutoCloseable {

    /**
     * The physical connection while the lease lasts.
     *
     * @throws io.earnorm.ra.api.pool.ConnectionClosedException once it has ended
     */
    C connection();

    /** True once the lease has ended. */
    boolean isReleased();

    /** Reports that the connection failed, so that it is closed rather than reused. */
    void markBroken(Throwable cause);

    /** Validates the connection now. */
    boolean ping();

    Instant createdAt();

    Instant lastUsedAt();

    Duration idleTime();

    Duration lifetime();

    boolean isStale();

    /** Ends the lease: the connection goes back to its pool. */
    @Override
    void close();
}
