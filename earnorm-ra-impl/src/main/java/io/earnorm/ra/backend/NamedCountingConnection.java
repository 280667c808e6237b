package io.earnorm.ra.backend;

import io.earnorm.ra.pool.PeerCounter;

import java.lang.System.Logger.Level;

/**
 * What every backend's {@link PeerCounter} shares: one connection of its own, opened when first
 * needed and again after a failure, named as the instance's counting connection (renamed when the
 * pool asks for another name), through which the backend lists the fleet's connection names. A
 * failed read closes the connection, so the next read starts on a fresh one.
 *
 * @param <T> the backend's connection (a JDBC connection, a Jedis connection, a MongoDB client)
 */
public abstract class NamedCountingConnection<T extends AutoCloseable> implements PeerCounter {

    private static final System.Logger LOG = System.getLogger(NamedCountingConnection.class.getName());

    private T connection; // guarded by this: the pool reads one at a time, close may come from another thread
    private String name;

    /** Opens a connection named {@code name}. */
    protected abstract T open(String name) throws Exception;

    /** Gives an open connection another name; false when the backend cannot, and a new connection must be opened instead. */
    protected abstract boolean rename(T connection, String name) throws Exception;

    /** The names of the server's connections that start with {@code prefix}. */
    protected abstract Iterable<String> list(T connection, String prefix) throws Exception;

    @Override
    public final synchronized Iterable<String> read(String ownName, String prefix) throws Exception {
        try {
            if (connection != null && !ownName.equals(name) && !rename(connection, ownName)) {
                close();
            }
            if (connection == null) {
                connection = open(ownName);
            }
            name = ownName;
            return list(connection, prefix);
        } catch (Exception | LinkageError e) {
            close();
            throw e;
        }
    }

    @Override
    public final synchronized void close() {
        T c = connection;
        connection = null;
        name = null;
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(Level.DEBUG, () -> "closing a fleet counting connection failed: " + e);
            }
        }
    }
}
