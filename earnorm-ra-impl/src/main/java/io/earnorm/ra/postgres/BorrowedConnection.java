package io.earnorm.ra.postgres;

import io.earnorm.ra.api.pool.ConnectionClosedException;
import io.earnorm.ra.pool.Lease;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

import static io.earnorm.ra.postgres.BorrowedResource.driverObject;
import static io.earnorm.ra.postgres.BorrowedResource.driverObjects;

/**
 * The {@link Connection} a borrower gets from {@code PostgresConnection.jdbc()}: the pooled
 * connection behind a wrapper that
 * <ul>
 * <li>refuses every call once the borrow has ended ({@link ConnectionClosedException}), except
 *     {@code isClosed()}, which answers true, and {@code close()}, which does nothing, as JDBC asks;</li>
 * <li>ends the borrow on {@code close()} (the connection goes back to the pool, not to the server);
 *     {@code abort} ends it too, and retires the connection;</li>
 * <li>keeps the statements it creates, and through them their result sets, behind wrappers of their
 *     own ({@link BorrowedStatement}, {@link BorrowedResultSet}, {@link BorrowedDatabaseMetaData})
 *     and closes those still open when the borrow ends;</li>
 * <li>records the session settings the borrower changes (auto-commit, isolation, read-only, schema,
 *     application name, network timeout), so that the reset on return puts back exactly those;</li>
 * <li>reports a lost connection (SQLState class 08, {@code 57P01}-{@code 57P03}, or a connection
 *     the driver closed) to the lease, so that the pool retires it;</li>
 * <li>refuses {@code commit()}, {@code rollback()} and {@code setAutoCommit(true)} (SQLState
 *     {@code 2D000}, invalid transaction termination) while a resource adapter's container runs a
 *     transaction on the connection ({@link PostgresSession#containerTransaction()}).</li>
 * </ul>
 * The driver's {@link SQLException}s come through unchanged, as JDBC code expects. {@code unwrap}
 * gives the wrapper itself, or a guarded view of a pgjdbc interface that cannot close anything
 * ({@code org.postgresql.PGConnection}); never the physical connection. Our JDBC objects passed
 * back as arguments ({@code rollback(savepoint)}, {@code createArrayOf}) reach the driver as its own.
 */
final class BorrowedConnection implements Connection {

    private final Lease<PostgresSession> lease;
    /** Ends the borrow ({@link PostgresHandle#endBorrow()}) once, on {@code close()}, unless it ended otherwise. */
    private final PostgresHandle handle;
    private volatile boolean closedByBorrower;

    BorrowedConnection(PostgresHandle handle) {
        this.lease = handle.lease();
        this.handle = handle;
    }

    /** True when the borrower gave the connection back through {@code close()} (or {@code abort}) on this wrapper. */
    boolean closedByBorrower() {
        return closedByBorrower;
    }

