package io.earnorm.ra.redis;

import io.earnorm.ra.backend.Causes;
import io.earnorm.ra.backend.NetworkErrors;
import io.earnorm.ra.pool.Durations;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A Redis connection could not be opened. The pool puts it under its own exception, whose message
 * already names the backend and the address; this one says what went wrong and, through
 * {@link #serverUnreachable()}, whether the server could not be talked to at all (which pauses the
 * pool) or answered with a refusal (a wrong password, a database out of range).
 */
public final class RedisOpenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean serverUnreachable;

    private RedisOpenException(String message, boolean serverUnreachable, Throwable cause) {
        super(message, cause);
        this.serverUnreachable = serverUnreachable;
    }

    /**
     * True when the socket could not be opened or the server did not answer the handshake in
     * time: every connection would fail the same way until the server is back.
     */
    public boolean serverUnreachable() {
        return serverUnreachable;
    }

    /** Explains a driver failure while opening; the password is scrubbed, and a cause that echoes it is dropped. */
    static RedisOpenException of(JedisException error, RedisSettings settings) {
        boolean unreachable = error instanceof JedisConnectionException;
        String what;
        if (unreachable && !refusedOrUnknown(error)) {
            what = "the connection failed before the server answered: " + details(error)
                    + " (connectTimeout=" + Durations.format(settings.connectTimeout())
                    + ", socketTimeout=" + Durations.format(settings.socketTimeout()) + ")";
        } else if (unreachable) {
            what = "the server is unreachable: " + details(error);
        } else if (startsWith(error, "NOAUTH")) {
            what = "the server requires a password and none was given (set password, or write redis://:password@host): " + error.getMessage();
        } else if (error instanceof JedisAccessControlException || startsWith(error, "WRONGPASS")) {
            what = "the server refused the credentials of user '" + (settings.user() == null ? "default" : settings.user()) + "': " + error.getMessage();
        } else if (error instanceof JedisDataException) {
            what = "the server refused the connection: " + error.getMessage();
        } else {
            what = "the handshake failed: " + details(error);
        }
        String message = settings.scrub(what);
        return new RedisOpenException(message, unreachable, mentions(error, settings.password()) ? null : error);
    }

    /** A failure the pool's own code found (no sentinel answered, none knows the master); {@code what} holds no secret. */
    static RedisOpenException of(String what, boolean serverUnreachable) {
        return new RedisOpenException(what, serverUnreachable, null);
    }

    /** {@code error} with {@code context} (where the address came from) in front of its message. */
    static RedisOpenException within(String context, RedisOpenException error) {
        return new RedisOpenException(context + ": " + error.getMessage(), error.serverUnreachable, error.getCause());
    }

    /** Refused, no route, unknown host: the JDK's reason, which Jedis keeps as a cause or a suppressed exception. */
    private static boolean refusedOrUnknown(Throwable error) {
        if (NetworkErrors.isUnreachable(error)) {
            return true;
        }
        for (Throwable s : error.getSuppressed()) {
            if (NetworkErrors.isUnreachable(s)) {
                return true;
            }
        }
        return false;
    }

    /** The driver's message plus the JDK's reasons under it, each once. */
    private static String details(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
        for (Throwable t : Causes.under(error)) {
            if (!text.toString().contains(t.toString())) {
                text.append(" (").append(t).append(')');
            }
        }
        for (Throwable s : error.getSuppressed()) {
            text.append(" (").append(s).append(')');
        }
        return text.toString();
    }

    private static boolean startsWith(Throwable error, String code) {
        return error.getMessage() != null && error.getMessage().startsWith(code);
    }

    private static boolean mentions(Throwable error, String secret) {
        if (secret == null || secret.isEmpty()) {
            return false;
        }
        for (Throwable t : Causes.chain(error)) {
            if (String.valueOf(t.getMessage()).contains(secret)) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (String.valueOf(s.getMessage()).contains(secret)) {
                    return true;
                }
            }
        }
        return false;
    }
}
