package io.earnorm.ra.redis;

import io.earnorm.ra.api.EarnormBackendException;
import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.backend.PooledHandle;
import io.earnorm.ra.pool.Lease;
import redis.clients.jedis.commands.JedisCommands;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A borrowed Redis connection: {@code execute} any command by name, or use Jedis's typed commands
 * through {@link #commands()}. Closing it gives the socket back to its pool.
 */
public final class RedisHandle extends PooledHandle<RedisSession> implements RedisConnection {

    private JedisCommands commands;

    public RedisHandle(Lease<RedisSession> lease) {
        super(lease);
    }

    @Override
    public String backendType() {
        return RedisBackend.TYPE;
    }

    /**
     * Sends {@code operation} with {@code args} and decodes the reply: bulk and status replies as
     * {@code String} (UTF-8), integers as {@code Long}, arrays as {@code List}, nil as {@code null}.
     * For raw bytes use {@link #executeBinary}. See {@link RedisExecutor} for what is refused.
     *
     * @throws UnsupportedOperationException for a command the server does not know, or one execute refuses
     * @throws IllegalArgumentException      for a wrong number of arguments, or an argument of another type
     *                                       than String, byte[] or a number
     * @throws EarnormBackendException       for any other error reply ({@code connectionLost() == false}, the
     *                                       connection stays usable) or a lost connection ({@code true}, the
     *                                       connection is retired); in a Sentinel pool, {@code READONLY} (the
     *                                       master was demoted) retires the connection and clears the pool; in a
     *                                       cluster pool a node's failure, after the driver's retries, retires nothing
     */
    @Override
    public Object execute(String operation, Object... args) {
        return run(operation, args, false);
    }

    /** As {@link #execute}, but bulk and status replies come back as {@code byte[]}, untouched. */
    @Override
    public Object executeBinary(String operation, Object... args) {
        return run(operation, args, true);
    }

    private Object run(String operation, Object[] args, boolean binary) {
        RedisSession session = physical();
        RedisCommandLine line = RedisCommandLine.of(operation, args);
        try {
            return session.execute(line, binary);
        } catch (JedisException e) {
            throw failure(line.command(), e, session.retiresOn(e));
        }
    }

    /**
     * Jedis's typed commands on this connection. Only the {@link JedisCommands} interface is
     * offered, so nothing obtained here can close the socket or change its session; every call
     * fails with {@link io.earnorm.ra.api.pool.ConnectionClosedException} once this connection is closed.
     */
    @Override
    public JedisCommands commands() {
        requireOpen();
        if (commands == null) {
            commands = GuardedCommands.of(lease());
        }
        return commands;
    }
}
