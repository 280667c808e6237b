package io.earnorm.ra.postgres;

import io.earnorm.ra.api.EarnormBackendException;
import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.backend.PooledHandle;
import io.earnorm.ra.pool.Lease;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A borrowed PostgreSQL connection: {@code execute}, {@code fetch}, {@code fetchOne} and
 * {@code fetchVal} run prepared statements with {@code ?} parameters (see {@link SqlRunner}), and
 * {@link #jdbc()} gives the JDBC connection for the rest. Closing either gives the connection back
 * to its pool; statements still open through {@code jdbc()} are closed then, and the session
 * settings changed through it are put back before the next borrower gets the connection.
 *
 * <p>A server error is an {@link EarnormBackendException} naming the SQL, with the driver's
 * {@link SQLException} (and its SQLState) as the cause. {@code connectionLost()} is false for what
 * the server refused (a constraint, a syntax error: the connection stays usable) and true when the
 * connection is gone (SQLState class 08, {@code 57P01}-{@code 57P03}), in which case the pool
 * retires it.
 */
public final class PostgresHandle extends PooledHandle<PostgresSession> implements PostgresConnection {

    private BorrowedConnection jdbc;

    public PostgresHandle(Lease<PostgresSession> lease) {
        super(lease);
    }

    @Override
    public String backendType() {
        return PostgresBackend.TYPE;
    }

    /**
     * Runs a statement and returns the rows it touched: the update count of INSERT, UPDATE or
     * DELETE, the rows returned by a statement that returns rows, 0 for DDL (see
     * {@link SqlRunner#execute}).
     *
     * @throws IllegalArgumentException for a null or blank SQL, a parameter count other than the
     *                                  SQL's placeholders, or a parameter the driver cannot bind
     * @throws EarnormBackendException  when the server refuses or fails the statement
     */
    @Override
    public Long execute(String sql, Object... params) {
        return run(sql, connection -> SqlRunner.execute(connection, sql, params));
    }

    /**
     * Runs a query and returns every row, each an unmodifiable map from column label to value in
     * column order (see {@link RowReader} for the value types).
     *
     * @throws IllegalArgumentException also when the statement returns no rows, or two columns share a label
     */
    @Override
    public List<Map<String, Object>> fetch(String sql, Object... params) {
        return run(sql, connection -> SqlRunner.fetch(connection, sql, 0, params));
    }

    @Override
    public Map<String, Object> fetchOne(String sql, Object... params) {
        return run(sql, connection -> SqlRunner.fetchOne(connection, sql, params));
    }

    @Override
    public Object fetchVal(String sql, Object... params) {
        return run(sql, connection -> SqlRunner.fetchVal(connection, sql, params));
    }

    /**
     * The JDBC connection behind a wrapper (see {@link BorrowedConnection}): it refuses every call
     * once this connection is closed, closes what was opened through it when this connection
     * closes, and records session settings changed through it, which the pool puts back on return.
     * Closing it closes this connection.
     */
    @Override
    public Connection jdbc() {
        requireOpen();
        if (jdbc == null) {
            jdbc = new BorrowedConnection(this);
        }
        return jdbc;
    }

    /**
     * Gives the connection back to its pool. After {@code jdbc().close()} this does nothing, so
     * that closing both (as nested try-with-resources do) is fine; closing this twice is refused.
     */
    @Override
    public void close() {
        if (jdbc != null && jdbc.closedByBorrower()) {
            return;
        }
        endBorrow();
    }

    /** Closes what was opened through {@link #jdbc()}, then gives the connection back. */
    void endBorrow() {
        try {
            if (jdbc != null) {
                jdbc.closeOpened();
            }
        } finally {
            lease().close();
        }
    }

    /** One statement of {@code execute} or a {@code fetch}, on the borrowed connection. */
    @FunctionalInterface
    private interface SqlCall<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T run(String sql, SqlCall<T> call) {
        Connection connection = physical().connection();
        SqlRunner.requireSql(sql);
        try {
            return call.run(connection);
        } catch (SQLException e) {
            throw failure(sql, e, connection);
        }
    }

    private EarnormBackendException failure(String sql, SQLException error, Connection connection) {
        boolean lost = PostgresErrors.isConnectionLost(error);
        if (!lost) {
            try {
                // pgjdbc closes a connection whose socket failed, whatever the SQLState it reported.
                lost = connection.isClosed();
            } catch (SQLException unknown) {
                lost = true;
            }
        }
        return failure(sql, error, lost);
    }
}
