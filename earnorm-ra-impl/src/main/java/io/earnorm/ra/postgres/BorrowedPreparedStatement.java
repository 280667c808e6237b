package io.earnorm.ra.postgres;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * A {@link PreparedStatement} opened through a {@link BorrowedConnection}: a
 * {@link BorrowedStatement} with the calls of a prepared statement, which pass our own JDBC objects
 * among their parameters to the driver as the driver's objects.
 *
 * @param <S> the driver's statement interface ({@link BorrowedCallableStatement} adds its own)
 */
class BorrowedPreparedStatement<S extends PreparedStatement> extends BorrowedStatement<S> implements PreparedStatement {

    BorrowedPreparedStatement(BorrowedConnection connection, S statement) {
        super(connection, statement);
    }

    @Override public ResultSet executeQuery() throws SQLException {
        try { return resultSet(driver().executeQuery()); } catch (SQLException e) { throw report(e); } }
    @Override public int executeUpdate() throws SQLException {
        try { return driver().executeUpdate(); } catch (SQLException e) { throw report(e); } }
    @Override public void setNull(int parameterIndex, int sqlType) throws SQLException {
        try { driver().setNull(parameterIndex, sqlType); } catch (SQLException e) { throw report(e); } }
    @Override public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        try { driver().setBoolean(parameterIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setByte(int parameterIndex, byte x) throws SQLException {
        try { driver().setByte(parameterIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setShort(int parameterIndex, short x) throws SQLException {
        try { driver().setShort(parameterIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setInt(int parameterIndex, int x) throws SQLException {
        try { driver().setInt(parameterIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setLong(int parameterIndex, long x) throws SQLException {
        try { driver().setLong(parameterIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setFloat(int parameterIndex, float x) throws SQLException {
        try { driver().setFloat(parameterIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setDouble(int parameterIndex, double x) throws SQLException {
        try { driver().setDouble(parameterIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        try { driver().setBigDecimal(parameterIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setString(int parameterIndex, String x) throws SQLException {
        try { driver().setString(parameterIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        try { driver().setBytes(parameterIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setDate(int parameterIndex, Date x) throws SQLException {
        try { driver().setDate(parameterIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setTime(int parameterIndex, Time x) throws SQLException {
        try { driver().setTime(parameterIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        try { driver().setTimestamp(parameterIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
        try { driver().setAsciiStream(parameterIndex, x, length); } catch (SQLException e) { throw report(e); } }
    @Deprecated @Override public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
        try { driver().setUnicodeStream(parameterIndex, x, length); } catch (SQLException e) { throw report(e); } }
    @Override public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
        try { driver().setBinaryStream(parameterIndex, x, length); } catch (SQLException e) { throw report(e); } }
    @Override public void clearParameters() throws SQLException {
        try { driver().clearParameters(); } catch (SQLException e) { throw report(e); } }
    @Override public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        try { driver().setObject(parameterIndex, driverObject(x), targetSqlType); } catch (SQLException e) { throw report(e); } }
    @Override public void setObject(int parameterIndex, Object x) throws SQLException {
        try { driver().setObject(parameterIndex, driverObject(x)); } catch (SQLException e) { throw report(e); } }
    @Override public boolean execute() throws SQLException {
        try { return driver().execute(); } catch (SQLException e) { throw report(e); } }
    @Override public void addBatch() throws SQLException {
        try { driver().addBatch(); } catch (SQLException e) { throw report(e); } }
    @Override public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
        try { driver().setCharacterStream(parameterIndex, reader, length); } catch (SQLException e) { throw report(e); } }
    @Override public void setRef(int parameterIndex, Ref x) throws SQLException {
        try { driver().setRef(parameterIndex, driverObject(x)); } catch (SQLException e) { throw report(e); } }
    @Override public void setBlob(int parameterIndex, Blob x) throws SQLException {
        try { driver().setBlob(parameterIndex, driverObject(x)); } catch (SQLException e) { throw report(e); } }
    @Override public void setClob(int parameterIndex, Clob x) throws SQLException {
        try { driver().setClob(parameterIndex, driverObject(x)); } catch (SQLException e) { throw report(e); } }
    @Override public void setArray(int parameterIndex, Array x) throws SQLException {
        try { driver().setArray(parameterIndex, driverObject(x)); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSetMetaData getMetaData() throws SQLException {
        try { return proxied(ResultSetMetaData.class, driver().getMetaData()); } catch (SQLException e) { throw report(e); } }
    @Override public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
        try { driver().setDate(parameterIndex, x, cal); } catch (SQLException e) { throw report(e); } }
    @Override public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
        try { driver().setTime(parameterIndex, x, cal); } catch (SQLException e) { throw report(e); } }
    @Override public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
        try { driver().setTimestamp(parameterIndex, x, cal); } catch (SQLException e) { throw report(e); } }
    @Override public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        try { driver().setNull(parameterIndex, sqlType, typeName); } catch (SQLException e) { throw report(e); } }
    @Override public void setURL(int parameterIndex, URL x) throws SQLException {
        try { driver().setURL(parameterIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public ParameterMetaData getParameterMetaData() throws SQLException {
        try { return proxied(ParameterMetaData.class, driver().getParameterMetaData()); } catch (SQLException e) { throw report(e); } }
    @Override public void setRowId(int parameterIndex, RowId x) throws SQLException {
        try { driver().setRowId(parameterIndex, driverObject(x)); } catch (SQLException e) { throw report(e); } }
    @Override public void setNString(int parameterIndex, String value) throws SQLException {
        try { driver().setNString(parameterIndex, value); } catch (SQLException e) { throw report(e); } }
    @Override public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        try { driver().setNCharacterStream(parameterIndex, value, length); } catch (SQLException e) { throw report(e); } }
    @Override public void setNClob(int parameterIndex, NClob value) throws SQLException {
        try { driver().setNClob(parameterIndex, driverObject(value)); } catch (SQLException e) { throw report(e); } }
    @Override public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        try { driver().setClob(parameterIndex, reader, length); } catch (SQLException e) { throw report(e); } }
    @Override public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        try { driver().setBlob(parameterIndex, inputStream, length); } catch (SQLException e) { throw report(e); } }
    @Override public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        try { driver().setNClob(parameterIndex, reader, length); } catch (SQLException e) { throw report(e); } }
    @Override public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        try { driver().setSQLXML(parameterIndex, driverObject(xmlObject)); } catch (SQLException e) { throw report(e); } }
    @Override public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        try { driver().setObject(parameterIndex, driverObject(x), targetSqlType, scaleOrLength); } catch (SQLException e) { throw report(e); } }
    @Override public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        try { driver().setAsciiStream(parameterIndex, x, length); } catch (SQLException e) { throw report(e); } }
    @Override public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        try { driver().setBinaryStream(parameterIndex, x, length); } catch (SQLException e) { throw report(e); } }
    @Override public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
        try { driver().setCharacterStream(parameterIndex, reader, length); } catch (SQLException e) { throw report(e); } }
    @Override public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        try { driver().setAsciiStream(parameterIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        try { driver().setBinaryStream(parameterIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        try { driver().setCharacterStream(parameterIndex, reader); } catch (SQLException e) { throw report(e); } }
    @Override public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        try { driver().setNCharacterStream(parameterIndex, value); } catch (SQLException e) { throw report(e); } }
    @Override public void setClob(int parameterIndex, Reader reader) throws SQLException {
        try { driver().setClob(parameterIndex, reader); } catch (SQLException e) { throw report(e); } }
    @Override public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        try { driver().setBlob(parameterIndex, inputStream); } catch (SQLException e) { throw report(e); } }
    @Override public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        try { driver().setNClob(parameterIndex, reader); } catch (SQLException e) { throw report(e); } }
    @Override public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        try { driver().setObject(parameterIndex, driverObject(x), targetSqlType, scaleOrLength); } catch (SQLException e) { throw report(e); } }
    @Override public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
        try { driver().setObject(parameterIndex, driverObject(x), targetSqlType); } catch (SQLException e) { throw report(e); } }
    @Override public long executeLargeUpdate() throws SQLException {
        try { return driver().executeLargeUpdate(); } catch (SQLException e) { throw report(e); } }
}
