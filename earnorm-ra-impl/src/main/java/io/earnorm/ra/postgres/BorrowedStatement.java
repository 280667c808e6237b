package io.earnorm.ra.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/**
 * A {@link Statement} opened through a {@link BorrowedConnection}: refuses every call once the
 * borrow has ended (but {@code isClosed()}, true, and {@code close()}, a no-op), is closed with the
 * borrow if its borrower leaves it open, forgets itself when closed, answers
 * {@code getConnection()} with the borrower's connection wrapper, and gives its result sets behind
 * {@link BorrowedResultSet}s whose {@code getStatement()} is this wrapper.
 *
 * @param <S> the driver's statement interface; {@link BorrowedPreparedStatement} and
 *            {@link BorrowedCallableStatement} add theirs
 */
class BorrowedStatement<S extends Statement> extends BorrowedResource<S> implements Statement {

    BorrowedStatement(BorrowedConnection connection, S statement) {
        super(connection, statement);
    }

    /** {@code set} behind a wrapper that answers this statement; not tracked: closing the statement closes it. */
    final ResultSet resultSet(ResultSet set) {
        return set == null ? null : new BorrowedResultSet(connection, set, this);
    }

    @Override public final void close() throws SQLException {
        close(driver, true);
    }

    @Override public final boolean isClosed() throws SQLException {
        if (connection.ended()) {
            return true;
        }
        try { return driver().isClosed(); } catch (SQLException e) { throw report(e); } }

    @Override public final Connection getConnection() {
        connection.physical();
        return connection;
    }

