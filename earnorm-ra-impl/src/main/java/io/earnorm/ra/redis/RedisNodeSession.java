package io.earnorm.ra.redis;

import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * One pooled socket to one Redis server (alone, or the master Sentinel names), and what its borrowers changed in the server-side session that the
 * next borrower must not inherit. {@code execute} reports each command it ran
 * ({@link #noteCommand}); on return the pool calls {@link #restore} (through the backend's reset),
 * which undoes what can be undone and refuses, so that the connection is retired, what cannot.
 *
 * <p>Used by one thread at a time, as every pooled connection.
 */
final class RedisNodeSession extends RedisSession {

    private final Connection connection;
    /** Whether this socket must stay on a master (the Sentinel topology): a READONLY reply then means the master was demoted. */
    private final boolean mustBeMaster;
    private Jedis typed;

    private boolean inTransaction;
    private boolean watching;
    private boolean databaseChanged;
    private boolean nameChanged;
    /** The command that changed the session beyond repair, or {@code null}. */
    private String unrestorable;

    RedisNodeSession(Connection connection, boolean mustBeMaster) {
        this.connection = connection;
        this.mustBeMaster = mustBeMaster;
    }

    Connection connection() {
        return connection;
    }

    boolean mustBeMaster() {
        return mustBeMaster;
    }

    @Override
    Object execute(RedisCommandLine line, boolean binary) {
        return RedisExecutor.execute(this, line, binary);
    }

    @Override
    boolean retiresOn(JedisException error) {
        return !(error instanceof JedisDataException) || (mustBeMaster && isReadOnlyReply(error));
    }

    /** Jedis's typed commands on this one socket; never handed out unguarded, since Jedis can close the socket. */
    @Override
    Jedis typed() {
        if (typed == null) {
            typed = new Jedis(connection);
        }
        return typed;
    }

    /**
     * Records the effect on the session of a command {@code execute} sent.
     *
     * @param command    the command, upper case
     * @param subcommand its first argument, upper case, or {@code null}
     * @param succeeded  false when the server answered with an error
     */
    void noteCommand(String command, String subcommand, boolean succeeded) {
        switch (command) {
            case "MULTI" -> inTransaction |= succeeded;
            case "EXEC", "DISCARD" -> {
                // Both end a transaction and its watches, even when they fail (EXECABORT).
                inTransaction = false;
                watching = false;
            }
            case "WATCH" -> watching |= succeeded;
            case "UNWATCH" -> {
                if (succeeded && !inTransaction) {
                    watching = false;
                }
            }
            // Inside MULTI a queued SELECT or SETNAME answers QUEUED and takes effect at EXEC: counted as done.
            case "SELECT" -> databaseChanged |= succeeded;
            case "AUTH", "READONLY", "READWRITE" -> markUnrestorable(command, succeeded);
            case "CLIENT" -> {
                if ("SETNAME".equals(subcommand)) {
                    nameChanged |= succeeded;
                } else if ("TRACKING".equals(subcommand) || "CACHING".equals(subcommand)
                        || "NO-EVICT".equals(subcommand) || "NO-TOUCH".equals(subcommand)) {
                    markUnrestorable(command + " " + subcommand, succeeded);
                }
            }
            default -> {
                // no session state
            }
        }
    }

    private void markUnrestorable(String command, boolean succeeded) {
        if (succeeded && unrestorable == null) {
            unrestorable = command;
        }
    }

    /**
     * Brings the session back to how the pool opened it: ends an open transaction, drops watches,
     * selects the configured database and name again. Throws when that cannot be done safely, so
     * the pool closes the connection instead of lending it again.
     */
    void restore(int database, String clientName) {
        if (connection.isBroken()) {
            throw new IllegalStateException("the connection failed during the borrow");
        }
        if (unrestorable != null) {
            // RESET would undo these, but it also logs an ACL user out; a new connection is cheaper than guessing.
            throw new IllegalStateException("the borrower ran " + unrestorable + ", which changes the session in a way the pool does not undo");
        }
        if (inTransaction) {
            connection.executeCommand(new CommandArguments(Protocol.Command.DISCARD));
        } else if (watching) {
            connection.executeCommand(new CommandArguments(Protocol.Command.UNWATCH));
        }
        inTransaction = false;
        watching = false;
        if (databaseChanged) {
            connection.executeCommand(new CommandArguments(Protocol.Command.SELECT).add(database));
            databaseChanged = false;
        }
        if (nameChanged) {
            // An empty name removes one the borrower set when the pool configured none.
            connection.executeCommand(new CommandArguments(Protocol.Command.CLIENT).add(Protocol.Keyword.SETNAME)
                    .add(clientName == null ? "" : clientName));
            nameChanged = false;
        }
    }

    @Override
    public String toString() {
        return "RedisNodeSession[" + connection + (connection.isBroken() ? ", broken" : "") + "]";
    }
}
