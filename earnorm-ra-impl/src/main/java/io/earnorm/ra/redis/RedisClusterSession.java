package io.earnorm.ra.redis;

import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.commands.JedisCommands;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;

/**
 * A pooled connection of a cluster pool: a lease on the pool's one cluster client, which keeps
 * sockets to every node and sends each command to the node that owns its keys. The lease is what
 * the pool counts and bounds ({@code maxSize}); it holds no socket of its own, so nothing a
 * borrower does can break it, and a node's failure never retires it.
 */
final class RedisClusterSession extends RedisSession {

    private final RedisClusterClient client;
    private final RedisKeyPositions keys;
    private final Duration retryBudget;

    RedisClusterSession(RedisClusterClient client, RedisKeyPositions keys, Duration retryBudget) {
        this.client = client;
        this.keys = keys;
        this.retryBudget = retryBudget;
    }

    RedisClusterClient client() {
        return client;
    }

    @Override
    Object execute(RedisCommandLine line, boolean binary) {
        return RedisClusterExecutor.execute(client, keys, retryBudget, line, binary);
    }

    @Override
    JedisCommands typed() {
        return client;
    }

    @Override
    boolean retiresOn(JedisException error) {
        return false;
    }

    @Override
    public String toString() {
        return "RedisClusterSession[" + client.getClusterNodes().keySet() + "]";
    }
}