    /**
     * Closes every statement (and with it its result sets) the borrower left open through this
     * wrapper, and result sets of no statement (metadata); run as the borrow ends. The session keeps
     * the list, so that a borrow that opens statements allocates no list of its own.
     */
    void closeOpened() {
        for (AutoCloseable resource : lease.connection().takeOpenedBy(this)) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // closed as far as the driver can; the connection is reset or retired next
            }
        }
    }

    // ------------------------------------------------------------------ for the wrappers of what it opens

    /** The physical connection; throws {@link ConnectionClosedException} once the borrow has ended. */
    Connection physical() {
        return lease.connection().connection();
    }

    boolean ended() {
        return lease.isReleased();
    }

    void untrack(AutoCloseable resource) {
        if (!ended()) {
            lease.connection().closed(resource);
        }
    }

    /** A result set of no statement of the borrower's (database metadata's), closed with the borrow. */
    ResultSet untiedResultSet(ResultSet set) {
        if (set == null) {
            return null;
        }
        lease.connection().opened(set, this);
        return new BorrowedResultSet(this, set, null);
    }

    /**
     * Reports {@code error} to the lease when it means the connection is gone, and returns it for
     * rethrowing.
     */
    SQLException report(SQLException error) {
        if (ended()) {
            return error;
        }
        boolean lost = PostgresErrors.isConnectionLost(error);
        try {
            lost |= physical().isClosed();
            if (lost) {
                lease.markBroken(error);
            }
        } catch (SQLException | ConnectionClosedException ignored) {
            // the borrow ended meanwhile: nothing left to report to
        }
        return error;
    }

    private Statement statement(Statement statement) {
        lease.connection().opened(statement, this);
        return new BorrowedStatement<>(this, statement);
    }

    private PreparedStatement preparedStatement(PreparedStatement statement) {
        lease.connection().opened(statement, this);
        return new BorrowedPreparedStatement<>(this, statement);
    }

    private CallableStatement callableStatement(CallableStatement statement) {
        lease.connection().opened(statement, this);
        return new BorrowedCallableStatement(this, statement);
    }

    private DatabaseMetaData metaData(DatabaseMetaData metaData) {
        return metaData == null ? null : new BorrowedDatabaseMetaData(this, metaData);
    }

    private <R> R proxied(Class<R> type, R result) {
        return JdbcResourceProxy.wrap(this, type, result);
    }

    // ------------------------------------------------------------------ ending the borrow

    @Override public boolean isClosed() throws SQLException {
        return ended() || physical().isClosed();
    }

    @Override public void close() {
        if (!ended()) {
            closedByBorrower = true;
            handle.endBorrow();
        }
    }

    /** JDBC's abort ends the physical connection; here it ends the borrow and retires the connection. */
    @Override public void abort(Executor executor) {
        if (!ended()) {
            lease.markBroken(new SQLException("the borrower aborted the connection", "08003"));
            closedByBorrower = true;
            handle.endBorrow();
        }
    }

    // ------------------------------------------------------------------ transactions and the settings the reset puts back

    @Override public void commit() throws SQLException {
        refuseEndingAContainerTransaction("commit()");
        try { physical().commit(); } catch (SQLException e) { throw report(e); } }

    @Override public void rollback() throws SQLException {
        refuseEndingAContainerTransaction("rollback()");
        try { physical().rollback(); } catch (SQLException e) { throw report(e); } }

    @Override public void setAutoCommit(boolean autoCommit) throws SQLException {
        if (autoCommit) {
            refuseEndingAContainerTransaction("setAutoCommit(true)");
        }
        try { physical().setAutoCommit(autoCommit); } catch (SQLException e) { throw report(e); }
        changed(PostgresSession.Setting.AUTO_COMMIT);
    }

    /** Only the container that began a transaction on the connection may end it. */
    private void refuseEndingAContainerTransaction(String call) throws SQLException {
        Object transaction = lease.connection().containerTransaction();
        if (transaction != null) {
            throw new SQLException(call + " is not allowed while the container runs a transaction on this connection ("
                    + transaction + "); the container commits or rolls it back", "2D000");
        }
    }

    @Override public void setTransactionIsolation(int level) throws SQLException {
        try { physical().setTransactionIsolation(level); } catch (SQLException e) { throw report(e); }
        changed(PostgresSession.Setting.TRANSACTION_ISOLATION);
    }

    @Override public void setReadOnly(boolean readOnly) throws SQLException {
        try { physical().setReadOnly(readOnly); } catch (SQLException e) { throw report(e); }
        changed(PostgresSession.Setting.READ_ONLY);
    }

    @Override public void setSchema(String schema) throws SQLException {
        try { physical().setSchema(schema); } catch (SQLException e) { throw report(e); }
        changed(PostgresSession.Setting.SCHEMA);
    }

    @Override public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        try { physical().setNetworkTimeout(executor, milliseconds); } catch (SQLException e) { throw report(e); }
        changed(PostgresSession.Setting.NETWORK_TIMEOUT);
    }

    @Override public void setClientInfo(String name, String value) throws SQLClientInfoException {
        try { physical().setClientInfo(name, value); } catch (SQLClientInfoException e) { report(e); throw e; }
        changed(PostgresSession.Setting.APPLICATION_NAME);
    }

    @Override public void setClientInfo(Properties properties) throws SQLClientInfoException {
        try { physical().setClientInfo(properties); } catch (SQLClientInfoException e) { report(e); throw e; }
        changed(PostgresSession.Setting.APPLICATION_NAME);
    }

    private void changed(PostgresSession.Setting setting) {
        lease.connection().changed(setting);
    }

    // ------------------------------------------------------------------ unwrapping

    @Override public <T> T unwrap(Class<T> iface) throws SQLException {
        return BorrowedResource.unwrap(this, physical(), iface, this::physical);
    }

    @Override public boolean isWrapperFor(Class<?> iface) {
        return BorrowedResource.canUnwrap(this, physical(), iface);
    }

    @Override public String toString() {
        return "jdbc connection of " + lease;
    }

    // ------------------------------------------------------------------ the rest goes to the driver

    @Override public Statement createStatement() throws SQLException {
        try { return statement(physical().createStatement()); } catch (SQLException e) { throw report(e); } }
    @Override public PreparedStatement prepareStatement(String sql) throws SQLException {
        try { return preparedStatement(physical().prepareStatement(sql)); } catch (SQLException e) { throw report(e); } }
    @Override public CallableStatement prepareCall(String sql) throws SQLException {
        try { return callableStatement(physical().prepareCall(sql)); } catch (SQLException e) { throw report(e); } }
    @Override public String nativeSQL(String sql) throws SQLException {
        try { return physical().nativeSQL(sql); } catch (SQLException e) { throw report(e); } }
    @Override public boolean getAutoCommit() throws SQLException {
        try { return physical().getAutoCommit(); } catch (SQLException e) { throw report(e); } }
    @Override public DatabaseMetaData getMetaData() throws SQLException {
        try { return metaData(physical().getMetaData()); } catch (SQLException e) { throw report(e); } }
    @Override public boolean isReadOnly() throws SQLException {
        try { return physical().isReadOnly(); } catch (SQLException e) { throw report(e); } }
    @Override public void setCatalog(String catalog) throws SQLException {
        try { physical().setCatalog(catalog); } catch (SQLException e) { throw report(e); } }
    @Override public String getCatalog() throws SQLException {
        try { return physical().getCatalog(); } catch (SQLException e) { throw report(e); } }
    @Override public int getTransactionIsolation() throws SQLException {
        try { return physical().getTransactionIsolation(); } catch (SQLException e) { throw report(e); } }
    @Override public SQLWarning getWarnings() throws SQLException {
        try { return physical().getWarnings(); } catch (SQLException e) { throw report(e); } }
    @Override public void clearWarnings() throws SQLException {
        try { physical().clearWarnings(); } catch (SQLException e) { throw report(e); } }
    @Override public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        try { return statement(physical().createStatement(resultSetType, resultSetConcurrency)); } catch (SQLException e) { throw report(e); } }
    @Override public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        try { return preparedStatement(physical().prepareStatement(sql, resultSetType, resultSetConcurrency)); } catch (SQLException e) { throw report(e); } }
    @Override public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        try { return callableStatement(physical().prepareCall(sql, resultSetType, resultSetConcurrency)); } catch (SQLException e) { throw report(e); } }
    @Override public Map<String, Class<?>> getTypeMap() throws SQLException {
        try { return physical().getTypeMap(); } catch (SQLException e) { throw report(e); } }
    @Override public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        try { physical().setTypeMap(map); } catch (SQLException e) { throw report(e); } }
    @Override public void setHoldability(int holdability) throws SQLException {
        try { physical().setHoldability(holdability); } catch (SQLException e) { throw report(e); } }
    @Override public int getHoldability() throws SQLException {
        try { return physical().getHoldability(); } catch (SQLException e) { throw report(e); } }
    @Override public Savepoint setSavepoint() throws SQLException {
        try { return proxied(Savepoint.class, physical().setSavepoint()); } catch (SQLException e) { throw report(e); } }
    @Override public Savepoint setSavepoint(String name) throws SQLException {
        try { return proxied(Savepoint.class, physical().setSavepoint(name)); } catch (SQLException e) { throw report(e); } }
    @Override public void rollback(Savepoint savepoint) throws SQLException {
        try { physical().rollback(driverObject(savepoint)); } catch (SQLException e) { throw report(e); } }
    @Override public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        try { physical().releaseSavepoint(driverObject(savepoint)); } catch (SQLException e) { throw report(e); } }
    @Override public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        try { return statement(physical().createStatement(resultSetType, resultSetConcurrency, resultSetHoldability)); } catch (SQLException e) { throw report(e); } }
    @Override public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        try { return preparedStatement(physical().prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability)); } catch (SQLException e) { throw report(e); } }
    @Override public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        try { return callableStatement(physical().prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability)); } catch (SQLException e) { throw report(e); } }
    @Override public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        try { return preparedStatement(physical().prepareStatement(sql, autoGeneratedKeys)); } catch (SQLException e) { throw report(e); } }
    @Override public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        try { return preparedStatement(physical().prepareStatement(sql, columnIndexes)); } catch (SQLException e) { throw report(e); } }
    @Override public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        try { return preparedStatement(physical().prepareStatement(sql, columnNames)); } catch (SQLException e) { throw report(e); } }
    @Override public Clob createClob() throws SQLException {
        try { return proxied(Clob.class, physical().createClob()); } catch (SQLException e) { throw report(e); } }
    @Override public Blob createBlob() throws SQLException {
        try { return proxied(Blob.class, physical().createBlob()); } catch (SQLException e) { throw report(e); } }
    @Override public NClob createNClob() throws SQLException {
        try { return proxied(NClob.class, physical().createNClob()); } catch (SQLException e) { throw report(e); } }
    @Override public SQLXML createSQLXML() throws SQLException {
        try { return proxied(SQLXML.class, physical().createSQLXML()); } catch (SQLException e) { throw report(e); } }
    @Override public boolean isValid(int timeout) throws SQLException {
        try { return physical().isValid(timeout); } catch (SQLException e) { throw report(e); } }
    @Override public String getClientInfo(String name) throws SQLException {
        try { return physical().getClientInfo(name); } catch (SQLException e) { throw report(e); } }
    @Override public Properties getClientInfo() throws SQLException {
        try { return physical().getClientInfo(); } catch (SQLException e) { throw report(e); } }
    @Override public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        try { return proxied(Array.class, physical().createArrayOf(typeName, driverObjects(elements))); } catch (SQLException e) { throw report(e); } }
    @Override public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        try { return proxied(Struct.class, physical().createStruct(typeName, driverObjects(attributes))); } catch (SQLException e) { throw report(e); } }
    @Override public String getSchema() throws SQLException {
        try { return physical().getSchema(); } catch (SQLException e) { throw report(e); } }
    @Override public int getNetworkTimeout() throws SQLException {
        try { return physical().getNetworkTimeout(); } catch (SQLException e) { throw report(e); } }
    @Override public void beginRequest() throws SQLException {
        try { physical().beginRequest(); } catch (SQLException e) { throw report(e); } }
    @Override public void endRequest() throws SQLException {
        try { physical().endRequest(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean setShardingKeyIfValid(ShardingKey shardingKey, ShardingKey superShardingKey, int timeout) throws SQLException {
        try { return physical().setShardingKeyIfValid(shardingKey, superShardingKey, timeout); } catch (SQLException e) { throw report(e); } }
    @Override public boolean setShardingKeyIfValid(ShardingKey shardingKey, int timeout) throws SQLException {
        try { return physical().setShardingKeyIfValid(shardingKey, timeout); } catch (SQLException e) { throw report(e); } }
    @Override public void setShardingKey(ShardingKey shardingKey, ShardingKey superShardingKey) throws SQLException {
        try { physical().setShardingKey(shardingKey, superShardingKey); } catch (SQLException e) { throw report(e); } }
    @Override public void setShardingKey(ShardingKey shardingKey) throws SQLException {
        try { physical().setShardingKey(shardingKey); } catch (SQLException e) { throw report(e); } }
}
