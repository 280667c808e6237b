package io.earnorm.ra.postgres;

import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What each SQLState means for a connection and for the pool, without a server. */
class PostgresErrorsTest {

    private static final PostgresSettings SETTINGS = PostgresSettings.of("jdbc:postgresql://h:5432/app", "bob", "Top-Secret", null,
            Duration.ofSeconds(2), Duration.ZERO, Duration.ofSeconds(30));

    @Test
    void connectionExceptionsAndTerminationsMeanTheConnectionIsLost() {
        for (String state : new String[] {"08000", "08001", "08003", "08006", "08P01", "57P01", "57P02", "57P03"}) {
            assertThat(PostgresErrors.isConnectionLost(new SQLException("x", state))).as(state).isTrue();
        }
        assertThat(PostgresErrors.isConnectionLost(new SQLException("I/O", null, new EOFException()))).isTrue();
        assertThat(PostgresErrors.isConnectionLost(new RuntimeException(new SQLException("x", "08006")))).isTrue();
    }

    @Test
    void refusalsOfOneStatementLeaveTheConnectionUsable() {
        for (String state : new String[] {"23505", "23503", "42601", "42P01", "22012", "40001", "25P02", "57014", "28P01", "3D000"}) {
            assertThat(PostgresErrors.isConnectionLost(new SQLException("x", state))).as(state).isFalse();
        }
    }

    @Test
    void onOpenClass08MeansTheServerIsUnavailableButNotARejectedConfiguration() {
        PostgresBackend backend = new PostgresBackend(SETTINGS);

        assertThat(backend.isServerUnavailable(PostgresOpenException.of(new SQLException("refused", "08001", new ConnectException()), SETTINGS))).isTrue();
        assertThat(backend.isServerUnavailable(PostgresOpenException.of(new SQLException("starting up", "57P03"), SETTINGS))).isTrue();
        assertThat(backend.isServerUnavailable(PostgresOpenException.of(new SQLException("no password was provided", "08004"), SETTINGS))).isFalse();
        assertThat(backend.isServerUnavailable(PostgresOpenException.of(new SQLException("password authentication failed", "28P01"), SETTINGS))).isFalse();
        assertThat(backend.isServerUnavailable(PostgresOpenException.of(new SQLException("database does not exist", "3D000"), SETTINGS))).isFalse();
        // A connection lost while borrowed is that connection's end; the next open tells whether the server is down.
        assertThat(backend.isServerUnavailable(new SQLException("terminating connection", "57P01"))).isFalse();
        assertThat(backend.isServerUnavailable(new SQLException("I/O error", "08006", new EOFException()))).isFalse();
    }

    @Test
    void openFailuresExplainThemselvesWithTheSqlStateAndNeverThePassword() {
        PostgresOpenException auth = PostgresOpenException.of(new SQLException("FATAL: password authentication failed for user \"bob\"", "28P01"), SETTINGS);
        PostgresOpenException echo = PostgresOpenException.of(new SQLException("bad option Top-Secret", "08004"), SETTINGS);

        assertThat(auth).hasMessage("the server refused the credentials of user 'bob': FATAL: password authentication failed for user \"bob\" (SQLState 28P01)");
        assertThat(auth.sqlState()).isEqualTo("28P01");
        assertThat(auth.getCause()).isInstanceOf(SQLException.class);
        assertThat(echo.getMessage()).doesNotContain("Top-Secret").contains("****");
        // A driver message that echoes the password is not kept as the cause.
        assertThat(echo.getCause()).isNull();
    }
}
