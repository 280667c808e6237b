package io.earnorm.ra.postgres;

import io.earnorm.ra.api.EarnormBackendException;
import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.api.pool.ConnectionClosedException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PGobject;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** execute, fetch, fetchOne and fetchVal on a real server: data in and out, parameters, and every kind of error. */
class PostgresExecuteIT extends PostgresFixture {

    @Test
    void executeCountsRowsAndFetchReadsThemBackInColumnOrder() {
        String users = table("users", "id serial PRIMARY KEY, name text NOT NULL, age int");
        PostgresPool pool = open(sharedServerPool());
        try (PostgresConnection conn = pool.acquire()) {
            assertThat(conn.execute("INSERT INTO " + users + " (name, age) VALUES (?, ?), (?, ?)", "John", 30, "Jane", 25)).isEqualTo(2L);
            assertThat(conn.execute("INSERT INTO " + users + " (name, age) VALUES (?, ?)", "Old", 90)).isEqualTo(1L);
            assertThat(conn.execute("UPDATE " + users + " SET age = age + 1 WHERE age < ?", 50)).isEqualTo(2L);
            assertThat(conn.execute("DELETE FROM " + users + " WHERE name = ?", "Old")).isEqualTo(1L);
            assertThat(conn.execute("DELETE FROM " + users + " WHERE name = ?", "Nobody")).isZero();
            // Rows returned count as PostgreSQL's command tag counts them.
            assertThat(conn.execute("UPDATE " + users + " SET age = age WHERE name = ? RETURNING id", "John")).isEqualTo(1L);

            List<Map<String, Object>> rows = conn.fetch("SELECT name, age, id FROM " + users + " ORDER BY name");

            assertThat(rows).hasSize(2);
            assertThat(rows.get(0)).containsExactly(Map.entry("name", "Jane"), Map.entry("age", 26), Map.entry("id", 2));
            assertThat(rows.get(1)).containsExactly(Map.entry("name", "John"), Map.entry("age", 31), Map.entry("id", 1));
            assertThat(conn.fetch("SELECT * FROM " + users + " WHERE age > ?", 100)).isEmpty();
            assertThatThrownBy(() -> rows.get(0).put("name", "x")).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void fetchOneAndFetchValAnswerNullWhenThereIsNoRow() {
        String users = table("users", "id int PRIMARY KEY, name text");
        PostgresPool pool = open(sharedServerPool());
        try (PostgresConnection conn = pool.acquire()) {
            conn.execute("INSERT INTO " + users + " VALUES (1, 'John'), (2, 'Jane'), (3, NULL)");

            assertThat(conn.fetchOne("SELECT id, name FROM " + users + " WHERE id = ?", 2))
                    .containsExactly(Map.entry("id", 2), Map.entry("name", "Jane"));
            assertThat(conn.fetchOne("SELECT id, name FROM " + users + " ORDER BY id")).containsEntry("id", 1);
            assertThat(conn.fetchOne("SELECT * FROM " + users + " WHERE id = ?", 99)).isNull();
            assertThat(conn.fetchVal("SELECT name FROM " + users + " WHERE id = ?", 1)).isEqualTo("John");
            assertThat(conn.fetchVal("SELECT count(*) FROM " + users)).isEqualTo(3L);
            assertThat(conn.fetchVal("SELECT name FROM " + users + " WHERE id = ?", 99)).isNull();
            // A row whose value is NULL and no row at all both read as null.
            assertThat(conn.fetchVal("SELECT name FROM " + users + " WHERE id = ?", 3)).isNull();
            assertThat(conn.fetchOne("SELECT name FROM " + users + " WHERE id = ?", 3)).containsEntry("name", null);
        }
    }

    @Test
    void valuesComeBackAsJavaTypesThatOutliveTheConnection() {
        PostgresPool pool = open(sharedServerPool());
        UUID id = UUID.randomUUID();
        Map<String, Object> row;
        try (PostgresConnection conn = pool.acquire()) {
            row = conn.fetchOne("SELECT 1::int2 AS small, 2::int4 AS normal, 3::int8 AS big, 1.50::numeric AS exact, 2.5::float8 AS approx,"
                    + " true AS flag, 'text'::text AS word, '\\x0102'::bytea AS bytes, ?::uuid AS id, DATE '2024-02-29' AS day,"
                    + " TIME '13:14:15' AS clock, TIMESTAMP '2024-02-29 13:14:15' AS local, TIMESTAMPTZ '2024-02-29 13:14:15+02' AS instant,"
                    + " ARRAY[1, 2, 3] AS numbers, ARRAY['a', NULL] AS words, '{\"a\": 1}'::jsonb AS doc, NULL::text AS nothing", id);
        }

        assertThat(row.keySet()).containsExactly("small", "normal", "big", "exact", "approx", "flag", "word", "bytes", "id", "day",
                "clock", "local", "instant", "numbers", "words", "doc", "nothing");
        assertThat(row.get("small")).isEqualTo(1);
        assertThat(row.get("normal")).isEqualTo(2);
        assertThat(row.get("big")).isEqualTo(3L);
        assertThat(row.get("exact")).isEqualTo(new BigDecimal("1.50"));
        assertThat(row.get("approx")).isEqualTo(2.5d);
        assertThat(row.get("flag")).isEqualTo(true);
        assertThat(row.get("word")).isEqualTo("text");
        assertThat(row.get("bytes")).isEqualTo(new byte[] {1, 2});
        assertThat(row.get("id")).isEqualTo(id);
        assertThat(row.get("day")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(row.get("clock")).isEqualTo(LocalTime.of(13, 14, 15));
        assertThat(row.get("local")).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15));
        assertThat(row.get("instant")).isEqualTo(OffsetDateTime.of(2024, 2, 29, 11, 14, 15, 0, ZoneOffset.UTC));
        assertThat(row.get("numbers")).isEqualTo(new Integer[] {1, 2, 3});
        assertThat(row.get("words")).isEqualTo(new String[] {"a", null});
        assertThat(row.get("doc")).isInstanceOfSatisfying(PGobject.class, doc -> assertThat(doc.getValue()).isEqualTo("{\"a\": 1}"));
        assertThat(row).containsEntry("nothing", null);
    }

    @Test
    void parametersAreBoundNeverSplicedIntoTheSql() {
        String notes = table("notes", "id int, body text, day date, at timestamptz, data bytea");
        PostgresPool pool = open(sharedServerPool());
        String hostile = "x'); DROP TABLE " + notes + "; --";
        OffsetDateTime at = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
        try (PostgresConnection conn = pool.acquire()) {
            assertThat(conn.execute("INSERT INTO " + notes + " VALUES (?, ?, ?, ?, ?)", 1, hostile, LocalDate.of(2024, 1, 2), at, new byte[] {7}))
                    .isEqualTo(1L);
            assertThat(conn.execute("INSERT INTO " + notes + " VALUES (?, ?, ?, ?, ?)", 2, null, null, null, null)).isEqualTo(1L);

            assertThat(conn.fetchVal("SELECT body FROM " + notes + " WHERE id = ?", 1)).isEqualTo(hostile);
            assertThat(conn.fetchVal("SELECT count(*) FROM " + notes + " WHERE body = ?", hostile)).isEqualTo(1L);
            assertThat(conn.fetchOne("SELECT day, at, data FROM " + notes + " WHERE id = 1"))
                    .containsEntry("day", LocalDate.of(2024, 1, 2)).containsEntry("at", at);
            assertThat(conn.fetchOne("SELECT body, day, at, data FROM " + notes + " WHERE id = 2"))
                    .containsEntry("body", null).containsEntry("day", null).containsEntry("data", null);
            // A null parameter compares as SQL NULL: nothing equals it.
            assertThat(conn.fetch("SELECT id FROM " + notes + " WHERE body = ?", (Object) null)).isEmpty();
            // A question mark inside a string literal is not a placeholder.
            assertThat(conn.fetchVal("SELECT '?' || ?::text", "!")).isEqualTo("?!");
        }
    }

    @Test
    void aWrongParameterCountNamesTheSqlAndTheExpectedCount() {
        PostgresPool pool = open(sharedServerPool().maxSize(1));
        try (PostgresConnection conn = pool.acquire()) {
            assertThatThrownBy(() -> conn.fetchVal("SELECT ?::int + ?::int", 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("SQL 'SELECT ?::int + ?::int' has 2 parameter placeholders but 1 parameter was given");
            assertThatThrownBy(() -> conn.execute("SELECT ?::int", 1, 2, 3))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("SQL 'SELECT ?::int' has 1 parameter placeholder but 3 parameters were given");
            assertThatThrownBy(() -> conn.fetch("SELECT 1", "extra"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("has 0 parameter placeholders but 1 parameter was given");

            assertThat(conn.fetchVal("SELECT ?::int + ?::int", 1, 2)).isEqualTo(2 + 1);
        }
    }

    @Test
    void badArgumentsAreRefusedNamingWhatWasWrong() {
        PostgresPool pool = open(sharedServerPool().maxSize(1));
        try (PostgresConnection conn = pool.acquire()) {
            assertThatThrownBy(() -> conn.execute(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sql=null");
            assertThatThrownBy(() -> conn.fetch("  ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs SQL text");
            assertThatThrownBy(() -> conn.fetchVal("SELECT ?", new Object()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("parameter 1 of SQL 'SELECT ?' is a java.lang.Object, which pgjdbc cannot bind");
            assertThatThrownBy(() -> conn.fetch("SELECT 1 AS id, 2 AS id"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("columns 1 and 2 of SQL 'SELECT 1 AS id, 2 AS id' are both labelled 'id'");
            assertThatThrownBy(() -> conn.fetch("SET application_name = 'x'"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("returned no rows");

            assertThat(conn.execute("SELECT 1")).isEqualTo(1L);
        }
    }

    @Test
    void serverRefusalsAreBackendErrorsThatLeaveTheConnectionUsable() {
        String users = table("users", "id int PRIMARY KEY");
        PostgresPool pool = open(sharedServerPool().maxSize(1));
        try (PostgresConnection conn = pool.acquire()) {
            int pid = backendPid(conn);
            conn.execute("INSERT INTO " + users + " VALUES (?)", 1);

            EarnormBackendException duplicate = catchThrowableOfType(EarnormBackendException.class, () -> conn.execute("INSERT INTO " + users + " VALUES (?)", 1));
            EarnormBackendException syntax = catchThrowableOfType(EarnormBackendException.class, () -> conn.fetch("SELEC 1"));
            EarnormBackendException missing = catchThrowableOfType(EarnormBackendException.class, () -> conn.fetch("SELECT * FROM earnorm_no_such_table"));

            assertThat(duplicate.connectionLost()).isFalse();
            assertThat(duplicate.backendType()).isEqualTo("postgresql");
            assertThat(duplicate.operation()).isEqualTo("INSERT INTO " + users + " VALUES (?)");
            assertThat(duplicate).hasMessageStartingWith("postgresql INSERT INTO " + users).hasMessageContaining("duplicate key");
            assertThat(duplicate.getCause()).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
            assertThat(syntax.connectionLost()).isFalse();
            assertThat(((SQLException) syntax.getCause()).getSQLState()).isEqualTo("42601");
            assertThat(((SQLException) missing.getCause()).getSQLState()).isEqualTo("42P01");
            assertThat(conn.isStale()).isFalse();
            assertThat(conn.execute("INSERT INTO " + users + " VALUES (?)", 2)).isEqualTo(1L);
            assertThat(backendPid(conn)).isEqualTo(pid);
        }
        assertThat(pool.stats().closed()).isZero();
    }

    @Test
    void nothingWorksAfterTheConnectionWentBack() {
        PostgresPool pool = open(sharedServerPool().maxSize(1));
        PostgresConnection conn = pool.acquire();
        conn.close();

        assertThat(conn.isClosed()).isTrue();
        assertThatThrownBy(() -> conn.execute("SELECT 1")).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(() -> conn.fetch("SELECT 1")).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(() -> conn.fetchOne("SELECT 1")).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(() -> conn.fetchVal("SELECT 1")).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(conn::jdbc).isInstanceOf(ConnectionClosedException.class);
    }
}
