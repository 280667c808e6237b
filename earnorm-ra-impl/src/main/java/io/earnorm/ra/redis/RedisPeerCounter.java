package io.earnorm.ra.redis;

import io.earnorm.ra.pool.PeerCounter;
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
final class RedisPeerCounter implements PeerCounter {

    private final HostAndPort address;
    private final Function<String, RedisSettings> named;
    private Connection connection; // used by one read at a time, as the pool promises
    private String name;

    RedisPeerCounter(HostAndPort address, Function<String, RedisSettings> named) {
        this.address = address;
        this.named = named;
    }

    @Override
    public synchronized Iterable<String> read(String ownName, String prefix) {
        try {
            name(ownName);
            String list = connection.executeCommand(new CommandObject<>(new CommandArguments(Protocol.Command.CLIENT).add(Protocol.Keyword.LIST),
                    BuilderFactory.STRING));
            return namesIn(list, prefix);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
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

    private void name(String ownName) {
        if (connection == null || connection.isBroken()) {
            close();
            connection = new Connection(address, named.apply(ownName).clientConfig());
            name = ownName;
        } else if (!ownName.equals(name)) {
            connection.executeCommand(new CommandArguments(Protocol.Command.CLIENT).add(Protocol.Keyword.SETNAME).add(ownName));
            name = ownName;
        }
    }

    @Override
    public synchronized void close() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // the counting connection is going away either way
            }
        }
    }
}
