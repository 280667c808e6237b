package io.earnorm.ra.api;

import redis.clients.jedis.commands.JedisCommands;

/**
 * A borrowed Redis connection: one real socket to the server.
 *
 * <p>{@code execute} sends any Redis command by name with its arguments:
 * {@code execute("SET", "k", "v")}, {@code execute("HGETALL", "h")}.
 */
public interface RedisConnection extends EarnormConnection {

    /**
     * As {@link #execute}, but bulk and status replies come back as {@code byte[]}, untouched: for
     * binary values.
     */
    Object executeBinary(String operation, Object... args);

    /** The driver's typed command interface on this one connection; it refuses every call once this connection is closed. */
    JedisCommands commands();
}
