package io.earnorm.ra.postgres;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * A {@link CallableStatement} opened through a {@link BorrowedConnection}: a
 * {@link BorrowedPreparedStatement} with the calls of a callable statement. The LOBs, arrays and
 * other rare JDBC objects its getters return come behind reflective proxies
 * ({@link JdbcResourceProxy}), which hold to the same rules.
 */
final class BorrowedCallableStatement extends BorrowedPreparedStatement<CallableStatement> implements CallableStatement {

    BorrowedCallableStatement(BorrowedConnection connection, CallableStatement statement) {
        super(connection, statement);
    }

    @Override public void registerOutParameter(int parameterIndex, int sqlType) throws SQLException {
        try { driver().registerOutParameter(parameterIndex, sqlType); } catch (SQLException e) { throw report(e); } }
    @Override public void registerOutParameter(int parameterIndex, int sqlType, int scale) throws SQLException {
        try { driver().registerOutParameter(parameterIndex, sqlType, scale); } catch (SQLException e) { throw report(e); } }
    @Override public boolean wasNull() throws SQLException {
        try { return driver().wasNull(); } catch (SQLException e) { throw report(e); } }
    @Override public String getString(int parameterIndex) throws SQLException {
        try { return driver().getString(parameterIndex); } catch (SQLException e) { throw report(e); } }
    @Override public boolean getBoolean(int parameterIndex) throws SQLException {
        try { return driver().getBoolean(parameterIndex); } catch (SQLException e) { throw report(e); } }
    @Override public byte getByte(int parameterIndex) throws SQLException {
        try { return driver().getByte(parameterIndex); } catch (SQLException e) { throw report(e); } }
    @Override public short getShort(int parameterIndex) throws SQLException {
        try { return driver().getShort(parameterIndex); } catch (SQLException e) { throw report(e); } }
    @Override public int getInt(int parameterIndex) throws SQLException {
        try { return driver().getInt(parameterIndex); } catch (SQLException e) { throw report(e); } }
    @Override public long getLong(int parameterIndex) throws SQLException {
        try { return driver().getLong(parameterIndex); } catch (SQLException e) { throw report(e); } }
    @Override public float getFloat(int parameterIndex) throws SQLException {
        try { return driver().getFloat(parameterIndex); } catch (SQLException e) { throw report(e); } }
    @Override public double getDouble(int parameterIndex) throws SQLException {
        try { return driver().getDouble(parameterIndex); } catch (SQLException e) { throw report(e); } }
    @Deprecated @Override public BigDecimal getBigDecimal(int parameterIndex, int scale) throws SQLException {
        try { return driver().getBigDecimal(parameterIndex, scale); } catch (SQLException e) { throw report(e); } }
    @Override public byte[] getBytes(int parameterIndex) throws SQLException {
        try { return driver().getBytes(parameterIndex); } catch (SQLException e) { throw report(e); } }
    @Override public Date getDate(int parameterIndex) throws SQLException {
        try { return driver().getDate(parameterIndex); } catch (SQLException e) { throw report(e); } }
    @Override public Time getTime(int parameterIndex) throws SQLException {
        try { return driver().getTime(parameterIndex); } catch (SQLException e) { throw report(e); } }
    @Override public Timestamp getTimestamp(int parameterIndex) throws SQLException {
        try { return driver().getTimestamp(parameterIndex); } catch (SQLException e) { throw report(e); } }
    @Override public Object getObject(int parameterIndex) throws SQLException {
        try { return driver().getObject(parameterIndex); } catch (SQLException e) { throw report(e); } }
    @Override public BigDecimal getBigDecimal(int parameterIndex) throws SQLException {
        try { return driver().getBigDecimal(parameterIndex); } catch (SQLException e) { throw report(e); } }
    @Override public Object getObject(int parameterIndex, Map<String, Class<?>> map) throws SQLException {
        try { return driver().getObject(parameterIndex, map); } catch (SQLException e) { throw report(e); } }
    @Override public Ref getRef(int parameterIndex) throws SQLException {
        try { return proxied(Ref.class, driver().getRef(parameterIndex)); } catch (SQLException e) { throw report(e); } }
    @Override public Blob getBlob(int parameterIndex) throws SQLException {
        try { return proxied(Blob.class, driver().getBlob(parameterIndex)); } catch (SQLException e) { throw report(e); } }
    @Override public Clob getClob(int parameterIndex) throws SQLException {
        try { return proxied(Clob.class, driver().getClob(parameterIndex)); } catch (SQLException e) { throw report(e); } }
    @Override public Array getArray(int parameterIndex) throws SQLException {
        try { return proxied(Array.class, driver().getArray(parameterIndex)); } catch (SQLException e) { throw report(e); } }
    @Override public Date getDate(int parameterIndex, Calendar cal) throws SQLException {
        try { return driver().getDate(parameterIndex, cal); } catch (SQLException e) { throw report(e); } }
    @Override public Time getTime(int parameterIndex, Calendar cal) throws SQLException {
        try { return driver().getTime(parameterIndex, cal); } catch (SQLException e) { throw report(e); } }
    @Override public Timestamp getTimestamp(int parameterIndex, Calendar cal) throws SQLException {
        try { return driver().getTimestamp(parameterIndex, cal); } catch (SQLException e) { throw report(e); } }
    @Override public void registerOutParameter(int parameterIndex, int sqlType, String typeName) throws SQLException {
        try { driver().registerOutParameter(parameterIndex, sqlType, typeName); } catch (SQLException e) { throw report(e); } }
    @Override public void registerOutParameter(String parameterName, int sqlType) throws SQLException {
        try { driver().registerOutParameter(parameterName, sqlType); } catch (SQLException e) { throw report(e); } }
    @Override public void registerOutParameter(String parameterName, int sqlType, int scale) throws SQLException {
        try { driver().registerOutParameter(parameterName, sqlType, scale); } catch (SQLException e) { throw report(e); } }
    @Override public void registerOutParameter(String parameterName, int sqlType, String typeName) throws SQLException {
        try { driver().registerOutParameter(parameterName, sqlType, typeName); } catch (SQLException e) { throw report(e); } }
    @Override public URL getURL(int parameterIndex) throws SQLException {
        try { return driver().getURL(parameterIndex); } catch (SQLException e) { throw report(e); } }
    @Override public void setURL(String parameterName, URL val) throws SQLException {
        try { driver().setURL(parameterName, val); } catch (SQLException e) { throw report(e); } }
    @Override public void setNull(String parameterName, int sqlType) throws SQLException {
        try { driver().setNull(parameterName, sqlType); } catch (SQLException e) { throw report(e); } }
    @Override public void setBoolean(String parameterName, boolean x) throws SQLException {
        try { driver().setBoolean(parameterName, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setByte(String parameterName, byte x) throws SQLException {
        try { driver().setByte(parameterName, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setShort(String parameterName, short x) throws SQLException {
        try { driver().setShort(parameterName, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setInt(String parameterName, int x) throws SQLException {
        try { driver().setInt(parameterName, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setLong(String parameterName, long x) throws SQLException {
        try { driver().setLong(parameterName, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setFloat(String parameterName, float x) throws SQLException {
        try { driver().setFloat(parameterName, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setDouble(String parameterName, double x) throws SQLException {
        try { driver().setDouble(parameterName, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setBigDecimal(String parameterName, BigDecimal x) throws SQLException {
        try { driver().setBigDecimal(parameterName, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setString(String parameterName, String x) throws SQLException {
        try { driver().setString(parameterName, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setBytes(String parameterName, byte[] x) throws SQLException {
        try { driver().setBytes(parameterName, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setDate(String parameterName, Date x) throws SQLException {
        try { driver().setDate(parameterName, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setTime(String parameterName, Time x) throws SQLException {
        try { driver().setTime(parameterName, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setTimestamp(String parameterName, Timestamp x) throws SQLException {
        try { driver().setTimestamp(parameterName, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setAsciiStream(String parameterName, InputStream x, int length) throws SQLException {
        try { driver().setAsciiStream(parameterName, x, length); } catch (SQLException e) { throw report(e); } }
    @Override public void setBinaryStream(String parameterName, InputStream x, int length) throws SQLException {
        try { driver().setBinaryStream(parameterName, x, length); } catch (SQLException e) { throw report(e); } }
    @Override public void setObject(String parameterName, Object x, int targetSqlType, int scale) throws SQLException {
        try { driver().setObject(parameterName, driverObject(x), targetSqlType, scale); } catch (SQLException e) { throw report(e); } }
    @Override public void setObject(String parameterName, Object x, int targetSqlType) throws SQLException {
        try { driver().setObject(parameterName, driverObject(x), targetSqlType); } catch (SQLException e) { throw report(e); } }
    @Override public void setObject(String parameterName, Object x) throws SQLException {
        try { driver().setObject(parameterName, driverObject(x)); } catch (SQLException e) { throw report(e); } }
    @Override public void setCharacterStream(String parameterName, Reader reader, int length) throws SQLException {
        try { driver().setCharacterStream(parameterName, reader, length); } catch (SQLException e) { throw report(e); } }
    @Override public void setDate(String parameterName, Date x, Calendar cal) throws SQLException {
        try { driver().setDate(parameterName, x, cal); } catch (SQLException e) { throw report(e); } }
    @Override public void setTime(String parameterName, Time x, Calendar cal) throws SQLException {
        try { driver().setTime(parameterName, x, cal); } catch (SQLException e) { throw report(e); } }
    @Override public void setTimestamp(String parameterName, Timestamp x, Calendar cal) throws SQLException {
        try { driver().setTimestamp(parameterName, x, cal); } catch (SQLException e) { throw report(e); } }
    @Override public void setNull(String parameterName, int sqlType, String typeName) throws SQLException {
        try { driver().setNull(parameterName, sqlType, typeName); } catch (SQLException e) { throw report(e); } }
    @Override public String getString(String parameterName) throws SQLException {
        try { return driver().getString(parameterName); } catch (SQLException e) { throw report(e); } }
    @Override public boolean getBoolean(String parameterName) throws SQLException {
        try { return driver().getBoolean(parameterName); } catch (SQLException e) { throw report(e); } }
    @Override public byte getByte(String parameterName) throws SQLException {
        try { return driver().getByte(parameterName); } catch (SQLException e) { throw report(e); } }
    @Override public short getShort(String parameterName) throws SQLException {
        try { return driver().getShort(parameterName); } catch (SQLException e) { throw report(e); } }
    @Override public int getInt(String parameterName) throws SQLException {
        try { return driver().getInt(parameterName); } catch (SQLException e) { throw report(e); } }
    @Override public long getLong(String parameterName) throws SQLException {
        try { return driver().getLong(parameterName); } catch (SQLException e) { throw report(e); } }
    @Override public float getFloat(String parameterName) throws SQLException {
        try { return driver().getFloat(parameterName); } catch (SQLException e) { throw report(e); } }
    @Override public double getDouble(String parameterName) throws SQLException {
        try { return driver().getDouble(parameterName); } catch (SQLException e) { throw report(e); } }
    @Override public byte[] getBytes(String parameterName) throws SQLException {
        try { return driver().getBytes(parameterName); } catch (SQLException e) { throw report(e); } }
    @Override public Date getDate(String parameterName) throws SQLException {
        try { return driver().getDate(parameterName); } catch (SQLException e) { throw report(e); } }
    @Override public Time getTime(String parameterName) throws SQLException {
        try { return driver().getTime(parameterName); } catch (SQLException e) { throw report(e); } }
    @Override public Timestamp getTimestamp(String parameterName) throws SQLException {
        try { return driver().getTimestamp(parameterName); } catch (SQLException e) { throw report(e); } }
    @Override public Object getObject(String parameterName) throws SQLException {
        try { return driver().getObject(parameterName); } catch (SQLException e) { throw report(e); } }
    @Override public BigDecimal getBigDecimal(String parameterName) throws SQLException {
        try { return driver().getBigDecimal(parameterName); } catch (SQLException e) { throw report(e); } }
    @Override public Object getObject(String parameterName, Map<String, Class<?>> map) throws SQLException {
        try { return driver().getObject(parameterName, map); } catch (SQLException e) { throw report(e); } }
    @Override public Ref getRef(String parameterName) throws SQLException {
        try { return proxied(Ref.class, driver().getRef(parameterName)); } catch (SQLException e) { throw report(e); } }
    @Override public Blob getBlob(String parameterName) throws SQLException {
        try { return proxied(Blob.class, driver().getBlob(parameterName)); } catch (SQLException e) { throw report(e); } }
    @Override public Clob getClob(String parameterName) throws SQLException {
        try { return proxied(Clob.class, driver().getClob(parameterName)); } catch (SQLException e) { throw report(e); } }
    @Override public Array getArray(String parameterName) throws SQLException {
        try { return proxied(Array.class, driver().getArray(parameterName)); } catch (SQLException e) { throw report(e); } }
    @Override public Date getDate(String parameterName, Calendar cal) throws SQLException {
        try { return driver().getDate(parameterName, cal); } catch (SQLException e) { throw report(e); } }
    @Override public Time getTime(String parameterName, Calendar cal) throws SQLException {
        try { return driver().getTime(parameterName, cal); } catch (SQLException e) { throw report(e); } }
    @Override public Timestamp getTimestamp(String parameterName, Calendar cal) throws SQLException {
        try { return driver().getTimestamp(parameterName, cal); } catch (SQLException e) { throw report(e); } }
    @Override public URL getURL(String parameterName) throws SQLException {
        try { return driver().getURL(parameterName); } catch (SQLException e) { throw report(e); } }
    @Override public RowId getRowId(int parameterIndex) throws SQLException {
        try { return proxied(RowId.class, driver().getRowId(parameterIndex)); } catch (SQLException e) { throw report(e); } }
    @Override public RowId getRowId(String parameterName) throws SQLException {
        try { return proxied(RowId.class, driver().getRowId(parameterName)); } catch (SQLException e) { throw report(e); } }
    @Override public void setRowId(String parameterName, RowId x) throws SQLException {
        try { driver().setRowId(parameterName, driverObject(x)); } catch (SQLException e) { throw report(e); } }
    @Override public void setNString(String parameterName, String value) throws SQLException {
        try { driver().setNString(parameterName, value); } catch (SQLException e) { throw report(e); } }
    @Override public void setNCharacterStream(String parameterName, Reader value, long length) throws SQLException {
        try { driver().setNCharacterStream(parameterName, value, length); } catch (SQLException e) { throw report(e); } }
    @Override public void setNClob(String parameterName, NClob value) throws SQLException {
        try { driver().setNClob(parameterName, driverObject(value)); } catch (SQLException e) { throw report(e); } }
    @Override public void setClob(String parameterName, Reader reader, long length) throws SQLException {
        try { driver().setClob(parameterName, reader, length); } catch (SQLException e) { throw report(e); } }
    @Override public void setBlob(String parameterName, InputStream inputStream, long length) throws SQLException {
        try { driver().setBlob(parameterName, inputStream, length); } catch (SQLException e) { throw report(e); } }
    @Override public void setNClob(String parameterName, Reader reader, long length) throws SQLException {
        try { driver().setNClob(parameterName, reader, length); } catch (SQLException e) { throw report(e); } }
    @Override public NClob getNClob(int parameterIndex) throws SQLException {
        try { return proxied(NClob.class, driver().getNClob(parameterIndex)); } catch (SQLException e) { throw report(e); } }
    @Override public NClob getNClob(String parameterName) throws SQLException {
        try { return proxied(NClob.class, driver().getNClob(parameterName)); } catch (SQLException e) { throw report(e); } }
    @Override public void setSQLXML(String parameterName, SQLXML xmlObject) throws SQLException {
        try { driver().setSQLXML(parameterName, driverObject(xmlObject)); } catch (SQLException e) { throw report(e); } }
    @Override public SQLXML getSQLXML(int parameterIndex) throws SQLException {
        try { return proxied(SQLXML.class, driver().getSQLXML(parameterIndex)); } catch (SQLException e) { throw report(e); } }
    @Override public SQLXML getSQLXML(String parameterName) throws SQLException {
        try { return proxied(SQLXML.class, driver().getSQLXML(parameterName)); } catch (SQLException e) { throw report(e); } }
    @Override public String getNString(int parameterIndex) throws SQLException {
        try { return driver().getNString(parameterIndex); } catch (SQLException e) { throw report(e); } }
    @Override public String getNString(String parameterName) throws SQLException {
        try { return driver().getNString(parameterName); } catch (SQLException e) { throw report(e); } }
    @Override public Reader getNCharacterStream(int parameterIndex) throws SQLException {
        try { return driver().getNCharacterStream(parameterIndex); } catch (SQLException e) { throw report(e); } }
    @Override public Reader getNCharacterStream(String parameterName) throws SQLException {
        try { return driver().getNCharacterStream(parameterName); } catch (SQLException e) { throw report(e); } }
    @Override public Reader getCharacterStream(int parameterIndex) throws SQLException {
        try { return driver().getCharacterStream(parameterIndex); } catch (SQLException e) { throw report(e); } }
    @Override public Reader getCharacterStream(String parameterName) throws SQLException {
        try { return driver().getCharacterStream(parameterName); } catch (SQLException e) { throw report(e); } }
    @Override public void setBlob(String parameterName, Blob x) throws SQLException {
        try { driver().setBlob(parameterName, driverObject(x)); } catch (SQLException e) { throw report(e); } }
    @Override public void setClob(String parameterName, Clob x) throws SQLException {
        try { driver().setClob(parameterName, driverObject(x)); } catch (SQLException e) { throw report(e); } }
    @Override public void setAsciiStream(String parameterName, InputStream x, long length) throws SQLException {
        try { driver().setAsciiStream(parameterName, x, length); } catch (SQLException e) { throw report(e); } }
    @Override public void setBinaryStream(String parameterName, InputStream x, long length) throws SQLException {
        try { driver().setBinaryStream(parameterName, x, length); } catch (SQLException e) { throw report(e); } }
    @Override public void setCharacterStream(String parameterName, Reader reader, long length) throws SQLException {
        try { driver().setCharacterStream(parameterName, reader, length); } catch (SQLException e) { throw report(e); } }
    @Override public void setAsciiStream(String parameterName, InputStream x) throws SQLException {
        try { driver().setAsciiStream(parameterName, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setBinaryStream(String parameterName, InputStream x) throws SQLException {
        try { driver().setBinaryStream(parameterName, x); } catch (SQLException e) { throw report(e); } }
    @Override public void setCharacterStream(String parameterName, Reader reader) throws SQLException {
        try { driver().setCharacterStream(parameterName, reader); } catch (SQLException e) { throw report(e); } }
    @Override public void setNCharacterStream(String parameterName, Reader value) throws SQLException {
        try { driver().setNCharacterStream(parameterName, value); } catch (SQLException e) { throw report(e); } }
    @Override public void setClob(String parameterName, Reader reader) throws SQLException {
        try { driver().setClob(parameterName, reader); } catch (SQLException e) { throw report(e); } }
    @Override public void setBlob(String parameterName, InputStream inputStream) throws SQLException {
        try { driver().setBlob(parameterName, inputStream); } catch (SQLException e) { throw report(e); } }
    @Override public void setNClob(String parameterName, Reader reader) throws SQLException {
        try { driver().setNClob(parameterName, reader); } catch (SQLException e) { throw report(e); } }
    @Override public <T> T getObject(int parameterIndex, Class<T> type) throws SQLException {
        try { return driver().getObject(parameterIndex, type); } catch (SQLException e) { throw report(e); } }
    @Override public <T> T getObject(String parameterName, Class<T> type) throws SQLException {
        try { return driver().getObject(parameterName, type); } catch (SQLException e) { throw report(e); } }
    @Override public void setObject(String parameterName, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        try { driver().setObject(parameterName, driverObject(x), targetSqlType, scaleOrLength); } catch (SQLException e) { throw report(e); } }
    @Override public void setObject(String parameterName, Object x, SQLType targetSqlType) throws SQLException {
        try { driver().setObject(parameterName, driverObject(x), targetSqlType); } catch (SQLException e) { throw report(e); } }
    @Override public void registerOutParameter(int parameterIndex, SQLType sqlType) throws SQLException {
        try { driver().registerOutParameter(parameterIndex, sqlType); } catch (SQLException e) { throw report(e); } }
    @Override public void registerOutParameter(int parameterIndex, SQLType sqlType, int scale) throws SQLException {
        try { driver().registerOutParameter(parameterIndex, sqlType, scale); } catch (SQLException e) { throw report(e); } }
    @Override public void registerOutParameter(int parameterIndex, SQLType sqlType, String typeName) throws SQLException {
        try { driver().registerOutParameter(parameterIndex, sqlType, typeName); } catch (SQLException e) { throw report(e); } }
    @Override public void registerOutParameter(String parameterName, SQLType sqlType) throws SQLException {
        try { driver().registerOutParameter(parameterName, sqlType); } catch (SQLException e) { throw report(e); } }
    @Override public void registerOutParameter(String parameterName, SQLType sqlType, int scale) throws SQLException {
        try { driver().registerOutParameter(parameterName, sqlType, scale); } catch (SQLException e) { throw report(e); } }
    @Override public void registerOutParameter(String parameterName, SQLType sqlType, String typeName) throws SQLException {
        try { driver().registerOutParameter(parameterName, sqlType, typeName); } catch (SQLException e) { throw report(e); } }
}
