package io.earnorm.ra.redis;

import redis.clients.jedis.BuilderFactory;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Which arguments of a command are keys, so that the cluster client sends it to the shard that
 * owns them. Asked of the cluster itself ({@code COMMAND INFO}) once per command name and kept:
 * most commands place their keys at fixed positions (first, last, step). Commands whose keys move
 * with their other arguments ({@code EVAL}, {@code XREAD}, {@code ZUNION}, ...) and subcommands
 * ({@code OBJECT ENCODING key}) are asked each time with {@code COMMAND GETKEYS}. A command the
 * server does not know has no keys here; the server then says so itself.
 */
final class RedisKeyPositions {

    /** Where a command's keys are, in the arguments after the name (0 is the first argument). */
    private record Spec(int first, int last, int step, boolean askEachTime) {
        static final Spec KEYLESS = new Spec(-1, -1, 0, false);
    }

    private final UnifiedJedis cluster;
    private final ConcurrentMap<String, Spec> specs = new ConcurrentHashMap<>();

    RedisKeyPositions(UnifiedJedis cluster) {
        this.cluster = cluster;
    }

    /** The positions of {@code line}'s keys among its arguments. */
    BitSet of(RedisCommandLine line) {
        Spec spec = specs.get(line.command());
        if (spec == null) {
            // Asked outside computeIfAbsent, which would hold a lock of the map across the round trip;
            // two threads may ask at once, and both get the same answer.
            spec = lookUp(line.name());
            specs.putIfAbsent(line.command(), spec);
        }
        BitSet keys = new BitSet();
        if (spec.askEachTime()) {
            markReturnedKeys(line, keys);
        } else if (spec.first() >= 0) {
            int count = line.arguments().size();
            // COMMAND INFO counts from the command name and writes "up to the end" as a negative last key.
            int last = spec.last() >= 0 ? spec.last() : count + spec.last();
            for (int i = spec.first(); i <= last && i < count; i += Math.max(1, spec.step())) {
                keys.set(i);
            }
        }
        return keys;
    }

    private Spec lookUp(byte[] name) {
        Object reply = ask(new CommandArguments(Protocol.Command.COMMAND).add("INFO").add(name));
        if (!(reply instanceof List<?> list) || list.isEmpty() || !(list.get(0) instanceof List<?> info) || info.size() < 6) {
            return Spec.KEYLESS;
        }
        long first = (Long) info.get(3);
        long last = (Long) info.get(4);
        long step = (Long) info.get(5);
        boolean movable = info.get(2) instanceof List<?> flags && flags.stream().anyMatch(f -> "movablekeys".equals(text(f)));
        boolean subcommands = info.size() > 9 && info.get(9) instanceof List<?> subs && !subs.isEmpty();
        if (movable || (first == 0 && subcommands)) {
            return new Spec(-1, -1, 0, true);
        }
        if (first <= 0) {
            return Spec.KEYLESS;
        }
        // to positions among the arguments, which start after the name
        return new Spec((int) first - 1, last < 0 ? (int) last : (int) last - 1, (int) step, false);
    }

    private void markReturnedKeys(RedisCommandLine line, BitSet keys) {
        CommandArguments getKeys = new CommandArguments(Protocol.Command.COMMAND).add("GETKEYS").add(line.name());
        line.arguments().forEach(getKeys::add);
        Object reply;
        try {
            reply = ask(getKeys);
        } catch (JedisDataException e) {
            // "no key arguments", or arguments the command refuses: sent as they are, the server's reply says which
            return;
        }
        List<byte[]> returned = new ArrayList<>();
        if (reply instanceof List<?> list) {
            list.forEach(k -> returned.add((byte[]) k));
        }
        for (int i = 0; i < line.arguments().size(); i++) {
            byte[] argument = line.arguments().get(i);
            if (returned.stream().anyMatch(k -> Arrays.equals(k, argument))) {
                keys.set(i);
            }
        }
    }

    private Object ask(CommandArguments arguments) {
        return cluster.executeCommand(new CommandObject<>(arguments, BuilderFactory.RAW_OBJECT));
    }

    private static String text(Object reply) {
        return reply instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(reply);
    }
}
