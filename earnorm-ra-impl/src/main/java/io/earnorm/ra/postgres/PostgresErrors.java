package io.earnorm.ra.postgres;

import io.earnorm.ra.backend.Causes;
import io.earnorm.ra.backend.NetworkErrors;

import java.sql.SQLException;
import java.util.Set;

/**
 * What a PostgreSQL error means for the connection it came from, by SQLState (what pgjdbc and the
 * server both set) rather than by message (which the server translates).
 *
 * <ul>
 * <li>Class 08 (connection exception: refused, failed, I/O error) and {@code 57P01}-{@code 57P03}
 *     (admin shutdown, {@code pg_terminate_backend}, crash shutdown, cannot connect now): the
 *     connection is gone. When opening, the server is taken to be unavailable, except for
 *     {@code 08004}: pgjdbc's "rejected" for what the server answered and the configuration
 *     cannot satisfy (no password given, SSL required but not offered), which no wait will mend.</li>
 * <li>Everything else (constraint violations {@code 23xxx}, syntax errors {@code 42xxx}, a failed
 *     authentication {@code 28xxx}, an unknown database {@code 3D000}, ...): the server answered and
 *     refused one thing; the connection, if open, stays usable.</li>
 * </ul>
 */
final class PostgresErrors {

    /** Admin shutdown (also sent by {@code pg_terminate_backend}), crash shutdown, cannot connect now. */
    private static final Set<String> OPERATOR_INTERVENTION_LOST = Set.of("57P01", "57P02", "57P03");

    /** SQL-server rejected establishment of SQL-connection: pgjdbc's state for a configuration the server cannot accept. */
    private static final String REJECTED = "08004";

    private PostgresErrors() {
    }

    /** True when {@code error} means the connection it came from no longer works. */
    static boolean isConnectionLost(Throwable error) {
        for (Throwable t : Causes.chain(error)) {
            if (t instanceof SQLException sql && isConnectionLostState(sql.getSQLState())) {
                return true;
            }
        }
        return NetworkErrors.isConnectionLoss(error);
    }

    /** True when {@code sqlState} is one of a lost connection. */
    static boolean isConnectionLostState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || OPERATOR_INTERVENTION_LOST.contains(sqlState));
    }

    /** True when an open that failed with {@code sqlState} means the server cannot be reached (or is not up) for now. */
    static boolean isServerUnavailableOnOpen(String sqlState) {
        return isConnectionLostState(sqlState) && !REJECTED.equals(sqlState);
    }

    /** The SQLState of the first {@link SQLException} in the chain, or {@code null}. */
    static String sqlState(Throwable error) {
        for (Throwable t : Causes.chain(error)) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
