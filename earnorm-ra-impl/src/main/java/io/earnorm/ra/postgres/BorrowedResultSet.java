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
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * A {@link ResultSet} obtained through a {@link BorrowedConnection}: refuses every call once the
 * borrow has ended (but {@code isClosed()}, true, and {@code close()}, a no-op) and answers
 * {@code getStatement()} with the statement wrapper it came from. One of a statement closes with
 * its statement; one of database metadata, which has none, is tracked and closed with the borrow.
 * Its metadata, LOBs, arrays and other rare JDBC objects come behind reflective proxies
 * ({@link JdbcResourceProxy}), which hold to the same rules. The updates are in
 * {@link BorrowedResultSetUpdates}.
 */
final class BorrowedResultSet extends BorrowedResultSetUpdates implements ResultSet {

    /** The statement wrapper this result set came from; {@code null} for database metadata's, which the borrow tracks. */
    private final Statement statement;

    BorrowedResultSet(BorrowedConnection connection, ResultSet set, Statement statement) {
        super(connection, set);
        this.statement = statement;
    }

    @Override public void close() throws SQLException {
        close(driver, statement == null);
    }

    @Override public boolean isClosed() throws SQLException {
        if (connection.ended()) {
            return true;
        }
        try { return driver().isClosed(); } catch (SQLException e) { throw report(e); } }

    @Override public Statement getStatement() {
        connection.physical();
        return statement;
    }

