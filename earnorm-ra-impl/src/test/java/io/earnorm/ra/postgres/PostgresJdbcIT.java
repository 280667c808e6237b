package io.earnorm.ra.postgres;

import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.api.pool.ConnectionClosedException;
import io.earnorm.ra.api.pool.IllegalReleaseException;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.BaseStatement;
import org.postgresql.jdbc.PgResultSet;

import java.sql.Array;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JDBC connection of a borrowed PostgreSQL connection: what it opened is closed with the
 * borrow, it refuses calls after it, closing it gives the connection back, and what the borrower
 * changed in the session is put back before the next borrower gets the connection.
 */
class PostgresJdbcIT extends PostgresFixture {

    @Test
    void statementsAndResultSetsLeftOpenAreClosedWithTheBorrowAndRefuseCallsAfterIt() throws Exception {
        PostgresPool pool = open(sharedServerPool().maxSize(1));
        PostgresConnection conn = pool.acquire();
        Connection jdbc = conn.jdbc();
        Statement statement = jdbc.createStatement();
        ResultSet rows = statement.executeQuery("SELECT generate_series(1, 3)");
        PreparedStatement prepared = jdbc.prepareStatement("SELECT ?::int");
        DatabaseMetaData meta = jdbc.getMetaData();
        ResultSet tables = meta.getTables(null, null, "pg_class", null);
        assertThat(rows.next()).isTrue();
        assertThat(statement.getConnection()).isSameAs(jdbc);
        assertThat(rows.getStatement()).isSameAs(statement);
        assertThat(meta.getConnection()).isSameAs(jdbc);

        conn.close();

        for (AutoCloseable resource : new AutoCloseable[] {statement, rows, prepared, tables}) {
            assertThat(isClosed(resource)).as("%s", resource).isTrue();
        }
        assertThat(jdbc.isClosed()).isTrue();
        assertThatThrownBy(jdbc::createStatement).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(() -> jdbc.setAutoCommit(false)).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(() -> statement.executeQuery("SELECT 1")).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(rows::next).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(() -> prepared.setInt(1, 1)).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(() -> meta.getTables(null, null, "pg_class", null)).isInstanceOf(ConnectionClosedException.class);
        // JDBC's own rule: closing what is closed does nothing.
        jdbc.close();
        statement.close();

        // The physical connection behind them is fine and serves the next borrower.
        try (PostgresConnection next = pool.acquire()) {
            assertThat(next.fetchVal("SELECT 1")).isEqualTo(1);
        }
    }

    @Test
    void aResetClosesStatementsLeftOpenWhenABorrowEndedWithoutClosingItsHandle() throws Exception {
        // As when a resource adapter cleans up a managed connection whose handle the application never closed.
        Connection physical = admin();
        PostgresSession session = PostgresSession.of(physical);
        Statement leftOpen = physical.createStatement();
        Statement closedByBorrower = physical.createStatement();
        session.opened(leftOpen, "a borrow's jdbc()");
        session.opened(closedByBorrower, "a borrow's jdbc()");
        closedByBorrower.close();
        session.closed(closedByBorrower);

        session.restore();

        assertThat(leftOpen.isClosed()).isTrue();
        assertThat(physical.isClosed()).isFalse();
    }

    @Test
    void closingTheJdbcConnectionGivesTheBorrowBack() throws Exception {
        PostgresPool pool = open(sharedServerPool().maxSize(1));
        PostgresConnection conn = pool.acquire();
        Connection jdbc = conn.jdbc();
        Statement statement = jdbc.createStatement();

        jdbc.close();

        assertThat(conn.isClosed()).isTrue();
        assertThat(statement.isClosed()).isTrue();
        assertThat(pool.stats().active()).isZero();
        // Nested try-with-resources close both: the second close is harmless.
        conn.close();
        assertThatThrownBy(() -> conn.execute("SELECT 1")).isInstanceOf(ConnectionClosedException.class);

        try (PostgresConnection again = pool.acquire(); Connection j = again.jdbc(); Statement s = j.createStatement()) {
            assertThat(s.execute("SELECT 1")).isTrue();
        }
        assertThat(pool.stats().active()).isZero();
        PostgresConnection twice = pool.acquire();
        twice.close();
        assertThatThrownBy(twice::close).isInstanceOf(IllegalReleaseException.class);
    }

