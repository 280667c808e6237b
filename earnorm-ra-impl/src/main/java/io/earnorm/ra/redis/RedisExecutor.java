package io.earnorm.ra.redis;

import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;

import java.util.Map;
import java.util.Set;

/**
 * Runs one command of {@code execute} on a session: any command by name, including those the
 * driver has no constant for, since the name goes to the server as it was written.
 *
 * <p>Failures come out as the API describes them: a command the server does not know is an
 * {@link UnsupportedOperationException}, a wrong number of arguments an
 * {@link IllegalArgumentException}, both naming the command. Any other error reply
 * ({@code WRONGTYPE}, {@code ERR syntax error}, ...) is rethrown as the driver's
 * {@link JedisDataException}, and a lost connection as its {@code JedisConnectionException}, for
 * the caller to wrap with what it knows of the borrow.
 *
 * <p>Commands that would leave the socket unusable for the next command ({@code SUBSCRIBE} and the
 * like, {@code MONITOR}, {@code CLIENT REPLY OFF}) or undo what the pool set up ({@code QUIT},
 * {@code RESET}, {@code HELLO}) are refused before anything is sent. Blocking commands
 * ({@code BLPOP}, {@code XREAD ... BLOCK}, {@code WAIT}, ...) wait as long as they ask, without the
 * socket timeout, as Jedis's own blocking commands do.
 */
final class RedisExecutor {

    private static final Map<String, String> REFUSED = Map.of(
            "SUBSCRIBE", "it puts the connection in subscribe mode, where it can run nothing else; use a connection of its own for Pub/Sub",
            "PSUBSCRIBE", "it puts the connection in subscribe mode, where it can run nothing else; use a connection of its own for Pub/Sub",
            "SSUBSCRIBE", "it puts the connection in subscribe mode, where it can run nothing else; use a connection of its own for Pub/Sub",
            "MONITOR", "it turns the connection into an endless stream of replies",
            "SYNC", "it turns the connection into a replication stream",
            "PSYNC", "it turns the connection into a replication stream",
            "QUIT", "it closes the pooled connection; close the borrowed connection instead to give it back",
            "RESET", "it logs out the user the pool authenticated; the pool restores the session itself when the connection is given back",
            "HELLO", "it changes the protocol or the user the pool set up (the pool speaks RESP2 as the configured user)");

    private static final Set<String> BLOCKING = Set.of("BLPOP", "BRPOP", "BRPOPLPUSH", "BLMOVE", "BLMPOP", "BZPOPMIN", "BZPOPMAX",
            "BZMPOP", "WAIT", "WAITAOF");

    private RedisExecutor() {
    }

    /**
     * @param binary true to get bulk and status replies as {@code byte[]} instead of {@code String}
     */
    static Object execute(RedisNodeSession session, RedisCommandLine line, boolean binary) {
        refuseUnsupported(line);
        Connection connection = session.connection();
        ProtocolCommand command = line::name;
        CommandArguments arguments = new CommandArguments(command);
        line.arguments().forEach(arguments::add);
        Object reply;
        try {
            reply = send(connection, arguments, isBlocking(line));
        } catch (JedisDataException e) {
            session.noteCommand(line.command(), line.subcommand(), false);
            throw serverError(line, e);
        }
        session.noteCommand(line.command(), line.subcommand(), true);
        return RedisReplies.decode(reply, binary, line.command());
    }

    private static Object send(Connection connection, CommandArguments arguments, boolean blocking) {
        if (!blocking) {
            return connection.executeCommand(arguments);
        }
        connection.setTimeoutInfinite();
        try {
            return connection.executeCommand(arguments);
        } finally {
            if (!connection.isBroken()) {
                connection.rollbackTimeout();
            }
        }
    }

    static void refuseUnsupported(RedisCommandLine line) {
        String reason = REFUSED.get(line.command());
        if (reason != null) {
            throw new UnsupportedOperationException("redis command " + line.command() + " is not supported by execute: " + reason);
        }
        if (line.command().equals("CLIENT") && "REPLY".equals(line.subcommand())
                && ("OFF".equals(line.argument(1)) || "SKIP".equals(line.argument(1)))) {
            throw new UnsupportedOperationException("redis command CLIENT REPLY " + line.argument(1)
                    + " is not supported by execute: execute reads one reply for every command");
        }
    }

    static boolean isBlocking(RedisCommandLine line) {
        String command = line.command();
        if (BLOCKING.contains(command)) {
            return true;
        }
        if (command.equals("XREAD") || command.equals("XREADGROUP")) {
            for (int i = 0; i < line.arguments().size(); i++) {
                String word = line.argument(i);
                if ("STREAMS".equals(word)) {
                    return false;
                }
                if ("BLOCK".equals(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    static RuntimeException serverError(RedisCommandLine line, JedisDataException error) {
        String message = String.valueOf(error.getMessage());
        if (message.startsWith("ERR unknown command")) {
            return new UnsupportedOperationException("redis has no command " + line.command() + " (the server said: " + message
                    + "); COMMAND LIST names the commands it knows", error);
        }
        if (message.startsWith("ERR unknown subcommand")) {
            return new UnsupportedOperationException("redis command " + line.command() + " has no subcommand " + line.subcommand()
                    + " (the server said: " + message + "); " + line.command() + " HELP lists them", error);
        }
        if (message.contains("wrong number of arguments")) {
            return new IllegalArgumentException("wrong number of arguments for redis command " + line.command() + ": got "
                    + line.arguments().size() + " (the server said: " + message + "); COMMAND DOCS " + line.command()
                    + " shows what it expects", error);
        }
        return error;
    }
}
