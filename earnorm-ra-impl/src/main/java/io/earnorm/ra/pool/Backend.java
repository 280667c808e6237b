package io.earnorm.ra.pool;

import java.time.Duration;

/**
 * What the pool core needs from a backend: how to open, validate, reset and close one physical
 * connection. The core calls these without holding any lock, from borrower threads and from the
 * pool's own threads; an implementation must be thread-safe across connections (one connection is
 * only ever used by one thread at a time).
 *
 * @param <C> the physical connection
 */
public interface Backend<C> {

    /** The backend's type as the seed names it: {@code mongodb}, {@code redis}, {@code postgresql}. */
    String type();

    /** Where connections go, for messages and logs, with any secret masked ({@code 127.0.0.1:5432/test}). */
    String describe();

    /**
     * Opens one connection, ready to use; throws when it cannot. The pool puts the error's message
     * in the exception its caller gets and in a log line, so it must carry no secret: a backend
     * masks the driver's message when the driver may echo a password or a URI with one.
     */
    C open() throws Exception;

    /**
     * Tells whether the connection still works, answering within {@code timeout}. A connection that
     * throws is treated as invalid.
     */
    boolean validate(C connection, Duration timeout) throws Exception;

    /** Makes a returned connection fit for the next borrower (roll back, restore session settings). */
    default void reset(C connection) throws Exception {
    }

    /** Closes the connection, releasing its resources; must not block for long on a dead server. */
    void close(C connection) throws Exception;

    /**
     * Releases what the backend holds besides its connections (a driver's client). The pool calls
     * it once, when it closes, after closing its idle connections; connections still borrowed are
     * closed as they come back, so an implementation must not fail those closes.
     */
    default void shutdown() {
    }

    /**
     * Tells whether an error means the server itself is unreachable (refused, reset, timed out),
     * rather than one connection or one request failing. Such an error clears and pauses the pool,
     * so that acquires fail fast until a probe finds the server again.
     */
    default boolean isServerUnavailable(Throwable error) {
        return false;
    }

    /**
     * For a pool with a fleet budget ({@code fleetMaxSize}): names every connection this backend
     * opens from now on {@link FleetTag#connectionName()} where the server shows it to other clients
     * (PostgreSQL {@code application_name}, Redis {@code CLIENT SETNAME}, MongoDB {@code appName}),
     * and returns the counter of the fleet's connections on the server. The pool calls it once,
     * before its first open. {@code null} (the default) when the backend cannot count: the pool
     * then keeps to a static share of the budget.
     */
    default PeerCounter joinFleet(FleetTag tag) {
        return null;
    }
}
