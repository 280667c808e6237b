package io.earnorm.ra.api;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

/**
 * A borrowed PostgreSQL connection. Parameters are always bound to {@code ?} placeholders, never
 * spliced into the SQL. Rows are maps from column label to value, in column order.
 */
public interface PostgresConnection extends EarnormConnection {

    /** Runs a statement and returns its update count (0 for statements that count nothing). */
    @Override
    Long execute(String sql, Object... params);

    /** Runs a query and returns every row. */
    List<Map<String, Object>> fetch(String sql, Object... params);

    /** Runs a query and returns its first row, or {@code null} when it returned none. */
    Map<String, Object> fetchOne(String sql, Object... params);

    /** Runs a query and returns the first column of its first row, or {@code null} when it returned none. */
    Object fetchVal(String sql, Object... params);

    /**
     * The JDBC connection, for anything the methods above do not cover. Statements and result sets
     * opened through it are closed when this connection is closed, and session settings
     * (auto-commit, isolation, read-only, schema) are reset before the next borrower gets it.
     * Closing it closes this borrowed connection.
     */
    Connection jdbc();
}
