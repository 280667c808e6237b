package io.earnorm.ra.redis;

import redis.clients.jedis.BuilderFactory;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisClusterOperationException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

import java.time.Duration;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command of {@code execute} through a pool's cluster client: its key arguments
 * ({@link RedisKeyPositions}) pick the shard; the client follows MOVED and ASK and, while a master
 * fails over, retries within its budget. Keyless commands go to any node, or to every master when
 * Redis says the command is for all of them ({@code DBSIZE}, {@code KEYS}, {@code FLUSHALL}), with
 * the replies combined by the driver.
 *
 * <p>Besides what {@link RedisExecutor} refuses everywhere, commands that only make sense on one
 * socket are refused here, since consecutive commands of one borrower may use different sockets.
 */
final class RedisClusterExecutor {

    private static final String SAME_SOCKET = "in a cluster pool consecutive commands may go to different sockets and nodes, so state kept on one socket";

    private static final String TRANSACTION = SAME_SOCKET + " (a transaction) cannot be relied on;"
            + " run the commands in one Lua script (EVAL) on keys of one {hash tag}";
    private static final String WATCHES = SAME_SOCKET + " (a watch) cannot be relied on; run the check-and-set in one Lua script (EVAL)";
    private static final String REPLICA_READS = SAME_SOCKET + " (replica reads) cannot be relied on";

    private static final Map<String, String> REFUSED_IN_CLUSTER = Map.of(
            "MULTI", TRANSACTION,
            "EXEC", TRANSACTION,
            "DISCARD", TRANSACTION,
            "WATCH", WATCHES,
            "UNWATCH", WATCHES,
            "SELECT", "a Redis Cluster has database 0 only",
            "AUTH", "the pool authenticates every socket of the cluster client itself",
            "READONLY", REPLICA_READS,
            "READWRITE", REPLICA_READS);

    private RedisClusterExecutor() {
    }

    static Object execute(RedisClusterClient client, RedisKeyPositions keyPositions, Duration retryBudget, RedisCommandLine line, boolean binary) {
        RedisExecutor.refuseUnsupported(line);
        String reason = REFUSED_IN_CLUSTER.get(line.command());
        if (reason == null && line.command().equals("CLIENT") && "SETNAME".equals(line.subcommand())) {
            reason = SAME_SOCKET + " (a client name) cannot be relied on; set clientName on the pool";
        }
        if (reason != null) {
            throw new UnsupportedOperationException("redis command " + line.command() + " is not supported by execute on a cluster: " + reason);
        }
        BitSet keys = keyPositions.of(line);
        ProtocolCommand command = line::name;
        CommandArguments arguments = new CommandArguments(command);
        for (int i = 0; i < line.arguments().size(); i++) {
            if (keys.get(i)) {
                arguments.key(line.arguments().get(i));
            } else {
                arguments.add(line.arguments().get(i));
            }
        }
        if (RedisExecutor.isBlocking(line)) {
            arguments.blocking();
        }
        CommandObject<Object> commandObject = new CommandObject<>(arguments, BuilderFactory.RAW_OBJECT);
        return RedisReplies.decode(sendWithinBudget(client, commandObject, line, retryBudget), binary, line.command());
    }

    /**
     * Sends the command, trying again while the cluster cannot serve its slot (a master down and its
     * replica not yet promoted) until {@code retryBudget} is spent. The driver retries too, but gives
     * up after its attempts even when they all failed at once, well before a failover completes.
     */
    private static Object sendWithinBudget(RedisClusterClient client, CommandObject<Object> command, RedisCommandLine line, Duration retryBudget) {
        long deadline = System.nanoTime() + retryBudget.toNanos();
        long pauseMillis = 50;
        while (true) {
            try {
                return client.executeCommand(command);
            } catch (JedisDataException e) {
                throw RedisExecutor.serverError(line, e);
            } catch (JedisClusterOperationException | JedisConnectionException e) {
                if (String.valueOf(e.getMessage()).contains("multiple hash slots")) {
                    throw new IllegalArgumentException("the keys of redis command " + line.command() + " are in different hash slots of the cluster,"
                            + " which Redis refuses; give them a common {hash tag} (the driver said: " + e.getMessage() + ")", e);
                }
                if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseMillis) - deadline > 0) {
                    throw e;
                }
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pauseMillis = Math.min(pauseMillis * 2, 1000);
            }
        }
    }
}