    @Override public boolean next() throws SQLException {
        try { return driver().next(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean wasNull() throws SQLException {
        try { return driver().wasNull(); } catch (SQLException e) { throw report(e); } }
    @Override public String getString(int columnIndex) throws SQLException {
        try { return driver().getString(columnIndex); } catch (SQLException e) { throw report(e); } }
    @Override public boolean getBoolean(int columnIndex) throws SQLException {
        try { return driver().getBoolean(columnIndex); } catch (SQLException e) { throw report(e); } }
    @Override public byte getByte(int columnIndex) throws SQLException {
        try { return driver().getByte(columnIndex); } catch (SQLException e) { throw report(e); } }
    @Override public short getShort(int columnIndex) throws SQLException {
        try { return driver().getShort(columnIndex); } catch (SQLException e) { throw report(e); } }
    @Override public int getInt(int columnIndex) throws SQLException {
        try { return driver().getInt(columnIndex); } catch (SQLException e) { throw report(e); } }
    @Override public long getLong(int columnIndex) throws SQLException {
        try { return driver().getLong(columnIndex); } catch (SQLException e) { throw report(e); } }
    @Override public float getFloat(int columnIndex) throws SQLException {
        try { return driver().getFloat(columnIndex); } catch (SQLException e) { throw report(e); } }
    @Override public double getDouble(int columnIndex) throws SQLException {
        try { return driver().getDouble(columnIndex); } catch (SQLException e) { throw report(e); } }
    @Deprecated @Override public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
        try { return driver().getBigDecimal(columnIndex, scale); } catch (SQLException e) { throw report(e); } }
    @Override public byte[] getBytes(int columnIndex) throws SQLException {
        try { return driver().getBytes(columnIndex); } catch (SQLException e) { throw report(e); } }
    @Override public Date getDate(int columnIndex) throws SQLException {
        try { return driver().getDate(columnIndex); } catch (SQLException e) { throw report(e); } }
    @Override public Time getTime(int columnIndex) throws SQLException {
        try { return driver().getTime(columnIndex); } catch (SQLException e) { throw report(e); } }
    @Override public Timestamp getTimestamp(int columnIndex) throws SQLException {
        try { return driver().getTimestamp(columnIndex); } catch (SQLException e) { throw report(e); } }
    @Override public InputStream getAsciiStream(int columnIndex) throws SQLException {
        try { return driver().getAsciiStream(columnIndex); } catch (SQLException e) { throw report(e); } }
    @Deprecated @Override public InputStream getUnicodeStream(int columnIndex) throws SQLException {
        try { return driver().getUnicodeStream(columnIndex); } catch (SQLException e) { throw report(e); } }
    @Override public InputStream getBinaryStream(int columnIndex) throws SQLException {
        try { return driver().getBinaryStream(columnIndex); } catch (SQLException e) { throw report(e); } }
    @Override public String getString(String columnLabel) throws SQLException {
        try { return driver().getString(columnLabel); } catch (SQLException e) { throw report(e); } }
    @Override public boolean getBoolean(String columnLabel) throws SQLException {
        try { return driver().getBoolean(columnLabel); } catch (SQLException e) { throw report(e); } }
    @Override public byte getByte(String columnLabel) throws SQLException {
        try { return driver().getByte(columnLabel); } catch (SQLException e) { throw report(e); } }
    @Override public short getShort(String columnLabel) throws SQLException {
        try { return driver().getShort(columnLabel); } catch (SQLException e) { throw report(e); } }
    @Override public int getInt(String columnLabel) throws SQLException {
        try { return driver().getInt(columnLabel); } catch (SQLException e) { throw report(e); } }
    @Override public long getLong(String columnLabel) throws SQLException {
        try { return driver().getLong(columnLabel); } catch (SQLException e) { throw report(e); } }
    @Override public float getFloat(String columnLabel) throws SQLException {
        try { return driver().getFloat(columnLabel); } catch (SQLException e) { throw report(e); } }
    @Override public double getDouble(String columnLabel) throws SQLException {
        try { return driver().getDouble(columnLabel); } catch (SQLException e) { throw report(e); } }
    @Deprecated @Override public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
        try { return driver().getBigDecimal(columnLabel, scale); } catch (SQLException e) { throw report(e); } }
    @Override public byte[] getBytes(String columnLabel) throws SQLException {
        try { return driver().getBytes(columnLabel); } catch (SQLException e) { throw report(e); } }
    @Override public Date getDate(String columnLabel) throws SQLException {
        try { return driver().getDate(columnLabel); } catch (SQLException e) { throw report(e); } }
    @Override public Time getTime(String columnLabel) throws SQLException {
        try { return driver().getTime(columnLabel); } catch (SQLException e) { throw report(e); } }
    @Override public Timestamp getTimestamp(String columnLabel) throws SQLException {
        try { return driver().getTimestamp(columnLabel); } catch (SQLException e) { throw report(e); } }
    @Override public InputStream getAsciiStream(String columnLabel) throws SQLException {
        try { return driver().getAsciiStream(columnLabel); } catch (SQLException e) { throw report(e); } }
    @Deprecated @Override public InputStream getUnicodeStream(String columnLabel) throws SQLException {
        try { return driver().getUnicodeStream(columnLabel); } catch (SQLException e) { throw report(e); } }
    @Override public InputStream getBinaryStream(String columnLabel) throws SQLException {
        try { return driver().getBinaryStream(columnLabel); } catch (SQLException e) { throw report(e); } }
    @Override public SQLWarning getWarnings() throws SQLException {
        try { return driver().getWarnings(); } catch (SQLException e) { throw report(e); } }
    @Override public void clearWarnings() throws SQLException {
        try { driver().clearWarnings(); } catch (SQLException e) { throw report(e); } }
    @Override public String getCursorName() throws SQLException {
        try { return driver().getCursorName(); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSetMetaData getMetaData() throws SQLException {
        try { return proxied(ResultSetMetaData.class, driver().getMetaData()); } catch (SQLException e) { throw report(e); } }
    @Override public Object getObject(int columnIndex) throws SQLException {
        try { return driver().getObject(columnIndex); } catch (SQLException e) { throw report(e); } }
    @Override public Object getObject(String columnLabel) throws SQLException {
        try { return driver().getObject(columnLabel); } catch (SQLException e) { throw report(e); } }
    @Override public int findColumn(String columnLabel) throws SQLException {
        try { return driver().findColumn(columnLabel); } catch (SQLException e) { throw report(e); } }
    @Override public Reader getCharacterStream(int columnIndex) throws SQLException {
        try { return driver().getCharacterStream(columnIndex); } catch (SQLException e) { throw report(e); } }
    @Override public Reader getCharacterStream(String columnLabel) throws SQLException {
        try { return driver().getCharacterStream(columnLabel); } catch (SQLException e) { throw report(e); } }
    @Override public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        try { return driver().getBigDecimal(columnIndex); } catch (SQLException e) { throw report(e); } }
    @Override public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
        try { return driver().getBigDecimal(columnLabel); } catch (SQLException e) { throw report(e); } }
    @Override public boolean isBeforeFirst() throws SQLException {
        try { return driver().isBeforeFirst(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean isAfterLast() throws SQLException {
        try { return driver().isAfterLast(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean isFirst() throws SQLException {
        try { return driver().isFirst(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean isLast() throws SQLException {
        try { return driver().isLast(); } catch (SQLException e) { throw report(e); } }
    @Override public void beforeFirst() throws SQLException {
        try { driver().beforeFirst(); } catch (SQLException e) { throw report(e); } }
    @Override public void afterLast() throws SQLException {
        try { driver().afterLast(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean first() throws SQLException {
        try { return driver().first(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean last() throws SQLException {
        try { return driver().last(); } catch (SQLException e) { throw report(e); } }
    @Override public int getRow() throws SQLException {
        try { return driver().getRow(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean absolute(int row) throws SQLException {
        try { return driver().absolute(row); } catch (SQLException e) { throw report(e); } }
    @Override public boolean relative(int rows) throws SQLException {
        try { return driver().relative(rows); } catch (SQLException e) { throw report(e); } }
    @Override public boolean previous() throws SQLException {
        try { return driver().previous(); } catch (SQLException e) { throw report(e); } }
    @Override public void setFetchDirection(int direction) throws SQLException {
        try { driver().setFetchDirection(direction); } catch (SQLException e) { throw report(e); } }
    @Override public int getFetchDirection() throws SQLException {
        try { return driver().getFetchDirection(); } catch (SQLException e) { throw report(e); } }
    @Override public void setFetchSize(int rows) throws SQLException {
        try { driver().setFetchSize(rows); } catch (SQLException e) { throw report(e); } }
    @Override public int getFetchSize() throws SQLException {
        try { return driver().getFetchSize(); } catch (SQLException e) { throw report(e); } }
    @Override public int getType() throws SQLException {
        try { return driver().getType(); } catch (SQLException e) { throw report(e); } }
    @Override public int getConcurrency() throws SQLException {
        try { return driver().getConcurrency(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean rowUpdated() throws SQLException {
        try { return driver().rowUpdated(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean rowInserted() throws SQLException {
        try { return driver().rowInserted(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean rowDeleted() throws SQLException {
        try { return driver().rowDeleted(); } catch (SQLException e) { throw report(e); } }
    @Override public void insertRow() throws SQLException {
        try { driver().insertRow(); } catch (SQLException e) { throw report(e); } }
    @Override public void deleteRow() throws SQLException {
        try { driver().deleteRow(); } catch (SQLException e) { throw report(e); } }
    @Override public void refreshRow() throws SQLException {
        try { driver().refreshRow(); } catch (SQLException e) { throw report(e); } }
    @Override public void cancelRowUpdates() throws SQLException {
        try { driver().cancelRowUpdates(); } catch (SQLException e) { throw report(e); } }
    @Override public void moveToInsertRow() throws SQLException {
        try { driver().moveToInsertRow(); } catch (SQLException e) { throw report(e); } }
    @Override public void moveToCurrentRow() throws SQLException {
        try { driver().moveToCurrentRow(); } catch (SQLException e) { throw report(e); } }
    @Override public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
        try { return driver().getObject(columnIndex, map); } catch (SQLException e) { throw report(e); } }
    @Override public Ref getRef(int columnIndex) throws SQLException {
        try { return proxied(Ref.class, driver().getRef(columnIndex)); } catch (SQLException e) { throw report(e); } }
    @Override public Blob getBlob(int columnIndex) throws SQLException {
        try { return proxied(Blob.class, driver().getBlob(columnIndex)); } catch (SQLException e) { throw report(e); } }
    @Override public Clob getClob(int columnIndex) throws SQLException {
        try { return proxied(Clob.class, driver().getClob(columnIndex)); } catch (SQLException e) { throw report(e); } }
    @Override public Array getArray(int columnIndex) throws SQLException {
        try { return proxied(Array.class, driver().getArray(columnIndex)); } catch (SQLException e) { throw report(e); } }
    @Override public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
        try { return driver().getObject(columnLabel, map); } catch (SQLException e) { throw report(e); } }
    @Override public Ref getRef(String columnLabel) throws SQLException {
        try { return proxied(Ref.class, driver().getRef(columnLabel)); } catch (SQLException e) { throw report(e); } }
    @Override public Blob getBlob(String columnLabel) throws SQLException {
        try { return proxied(Blob.class, driver().getBlob(columnLabel)); } catch (SQLException e) { throw report(e); } }
    @Override public Clob getClob(String columnLabel) throws SQLException {
        try { return proxied(Clob.class, driver().getClob(columnLabel)); } catch (SQLException e) { throw report(e); } }
    @Override public Array getArray(String columnLabel) throws SQLException {
        try { return proxied(Array.class, driver().getArray(columnLabel)); } catch (SQLException e) { throw report(e); } }
    @Override public Date getDate(int columnIndex, Calendar cal) throws SQLException {
        try { return driver().getDate(columnIndex, cal); } catch (SQLException e) { throw report(e); } }
    @Override public Date getDate(String columnLabel, Calendar cal) throws SQLException {
        try { return driver().getDate(columnLabel, cal); } catch (SQLException e) { throw report(e); } }
    @Override public Time getTime(int columnIndex, Calendar cal) throws SQLException {
        try { return driver().getTime(columnIndex, cal); } catch (SQLException e) { throw report(e); } }
    @Override public Time getTime(String columnLabel, Calendar cal) throws SQLException {
        try { return driver().getTime(columnLabel, cal); } catch (SQLException e) { throw report(e); } }
    @Override public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
        try { return driver().getTimestamp(columnIndex, cal); } catch (SQLException e) { throw report(e); } }
    @Override public Timestamp getTimestamp(String columnLabel, Calendar cal) throws SQLException {
        try { return driver().getTimestamp(columnLabel, cal); } catch (SQLException e) { throw report(e); } }
    @Override public URL getURL(int columnIndex) throws SQLException {
        try { return driver().getURL(columnIndex); } catch (SQLException e) { throw report(e); } }
    @Override public URL getURL(String columnLabel) throws SQLException {
        try { return driver().getURL(columnLabel); } catch (SQLException e) { throw report(e); } }
    @Override public RowId getRowId(int columnIndex) throws SQLException {
        try { return proxied(RowId.class, driver().getRowId(columnIndex)); } catch (SQLException e) { throw report(e); } }
    @Override public RowId getRowId(String columnLabel) throws SQLException {
        try { return proxied(RowId.class, driver().getRowId(columnLabel)); } catch (SQLException e) { throw report(e); } }
    @Override public int getHoldability() throws SQLException {
        try { return driver().getHoldability(); } catch (SQLException e) { throw report(e); } }
    @Override public NClob getNClob(int columnIndex) throws SQLException {
        try { return proxied(NClob.class, driver().getNClob(columnIndex)); } catch (SQLException e) { throw report(e); } }
    @Override public NClob getNClob(String columnLabel) throws SQLException {
        try { return proxied(NClob.class, driver().getNClob(columnLabel)); } catch (SQLException e) { throw report(e); } }
    @Override public SQLXML getSQLXML(int columnIndex) throws SQLException {
        try { return proxied(SQLXML.class, driver().getSQLXML(columnIndex)); } catch (SQLException e) { throw report(e); } }
    @Override public SQLXML getSQLXML(String columnLabel) throws SQLException {
        try { return proxied(SQLXML.class, driver().getSQLXML(columnLabel)); } catch (SQLException e) { throw report(e); } }
    @Override public String getNString(int columnIndex) throws SQLException {
        try { return driver().getNString(columnIndex); } catch (SQLException e) { throw report(e); } }
    @Override public String getNString(String columnLabel) throws SQLException {
        try { return driver().getNString(columnLabel); } catch (SQLException e) { throw report(e); } }
    @Override public Reader getNCharacterStream(int columnIndex) throws SQLException {
        try { return driver().getNCharacterStream(columnIndex); } catch (SQLException e) { throw report(e); } }
    @Override public Reader getNCharacterStream(String columnLabel) throws SQLException {
        try { return driver().getNCharacterStream(columnLabel); } catch (SQLException e) { throw report(e); } }
    @Override public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        try { return driver().getObject(columnIndex, type); } catch (SQLException e) { throw report(e); } }
    @Override public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
        try { return driver().getObject(columnLabel, type); } catch (SQLException e) { throw report(e); } }
}
