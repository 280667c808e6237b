package io.earnorm.ra.postgres;

import io.earnorm.ra.backend.Causes;
import io.earnorm.ra.pool.Durations;

import java.sql.SQLException;

/**
 * A PostgreSQL connection could not be opened. The pool puts it under its own exception, whose
 * message already names the backend and the address; this one says what went wrong, with the
 * SQLState, and through {@link #serverUnavailable()} whether the server could not be talked to at
 * all (which pauses the pool) or answered with a refusal (a wrong password, an unknown database).
 */
public final class PostgresOpenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final boolean serverUnavailable;

    private PostgresOpenException(String message, String sqlState, boolean serverUnavailable, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
        this.serverUnavailable = serverUnavailable;
    }

    /** The driver's SQLState ({@code 08001}, {@code 28P01}, {@code 3D000}, ...), or {@code null}. */
    public String sqlState() {
        return sqlState;
    }

    /**
     * True when the server could not be reached or did not complete the handshake (SQLState class
     * 08 but {@code 08004}, or {@code 57P01}-{@code 57P03} while it shuts down or starts up): every
     * connection would fail the same way until the server is back.
     */
    public boolean serverUnavailable() {
        return serverUnavailable;
    }

    /** Explains a driver failure while opening; the password is scrubbed, and a cause that echoes it is dropped. */
    static PostgresOpenException of(SQLException error, PostgresSettings settings) {
        String state = error.getSQLState();
        boolean unavailable = PostgresErrors.isServerUnavailableOnOpen(state);
        String what;
        if (unavailable && "Connection attempt timed out.".equals(error.getMessage())) {
            what = "the server did not complete the connection within connectTimeout=" + Durations.format(settings.connectTimeout());
        } else if (unavailable) {
            what = "the server is unavailable: " + details(error);
        } else if (state != null && state.startsWith("28")) {
            what = "the server refused the credentials" + (settings.user() == null ? "" : " of user '" + settings.user() + "'") + ": " + error.getMessage();
        } else if ("3D000".equals(state)) {
            what = "the database does not exist: " + error.getMessage();
        } else {
            what = "the server refused the connection: " + details(error);
        }
        String message = settings.scrub(what) + (state == null ? "" : " (SQLState " + state + ")");
        return new PostgresOpenException(message, state, unavailable, mentions(error, settings.password()) ? null : error);
    }

    /** The driver's message plus the JDK's reason under it, each once. */
    private static String details(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
        for (Throwable t : Causes.under(error)) {
            if (!text.toString().contains(t.toString())) {
                text.append(" (").append(t).append(')');
            }
        }
        return text.toString();
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
