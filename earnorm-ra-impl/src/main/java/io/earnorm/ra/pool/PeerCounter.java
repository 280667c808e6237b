package io.earnorm.ra.pool;

/**
 * What a backend gives the pool for a fleet budget ({@code fleetMaxSize}): the names of the fleet's
 * connections as the server itself lists them (PostgreSQL {@code pg_stat_activity}, Redis
 * {@code CLIENT LIST}, ...). It reads over a connection of its own, named as the instance's
 * counting connection, so that an instance holding no pooled connection is still seen by the
 * others. The pool calls it from one of its threads, one read at a time.
 */
public interface PeerCounter extends AutoCloseable {

    /**
     * Names the counting connection {@code ownName} (opening it when needed), then lists the names
     * of every connection on the server that starts with {@code prefix}, the counting connection's
     * own included. Throws when the server cannot be asked or refuses (a missing privilege); the
     * pool then keeps to a static share until a read succeeds again.
     */
    Iterable<String> read(String ownName, String prefix) throws Exception;

    /** Closes the counting connection; the pool calls it when it closes. Must not throw. */
    @Override
    void close();
}