    @Override public ResultSet executeQuery(String sql) throws SQLException {
        try { return resultSet(driver().executeQuery(sql)); } catch (SQLException e) { throw report(e); } }
    @Override public int executeUpdate(String sql) throws SQLException {
        try { return driver().executeUpdate(sql); } catch (SQLException e) { throw report(e); } }
    @Override public int getMaxFieldSize() throws SQLException {
        try { return driver().getMaxFieldSize(); } catch (SQLException e) { throw report(e); } }
    @Override public void setMaxFieldSize(int max) throws SQLException {
        try { driver().setMaxFieldSize(max); } catch (SQLException e) { throw report(e); } }
    @Override public int getMaxRows() throws SQLException {
        try { return driver().getMaxRows(); } catch (SQLException e) { throw report(e); } }
    @Override public void setMaxRows(int max) throws SQLException {
        try { driver().setMaxRows(max); } catch (SQLException e) { throw report(e); } }
    @Override public void setEscapeProcessing(boolean enable) throws SQLException {
        try { driver().setEscapeProcessing(enable); } catch (SQLException e) { throw report(e); } }
    @Override public int getQueryTimeout() throws SQLException {
        try { return driver().getQueryTimeout(); } catch (SQLException e) { throw report(e); } }
    @Override public void setQueryTimeout(int seconds) throws SQLException {
        try { driver().setQueryTimeout(seconds); } catch (SQLException e) { throw report(e); } }
    @Override public void cancel() throws SQLException {
        try { driver().cancel(); } catch (SQLException e) { throw report(e); } }
    @Override public SQLWarning getWarnings() throws SQLException {
        try { return driver().getWarnings(); } catch (SQLException e) { throw report(e); } }
    @Override public void clearWarnings() throws SQLException {
        try { driver().clearWarnings(); } catch (SQLException e) { throw report(e); } }
    @Override public void setCursorName(String name) throws SQLException {
        try { driver().setCursorName(name); } catch (SQLException e) { throw report(e); } }
    @Override public boolean execute(String sql) throws SQLException {
        try { return driver().execute(sql); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getResultSet() throws SQLException {
        try { return resultSet(driver().getResultSet()); } catch (SQLException e) { throw report(e); } }
    @Override public int getUpdateCount() throws SQLException {
        try { return driver().getUpdateCount(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean getMoreResults() throws SQLException {
        try { return driver().getMoreResults(); } catch (SQLException e) { throw report(e); } }
    @Override public void setFetchDirection(int direction) throws SQLException {
        try { driver().setFetchDirection(direction); } catch (SQLException e) { throw report(e); } }
    @Override public int getFetchDirection() throws SQLException {
        try { return driver().getFetchDirection(); } catch (SQLException e) { throw report(e); } }
    @Override public void setFetchSize(int rows) throws SQLException {
        try { driver().setFetchSize(rows); } catch (SQLException e) { throw report(e); } }
    @Override public int getFetchSize() throws SQLException {
        try { return driver().getFetchSize(); } catch (SQLException e) { throw report(e); } }
    @Override public int getResultSetConcurrency() throws SQLException {
        try { return driver().getResultSetConcurrency(); } catch (SQLException e) { throw report(e); } }
    @Override public int getResultSetType() throws SQLException {
        try { return driver().getResultSetType(); } catch (SQLException e) { throw report(e); } }
    @Override public void addBatch(String sql) throws SQLException {
        try { driver().addBatch(sql); } catch (SQLException e) { throw report(e); } }
    @Override public void clearBatch() throws SQLException {
        try { driver().clearBatch(); } catch (SQLException e) { throw report(e); } }
    @Override public int[] executeBatch() throws SQLException {
        try { return driver().executeBatch(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean getMoreResults(int current) throws SQLException {
        try { return driver().getMoreResults(current); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getGeneratedKeys() throws SQLException {
        try { return resultSet(driver().getGeneratedKeys()); } catch (SQLException e) { throw report(e); } }
    @Override public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        try { return driver().executeUpdate(sql, autoGeneratedKeys); } catch (SQLException e) { throw report(e); } }
    @Override public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        try { return driver().executeUpdate(sql, columnIndexes); } catch (SQLException e) { throw report(e); } }
    @Override public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        try { return driver().executeUpdate(sql, columnNames); } catch (SQLException e) { throw report(e); } }
    @Override public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        try { return driver().execute(sql, autoGeneratedKeys); } catch (SQLException e) { throw report(e); } }
    @Override public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        try { return driver().execute(sql, columnIndexes); } catch (SQLException e) { throw report(e); } }
    @Override public boolean execute(String sql, String[] columnNames) throws SQLException {
        try { return driver().execute(sql, columnNames); } catch (SQLException e) { throw report(e); } }
    @Override public int getResultSetHoldability() throws SQLException {
        try { return driver().getResultSetHoldability(); } catch (SQLException e) { throw report(e); } }
    @Override public void setPoolable(boolean poolable) throws SQLException {
        try { driver().setPoolable(poolable); } catch (SQLException e) { throw report(e); } }
    @Override public boolean isPoolable() throws SQLException {
        try { return driver().isPoolable(); } catch (SQLException e) { throw report(e); } }
    @Override public void closeOnCompletion() throws SQLException {
        try { driver().closeOnCompletion(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean isCloseOnCompletion() throws SQLException {
        try { return driver().isCloseOnCompletion(); } catch (SQLException e) { throw report(e); } }
    @Override public long getLargeUpdateCount() throws SQLException {
        try { return driver().getLargeUpdateCount(); } catch (SQLException e) { throw report(e); } }
    @Override public void setLargeMaxRows(long max) throws SQLException {
        try { driver().setLargeMaxRows(max); } catch (SQLException e) { throw report(e); } }
    @Override public long getLargeMaxRows() throws SQLException {
        try { return driver().getLargeMaxRows(); } catch (SQLException e) { throw report(e); } }
    @Override public long[] executeLargeBatch() throws SQLException {
        try { return driver().executeLargeBatch(); } catch (SQLException e) { throw report(e); } }
    @Override public long executeLargeUpdate(String sql) throws SQLException {
        try { return driver().executeLargeUpdate(sql); } catch (SQLException e) { throw report(e); } }
    @Override public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        try { return driver().executeLargeUpdate(sql, autoGeneratedKeys); } catch (SQLException e) { throw report(e); } }
    @Override public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        try { return driver().executeLargeUpdate(sql, columnIndexes); } catch (SQLException e) { throw report(e); } }
    @Override public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        try { return driver().executeLargeUpdate(sql, columnNames); } catch (SQLException e) { throw report(e); } }
    @Override public String enquoteLiteral(String val) throws SQLException {
        try { return driver().enquoteLiteral(val); } catch (SQLException e) { throw report(e); } }
    @Override public String enquoteIdentifier(String identifier, boolean alwaysQuote) throws SQLException {
        try { return driver().enquoteIdentifier(identifier, alwaysQuote); } catch (SQLException e) { throw report(e); } }
    @Override public boolean isSimpleIdentifier(String identifier) throws SQLException {
        try { return driver().isSimpleIdentifier(identifier); } catch (SQLException e) { throw report(e); } }
    @Override public String enquoteNCharLiteral(String val) throws SQLException {
        try { return driver().enquoteNCharLiteral(val); } catch (SQLException e) { throw report(e); } }
}
