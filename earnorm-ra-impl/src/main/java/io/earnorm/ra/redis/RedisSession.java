package io.earnorm.ra.redis;

import redis.clients.jedis.commands.JedisCommands;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * What a pooled Redis connection is for the pool core: a socket to one server
 * ({@link RedisNodeSession}), or a lease on a pool's shared cluster client
 * ({@link RedisClusterSession}). A borrowed {@link RedisHandle} runs its commands through it.
 *
 * <p>Used by one thread at a time, as every pooled connection.
 */
public abstract sealed class RedisSession permits RedisNodeSession, RedisClusterSession {

    RedisSession() {
    }

    /** Runs one command of {@code execute}; see {@link RedisExecutor} for the rules. */
    abstract Object execute(RedisCommandLine line, boolean binary);

    /** Jedis's typed commands over this connection; never handed out unguarded. */
    abstract JedisCommands typed();

    /**
     * True when {@code error} means this connection must not be lent again: its socket failed, or
     * it talks to a server that is no longer what the pool wants (a master that Sentinel demoted
     * answers writes with {@code READONLY}).
     */
    abstract boolean retiresOn(JedisException error);

    /** A {@code READONLY} reply: the server is a replica. */
    static boolean isReadOnlyReply(Throwable error) {
        return error instanceof JedisDataException && error.getMessage() != null
                && error.getMessage().startsWith("READONLY");
    }
}
