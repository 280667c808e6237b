package io.earnorm.ra.redis;

import io.earnorm.ra.backend.Secrets;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks a set of Redis Sentinels where the master they watch is now. Asked afresh for every new
 * connection, so that after a failover new connections go to the promoted master without the pool
 * having to follow Sentinel's events.
 */
final class RedisSentinels {

    private final RedisTopology.Sentinel topology;
    private final JedisClientConfig config;

    RedisSentinels(RedisTopology.Sentinel topology, RedisSettings settings) {
        this.topology = topology;
        this.config = DefaultJedisClientConfig.builder()
                .autoNegotiateProtocol(false)
                .connectionTimeoutMillis((int) settings.connectTimeout().toMillis())
                .socketTimeoutMillis(settings.socketTimeoutMillis())
                .password(topology.sentinelPassword())
                .build();
    }

    /**
     * The master's address, from the first sentinel that knows it.
     *
     * @throws RedisOpenException unreachable when no sentinel answered; not unreachable when they
     *                            answered but none knows the master's name, or refused the password
     */
    HostAndPort master() {
        List<String> failures = new ArrayList<>();
        RedisOpenException refusal = null;
        for (HostAndPort sentinel : topology.sentinels()) {
            try (Connection connection = new Connection(sentinel, config)) {
                Object reply = connection.executeCommand(new CommandArguments(Protocol.Command.SENTINEL)
                        .add("GET-MASTER-ADDR-BY-NAME").add(topology.masterName()));
                if (reply instanceof List<?> address && address.size() == 2) {
                    return new HostAndPort(text(address.get(0)), Integer.parseInt(text(address.get(1))));
                }
                failures.add(sentinel + " knows no master named '" + topology.masterName() + "'");
                refusal = RedisOpenException.of("no sentinel knows a master named '" + topology.masterName() + "' (" + String.join("; ", failures)
                        + "); masterName must be the name of a 'sentinel monitor' line", false);
            } catch (JedisDataException e) {
                failures.add(sentinel + " refused: " + scrub(e.getMessage()));
                refusal = RedisOpenException.of("the sentinels refused the request (" + String.join("; ", failures)
                        + "); if they require a password, set sentinelPassword", false);
            } catch (JedisException e) {
                failures.add(sentinel + ": " + scrub(e.getMessage()));
            }
        }
        if (refusal != null) {
            throw refusal;
        }
        throw RedisOpenException.of("no sentinel answered (" + String.join("; ", failures) + ")", true);
    }

    private String scrub(String message) {
        return Secrets.scrub(String.valueOf(message), topology.sentinelPassword());
    }

    private static String text(Object reply) {
        return reply instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(reply);
    }
}