    @Test
    void sessionSettingsChangedThroughJdbcArePutBackForTheNextBorrower() throws Exception {
        PostgresPool pool = open(sharedServerPool().maxSize(1));
        String schema = name("schema");
        adminExecute("CREATE SCHEMA " + schema);
        try {
            int pid;
            String isolation;
            try (PostgresConnection conn = pool.acquire()) {
                pid = backendPid(conn);
                isolation = (String) conn.fetchVal("SHOW transaction_isolation");
                Connection jdbc = conn.jdbc();
                jdbc.setAutoCommit(false);
                jdbc.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                jdbc.setReadOnly(true);
                jdbc.setSchema(schema);
                jdbc.setClientInfo("ApplicationName", "borrower-1");
                jdbc.setNetworkTimeout(Runnable::run, 1234);
                assertThat(conn.fetchVal("SHOW transaction_isolation")).isEqualTo("serializable");
                assertThat(conn.fetchVal("SELECT current_schema()")).isEqualTo(schema);
                assertThat(conn.fetchVal("SHOW transaction_read_only")).isEqualTo("on");
            }

            try (PostgresConnection conn = pool.acquire()) {
                assertThat(backendPid(conn)).isEqualTo(pid);
                Connection jdbc = conn.jdbc();
                assertThat(jdbc.getAutoCommit()).isTrue();
                assertThat(jdbc.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
                assertThat(conn.fetchVal("SHOW transaction_isolation")).isEqualTo(isolation);
                assertThat(jdbc.isReadOnly()).isFalse();
                assertThat(conn.fetchVal("SHOW transaction_read_only")).isEqualTo("off");
                assertThat(conn.fetchVal("SELECT current_schema()")).isEqualTo("public");
                assertThat(conn.fetchVal("SHOW application_name")).isEqualTo("PostgreSQL JDBC Driver");
                assertThat(jdbc.getNetworkTimeout()).isZero();
            }
        } finally {
            pool.close();
            adminExecute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void aTransactionLeftOpenIsRolledBackOnReturn() throws Exception {
        String items = table("items", "id int PRIMARY KEY");
        PostgresPool pool = open(sharedServerPool().maxSize(1));
        try (PostgresConnection conn = pool.acquire()) {
            conn.jdbc().setAutoCommit(false);
            conn.execute("INSERT INTO " + items + " VALUES (1)");
        }
        try (PostgresConnection conn = pool.acquire()) {
            // BEGIN through execute, auto-commit on: Connection.rollback() would refuse to end this one.
            conn.execute("BEGIN");
            conn.execute("INSERT INTO " + items + " VALUES (2)");
        }
        try (PostgresConnection conn = pool.acquire()) {
            // A transaction that failed is ended too, rather than failing every statement of the next borrower.
            conn.jdbc().setAutoCommit(false);
            conn.execute("INSERT INTO " + items + " VALUES (3)");
            assertThatThrownBy(() -> conn.execute("INSERT INTO " + items + " VALUES (3)")).hasMessageContaining("duplicate key");
        }
        try (PostgresConnection conn = pool.acquire()) {
            assertThat(conn.fetchVal("SELECT count(*) FROM " + items)).isEqualTo(0L);
            assertThat(conn.jdbc().getAutoCommit()).isTrue();
            conn.execute("INSERT INTO " + items + " VALUES (4)");
        }
        try (PostgresConnection conn = pool.acquire()) {
            assertThat(conn.fetch("SELECT id FROM " + items)).extracting(r -> r.get("id")).containsExactly(4);
        }
        assertThat(pool.stats().closed()).isZero();
    }

    @Test
    void committedWorkThroughJdbcStays() throws Exception {
        String items = table("items", "id int PRIMARY KEY");
        PostgresPool pool = open(sharedServerPool().maxSize(1));
        try (PostgresConnection conn = pool.acquire()) {
            Connection jdbc = conn.jdbc();
            jdbc.setAutoCommit(false);
            try (PreparedStatement insert = jdbc.prepareStatement("INSERT INTO " + items + " VALUES (?)")) {
                for (int i = 1; i <= 3; i++) {
                    insert.setInt(1, i);
                    insert.addBatch();
                }
                assertThat(insert.executeBatch()).containsExactly(1, 1, 1);
            }
            jdbc.commit();
        }
        try (PostgresConnection conn = pool.acquire()) {
            assertThat(conn.fetchVal("SELECT count(*) FROM " + items)).isEqualTo(3L);
        }
    }

    @Test
    void ourJdbcObjectsPassedBackAsArgumentsReachTheDriverAsItsOwn() throws Exception {
        PostgresPool pool = open(sharedServerPool().maxSize(1));
        try (PostgresConnection conn = pool.acquire()) {
            Connection jdbc = conn.jdbc();
            Array numbers = jdbc.createArrayOf("int4", new Object[] {1, 2, 3});
            try (PreparedStatement sum = jdbc.prepareStatement("SELECT (SELECT sum(x) FROM unnest(?::int4[]) x) + (SELECT sum(x) FROM unnest(?::int4[]) x)")) {
                sum.setArray(1, numbers);
                sum.setObject(2, numbers);
                try (ResultSet row = sum.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getLong(1)).isEqualTo(12L);
                    assertThat(row.getStatement()).isSameAs(sum);
                }
            }

            jdbc.setAutoCommit(false);
            String items = table("items", "id int PRIMARY KEY");
            Statement insert = jdbc.createStatement();
            insert.executeUpdate("INSERT INTO " + items + " VALUES (1)");
            Savepoint beforeTwo = jdbc.setSavepoint();
            insert.executeUpdate("INSERT INTO " + items + " VALUES (2)");
            jdbc.rollback(beforeTwo);
            Savepoint afterOne = jdbc.setSavepoint("after_one");
            jdbc.releaseSavepoint(afterOne);
            jdbc.commit();
            assertThat(conn.fetch("SELECT id FROM " + items)).extracting(r -> r.get("id")).containsExactly(1);
        }
    }

    @Test
    void callableStatementsAndTheInterfacesDefaultMethodsGoToTheDriver() throws Exception {
        String items = table("items", "id int PRIMARY KEY");
        PostgresPool pool = open(sharedServerPool().maxSize(1));
        PostgresConnection conn = pool.acquire();
        Connection jdbc = conn.jdbc();
        CallableStatement abs = jdbc.prepareCall("{? = call abs(?)}");
        abs.registerOutParameter(1, Types.INTEGER);
        abs.setInt(2, -7);
        abs.execute();
        assertThat(abs.getInt(1)).isEqualTo(7);
        assertThat(abs.getConnection()).isSameAs(jdbc);

        Statement statement = jdbc.createStatement();
        assertThat(statement.enquoteLiteral("it's")).isEqualTo("'it''s'");
        assertThat(statement.executeLargeUpdate("INSERT INTO " + items + " VALUES (1), (2)")).isEqualTo(2L);
        PreparedStatement insert = jdbc.prepareStatement("INSERT INTO " + items + " VALUES (?)");
        // The interface's defaults would throw too, with messages of their own: these reached the driver.
        assertThatThrownBy(() -> insert.setObject(1, 3, JDBCType.INTEGER)).isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageContaining("org.postgresql.jdbc.PgPreparedStatement.setObject");
        insert.setInt(1, 3);
        assertThat(insert.executeLargeUpdate()).isEqualTo(1L);
        jdbc.beginRequest();
        jdbc.endRequest();
        assertThat(conn.fetchVal("SELECT count(*) FROM " + items)).isEqualTo(3L);

        conn.close();

        assertThat(abs.isClosed()).isTrue();
        assertThatThrownBy(() -> abs.getInt(1)).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(() -> statement.enquoteLiteral("x")).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(insert::executeLargeUpdate).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(jdbc::beginRequest).isInstanceOf(ConnectionClosedException.class);
    }

    @Test
    void theRarerJdbcObjectsRefuseCallsAfterTheBorrowToo() throws Exception {
        PostgresPool pool = open(sharedServerPool().maxSize(1));
        PostgresConnection conn = pool.acquire();
        Connection jdbc = conn.jdbc();
        Statement statement = jdbc.createStatement();
        ResultSet row = statement.executeQuery("SELECT ARRAY[4, 5] AS a");
        assertThat(row.next()).isTrue();
        Array array = row.getArray(1);
        ResultSetMetaData columns = row.getMetaData();
        assertThat(columns.getColumnLabel(1)).isEqualTo("a");
        ResultSet elements = array.getResultSet();
        assertThat(elements.next()).isTrue();
        assertThat(elements.getInt(2)).isEqualTo(4);

        conn.close();

        assertThat(elements.isClosed()).isTrue();
        assertThatThrownBy(elements::next).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(array::getArray).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(() -> columns.getColumnLabel(1)).isInstanceOf(ConnectionClosedException.class);
    }

    @Test
    void unwrapGivesGuardedDriverInterfacesButNeverThePhysicalConnection() throws Exception {
        PostgresPool pool = open(sharedServerPool().maxSize(1));
        PostgresConnection conn = pool.acquire();
        Connection jdbc = conn.jdbc();

        assertThat(jdbc.isWrapperFor(PGConnection.class)).isTrue();
        PGConnection pg = jdbc.unwrap(PGConnection.class);
        assertThat(pg.getBackendPID()).isEqualTo(backendPid(conn));
        assertThat(jdbc.unwrap(Connection.class)).isSameAs(jdbc);
        assertThat(jdbc.isWrapperFor(BaseConnection.class)).isFalse();
        assertThatThrownBy(() -> jdbc.unwrap(BaseConnection.class)).isInstanceOf(SQLException.class).hasMessageContaining("cannot be unwrapped");
        Statement statement = jdbc.createStatement();
        ResultSet row = statement.executeQuery("SELECT 1");
        assertThat(statement.unwrap(Statement.class)).isSameAs(statement);
        assertThat(statement.isWrapperFor(PGStatement.class)).isTrue();
        PGStatement pgStatement = statement.unwrap(PGStatement.class);
        pgStatement.getLastOID();
        assertThat(row.unwrap(ResultSet.class)).isSameAs(row);
        assertThatThrownBy(() -> statement.unwrap(BaseStatement.class)).isInstanceOf(SQLException.class)
                .hasMessageContaining("a pooled connection's Statement cannot be unwrapped");
        assertThatThrownBy(() -> row.unwrap(PgResultSet.class)).isInstanceOf(SQLException.class)
                .hasMessageContaining("a pooled connection's ResultSet cannot be unwrapped");

        conn.close();

        assertThatThrownBy(pg::getBackendPID).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(pgStatement::getLastOID).isInstanceOf(ConnectionClosedException.class);
    }

    private static boolean isClosed(AutoCloseable resource) throws SQLException {
        if (resource instanceof Statement s) {
            return s.isClosed();
        }
        return ((ResultSet) resource).isClosed();
    }
}
