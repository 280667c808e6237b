package io.earnorm.ra.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Runs one SQL statement of {@code execute}, {@code fetch}, {@code fetchOne} or {@code fetchVal} on
 * a connection, as a prepared statement with every parameter bound to its {@code ?} placeholder by
 * {@link PreparedStatement#setObject(int, Object)} (nulls too), never spliced into the text.
 * pgjdbc caches the server-side statement per connection, so running the same SQL again is cheap.
 *
 * <p>Wrong arguments are an {@link IllegalArgumentException} that names the SQL: a null or blank
 * SQL, a parameter count other than the placeholders', a parameter type the driver cannot bind. What
 * the server refuses comes out as the driver's {@link SQLException}, for the caller to wrap with
 * what it knows of the borrow.
 */
final class SqlRunner {

    /** pgjdbc's SQLStates for a parameter index out of range or missing, and for a type it cannot bind. */
    private static final String INVALID_PARAMETER_VALUE = "22023";
    private static final String INVALID_PARAMETER_TYPE = "07006";

    private SqlRunner() {
    }

    /**
     * Runs a statement and returns how many rows it touched: the update count for INSERT, UPDATE,
     * DELETE, MERGE and COPY, the rows returned for a statement that returns rows (SELECT, ...
     * RETURNING), as PostgreSQL's command tag counts them, summed over the statements of a
     * multi-statement text; 0 for statements that count nothing (DDL, SET).
     */
    static long execute(Connection connection, String sql, Object... params) throws SQLException {
        params = orNone(params);
        try (PreparedStatement statement = prepare(connection, sql, params)) {
            boolean rows = run(statement, sql, params);
            long count = 0;
            for (;;) {
                if (rows) {
                    try (ResultSet result = statement.getResultSet()) {
                        while (result.next()) {
                            count++;
                        }
                    }
                } else {
                    long updated = statement.getLargeUpdateCount();
                    if (updated == -1) {
                        return count;
                    }
                    count += updated;
                }
                rows = statement.getMoreResults();
            }
        }
    }

    /** Runs a query and returns every row; {@code limit} 0 means all. */
    static List<Map<String, Object>> fetch(Connection connection, String sql, int limit, Object... params) throws SQLException {
        params = orNone(params);
        try (PreparedStatement statement = prepare(connection, sql, params)) {
            statement.setMaxRows(limit);
            if (!run(statement, sql, params)) {
                throw new IllegalArgumentException("SQL '" + sql + "' returned no rows, only an update count (the statement did run);"
                        + " use execute for statements that return no rows, or add RETURNING");
            }
            try (ResultSet result = statement.getResultSet()) {
                RowReader reader = RowReader.of(result.getMetaData(), sql);
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    rows.add(reader.read(result));
                }
                return Collections.unmodifiableList(rows);
            }
        }
    }

    /** The first row of a query, or {@code null}; the server sends no more than that one row. */
    static Map<String, Object> fetchOne(Connection connection, String sql, Object... params) throws SQLException {
        List<Map<String, Object>> rows = fetch(connection, sql, 1, params);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The first column of the first row of a query, or {@code null}. */
    static Object fetchVal(Connection connection, String sql, Object... params) throws SQLException {
        Map<String, Object> row = fetchOne(connection, sql, params);
        return row == null || row.isEmpty() ? null : row.values().iterator().next();
    }

    /** Refuses a null or blank SQL before anything reaches the connection. */
    static String requireSql(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("a postgresql statement needs SQL text such as \"SELECT * FROM users WHERE id = ?\" (sql="
                    + (sql == null ? "null" : "'" + sql + "'") + ")");
        }
        return sql;
    }

    /** {@code execute(sql, (Object[]) null)} means no parameters. */
    private static Object[] orNone(Object[] params) {
        return params == null ? new Object[0] : params;
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object[] params) throws SQLException {
        requireSql(sql);
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                bind(statement, sql, params, i);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, String sql, Object[] params, int i) throws SQLException {
        try {
            statement.setObject(i + 1, params[i]);
        } catch (SQLException e) {
            if (INVALID_PARAMETER_TYPE.equals(e.getSQLState())) {
                throw new IllegalArgumentException("parameter " + (i + 1) + " of SQL '" + sql + "' is a " + params[i].getClass().getName()
                        + ", which pgjdbc cannot bind; pass a String, a number, a Boolean, a java.time value, a UUID, a byte[], an array or null", e);
            }
            throw explainParameterError(statement, sql, params.length, e);
        }
    }

    /** Executes; a parameter the driver finds missing is a wrong count. */
    private static boolean run(PreparedStatement statement, String sql, Object[] params) throws SQLException {
        try {
            return statement.execute();
        } catch (SQLException e) {
            throw explainParameterError(statement, sql, params.length, e);
        }
    }

    /**
     * Throws an {@link IllegalArgumentException} naming the expected count when {@code error} is the
     * driver's for a parameter index out of range or missing and the count differs (the server tells
     * the count: one extra round trip, on this error path only); returns {@code error} otherwise,
     * for the caller to throw.
     */
    private static SQLException explainParameterError(PreparedStatement statement, String sql, int given, SQLException error) {
        if (!INVALID_PARAMETER_VALUE.equals(error.getSQLState())) {
            return error;
        }
        int expected;
        try {
            expected = statement.getParameterMetaData().getParameterCount();
        } catch (SQLException unknown) {
            error.addSuppressed(unknown);
            return error;
        }
        if (expected == given) {
            return error;
        }
        throw new IllegalArgumentException("SQL '" + sql + "' has " + expected + " parameter placeholder" + (expected == 1 ? "" : "s")
                + " but " + given + " parameter" + (given == 1 ? " was" : "s were") + " given", error);
    }
}
