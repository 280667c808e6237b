package io.earnorm.ra.api;

import java.time.Duration;
import java.time.Instant;

/**
 * The seed's connection protocol: what every borrowed connection offers, whichever the backend and
 * whether it came from a plain Java pool or from the resource adapter.
 *
 * <p>A connection is borrowed from a pool; {@link #close()} gives it back. After that every call,
 * including the typed accessors of the backend interfaces and anything obtained from them, fails
 * with {@link io.earnorm.ra.api.pool.ConnectionClosedException}.
 */
public interface EarnormConnection extends AutoCloseable {

    /** {@code mongodb}, {@code redis} or {@code postgresql}. */
    String backendType();

    /** When the underlying physical connection was opened. */
    Instant createdAt();

    /** When this connection was last handed out. */
    Instant lastUsedAt();

    /** How long the connection sat idle in its pool before this borrow. */
    Duration idleTime();

    /** How long ago the underlying physical connection was opened. */
    Duration lifetime();

    /** True when the pool will retire the connection on return (cleared generation, past its lifetime, broken). */
    boolean isStale();

    /** Checks the connection against the server now, within the pool's validation timeout. */
    boolean ping();

    /**
     * Runs one operation by name, the seed's convention. What the operation names and arguments
     * are, and what comes back, is the backend's: see {@code MongoConnection}, {@code RedisConnection}
     * and {@code PostgresConnection}.
     *
     * @throws UnsupportedOperationException naming the operation and the known ones, for an unknown operation
     * @throws IllegalArgumentException naming the operation and what it expected, for wrong arguments
     * @throws EarnormBackendException when the server refuses or fails the operation
     */
    Object execute(String operation, Object... args);

    /** True once the connection went back to its pool. */
    boolean isClosed();

    /** Gives the connection back to its pool. Closing twice is refused. */
    @Override
    void close();
}
