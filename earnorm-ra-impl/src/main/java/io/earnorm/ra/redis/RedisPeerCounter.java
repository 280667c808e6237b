package io.earnorm.ra.redis;

import io.earnorm.ra.backend.NamedCountingConnection;
import redis.clients.jedis.BuilderFactory;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Counts a pool's fleet on one Redis server: the {@code name=} of each line of
 * {@code CLIENT LIST} that starts with the fleet's prefix, over a connection of its own named (with
 * {@code CLIENT SETNAME}) as the instance's counting connection. {@code CLIENT LIST} is in the
 * {@code @admin} and {@code @dangerous} ACL categories: a user without it gets {@code NOPERM}, and
 * the pool keeps to its static share.
 */
final class RedisPeerCounter extends NamedCountingConnection<Connection> {

    private final HostAndPort address;
    private final Function<String, RedisSettings> named;

    RedisPeerCounter(HostAndPort address, Function<String, RedisSettings> named) {
        this.address = address;
        this.named = named;
    }

    @Override
    protected Connection open(String name) {
        return new Connection(address, named.apply(name).clientConfig());
    }

    @Override
    protected boolean rename(Connection connection, String name) {
        if (connection.isBroken()) {
            return false;
        }
        connection.executeCommand(new CommandArguments(Protocol.Command.CLIENT).add(Protocol.Keyword.SETNAME).add(name));
        return true;
    }

    @Override
    protected List<String> list(Connection connection, String prefix) {
        return namesIn(connection.executeCommand(new CommandObject<>(new CommandArguments(Protocol.Command.CLIENT).add(Protocol.Keyword.LIST),
                BuilderFactory.STRING)), prefix);
    }

    /** The {@code name=} fields of a {@code CLIENT LIST} reply that start with {@code prefix}. */
    static List<String> namesIn(String list, String prefix) {
        List<String> names = new ArrayList<>();
        String field = " name=" + prefix;
        for (String line : list.split("\n")) {
            int at = line.indexOf(field);
            if (at >= 0) {
                int start = at + " name=".length();
                int end = line.indexOf(' ', start);
                names.add((end < 0 ? line.substring(start) : line.substring(start, end)).trim());
            }
        }
        return names;
    }
}
