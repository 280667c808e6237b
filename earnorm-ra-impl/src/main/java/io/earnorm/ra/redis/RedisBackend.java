package io.earnorm.ra.redis;

import io.earnorm.ra.backend.NetworkErrors;
import io.earnorm.ra.pool.Backend;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.exceptions.JedisException;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * Opens, checks, resets and closes single Redis connections ({@link Connection}, one socket each)
 * for the pool core.
 *
 * <ul>
 * <li>Open: connect, authenticate, select the database, set the client name, then {@code PING}
 *     (the driver ignores {@code NOAUTH} during its handshake, so only a command proves the
 *     credentials). A failure is a {@link RedisOpenException}.</li>
 * <li>Validate: {@code PING} with the socket timeout set to the given bound for that one reply,
 *     so a server that stopped answering fails validation in time instead of hanging it.</li>
 * <li>Reset: undo what the borrower changed in the session ({@link RedisSession#restore}); a
 *     connection that failed or cannot be restored throws, and the pool closes it.</li>
 * <li>Server unavailable: the socket could not be opened, or the server did not answer the
 *     handshake. A broken socket, end of stream or read timeout on an established connection only
 *     retires that connection; an error reply never does.</li>
 * </ul>
 */
public final class RedisBackend implements Backend<RedisSession> {

    public static final String TYPE = "redis";

    private final RedisSettings settings;
    private final JedisClientConfig clientConfig;

    public RedisBackend(RedisSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clientConfig = settings.clientConfig();
    }

    public RedisSettings settings() {
        return settings;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String describe() {
        return settings.describe();
    }

    @Override
    public RedisSession open() {
        Connection connection;
        try {
            connection = new Connection(settings.hostAndPort(), clientConfig);
        } catch (JedisException e) {
            throw RedisOpenException.of(e, settings);
        }
        try {
            connection.ping();
        } catch (JedisException e) {
            closeQuietly(connection);
            throw RedisOpenException.of(e, settings);
        }
        return new RedisSession(connection);
    }

    @Override
    public boolean validate(RedisSession session, Duration timeout) {
        Connection connection = session.connection();
        if (connection.isBroken() || !connection.isConnected()) {
            return false;
        }
        connection.setSoTimeout(boundMillis(timeout));
        try {
            return connection.ping();
        } finally {
            if (!connection.isBroken()) {
                connection.setSoTimeout(settings.socketTimeoutMillis());
            }
        }
    }

    @Override
    public void reset(RedisSession session) {
        session.restore(settings.database(), settings.clientName());
    }

    @Override
    public void close(RedisSession session) {
        closeQuietly(session.connection());
    }

    @Override
    public boolean isServerUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RedisOpenException open) {
                return open.serverUnreachable();
            }
        }
        return NetworkErrors.isUnreachable(error);
    }

    /** A socket timeout of zero would mean no bound at all. */
    private static int boundMillis(Duration timeout) {
        long millis = timeout.toMillis();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
    }

    private static void closeQuietly(Connection connection) {
        try {
            if (connection.isBroken()) {
                // Skip the flush a normal close does: a dead peer could block it.
                connection.forceDisconnect();
            } else {
                connection.close();
            }
        } catch (IOException | JedisException ignored) {
            // the socket is closed either way
        }
    }

    @Override
    public String toString() {
        return "RedisBackend[" + settings + "]";
    }
}
