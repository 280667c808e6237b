package io.earnorm.ra.postgres;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;

/**
 * The {@code update*} calls of a {@link BorrowedResultSet}, apart so that each file stays readable;
 * our own JDBC objects among their values reach the driver as the driver's objects.
 */
abstract class BorrowedResultSetUpdates extends BorrowedResource<ResultSet> implements ResultSet {

    BorrowedResultSetUpdates(BorrowedConnection connection, ResultSet set) {
        super(connection, set);
    }

    @Override public void updateNull(int columnIndex) throws SQLException {
        try { driver().updateNull(columnIndex); } catch (SQLException e) { throw report(e); } }
    @Override public void updateBoolean(int columnIndex, boolean x) throws SQLException {
        try { driver().updateBoolean(columnIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateByte(int columnIndex, byte x) throws SQLException {
        try { driver().updateByte(columnIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateShort(int columnIndex, short x) throws SQLException {
        try { driver().updateShort(columnIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateInt(int columnIndex, int x) throws SQLException {
        try { driver().updateInt(columnIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateLong(int columnIndex, long x) throws SQLException {
        try { driver().updateLong(columnIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateFloat(int columnIndex, float x) throws SQLException {
        try { driver().updateFloat(columnIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateDouble(int columnIndex, double x) throws SQLException {
        try { driver().updateDouble(columnIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateBigDecimal(int columnIndex, BigDecimal x) throws SQLException {
        try { driver().updateBigDecimal(columnIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateString(int columnIndex, String x) throws SQLException {
        try { driver().updateString(columnIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateBytes(int columnIndex, byte[] x) throws SQLException {
        try { driver().updateBytes(columnIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateDate(int columnIndex, Date x) throws SQLException {
        try { driver().updateDate(columnIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateTime(int columnIndex, Time x) throws SQLException {
        try { driver().updateTime(columnIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateTimestamp(int columnIndex, Timestamp x) throws SQLException {
        try { driver().updateTimestamp(columnIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateAsciiStream(int columnIndex, InputStream x, int length) throws SQLException {
        try { driver().updateAsciiStream(columnIndex, x, length); } catch (SQLException e) { throw report(e); } }
    @Override public void updateBinaryStream(int columnIndex, InputStream x, int length) throws SQLException {
        try { driver().updateBinaryStream(columnIndex, x, length); } catch (SQLException e) { throw report(e); } }
    @Override public void updateCharacterStream(int columnIndex, Reader x, int length) throws SQLException {
        try { driver().updateCharacterStream(columnIndex, x, length); } catch (SQLException e) { throw report(e); } }
    @Override public void updateObject(int columnIndex, Object x, int scaleOrLength) throws SQLException {
        try { driver().updateObject(columnIndex, driverObject(x), scaleOrLength); } catch (SQLException e) { throw report(e); } }
    @Override public void updateObject(int columnIndex, Object x) throws SQLException {
        try { driver().updateObject(columnIndex, driverObject(x)); } catch (SQLException e) { throw report(e); } }
    @Override public void updateNull(String columnLabel) throws SQLException {
        try { driver().updateNull(columnLabel); } catch (SQLException e) { throw report(e); } }
    @Override public void updateBoolean(String columnLabel, boolean x) throws SQLException {
        try { driver().updateBoolean(columnLabel, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateByte(String columnLabel, byte x) throws SQLException {
        try { driver().updateByte(columnLabel, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateShort(String columnLabel, short x) throws SQLException {
        try { driver().updateShort(columnLabel, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateInt(String columnLabel, int x) throws SQLException {
        try { driver().updateInt(columnLabel, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateLong(String columnLabel, long x) throws SQLException {
        try { driver().updateLong(columnLabel, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateFloat(String columnLabel, float x) throws SQLException {
        try { driver().updateFloat(columnLabel, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateDouble(String columnLabel, double x) throws SQLException {
        try { driver().updateDouble(columnLabel, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateBigDecimal(String columnLabel, BigDecimal x) throws SQLException {
        try { driver().updateBigDecimal(columnLabel, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateString(String columnLabel, String x) throws SQLException {
        try { driver().updateString(columnLabel, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateBytes(String columnLabel, byte[] x) throws SQLException {
        try { driver().updateBytes(columnLabel, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateDate(String columnLabel, Date x) throws SQLException {
        try { driver().updateDate(columnLabel, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateTime(String columnLabel, Time x) throws SQLException {
        try { driver().updateTime(columnLabel, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateTimestamp(String columnLabel, Timestamp x) throws SQLException {
        try { driver().updateTimestamp(columnLabel, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateAsciiStream(String columnLabel, InputStream x, int length) throws SQLException {
        try { driver().updateAsciiStream(columnLabel, x, length); } catch (SQLException e) { throw report(e); } }
    @Override public void updateBinaryStream(String columnLabel, InputStream x, int length) throws SQLException {
        try { driver().updateBinaryStream(columnLabel, x, length); } catch (SQLException e) { throw report(e); } }
    @Override public void updateCharacterStream(String columnLabel, Reader reader, int length) throws SQLException {
        try { driver().updateCharacterStream(columnLabel, reader, length); } catch (SQLException e) { throw report(e); } }
    @Override public void updateObject(String columnLabel, Object x, int scaleOrLength) throws SQLException {
        try { driver().updateObject(columnLabel, driverObject(x), scaleOrLength); } catch (SQLException e) { throw report(e); } }
    @Override public void updateObject(String columnLabel, Object x) throws SQLException {
        try { driver().updateObject(columnLabel, driverObject(x)); } catch (SQLException e) { throw report(e); } }
    @Override public void updateRow() throws SQLException {
        try { driver().updateRow(); } catch (SQLException e) { throw report(e); } }
    @Override public void updateRef(int columnIndex, Ref x) throws SQLException {
        try { driver().updateRef(columnIndex, driverObject(x)); } catch (SQLException e) { throw report(e); } }
    @Override public void updateRef(String columnLabel, Ref x) throws SQLException {
        try { driver().updateRef(columnLabel, driverObject(x)); } catch (SQLException e) { throw report(e); } }
    @Override public void updateBlob(int columnIndex, Blob x) throws SQLException {
        try { driver().updateBlob(columnIndex, driverObject(x)); } catch (SQLException e) { throw report(e); } }
    @Override public void updateBlob(String columnLabel, Blob x) throws SQLException {
        try { driver().updateBlob(columnLabel, driverObject(x)); } catch (SQLException e) { throw report(e); } }
    @Override public void updateClob(int columnIndex, Clob x) throws SQLException {
        try { driver().updateClob(columnIndex, driverObject(x)); } catch (SQLException e) { throw report(e); } }
    @Override public void updateClob(String columnLabel, Clob x) throws SQLException {
        try { driver().updateClob(columnLabel, driverObject(x)); } catch (SQLException e) { throw report(e); } }
    @Override public void updateArray(int columnIndex, Array x) throws SQLException {
        try { driver().updateArray(columnIndex, driverObject(x)); } catch (SQLException e) { throw report(e); } }
    @Override public void updateArray(String columnLabel, Array x) throws SQLException {
        try { driver().updateArray(columnLabel, driverObject(x)); } catch (SQLException e) { throw report(e); } }
    @Override public void updateRowId(int columnIndex, RowId x) throws SQLException {
        try { driver().updateRowId(columnIndex, driverObject(x)); } catch (SQLException e) { throw report(e); } }
    @Override public void updateRowId(String columnLabel, RowId x) throws SQLException {
        try { driver().updateRowId(columnLabel, driverObject(x)); } catch (SQLException e) { throw report(e); } }
    @Override public void updateNString(int columnIndex, String nString) throws SQLException {
        try { driver().updateNString(columnIndex, nString); } catch (SQLException e) { throw report(e); } }
    @Override public void updateNString(String columnLabel, String nString) throws SQLException {
        try { driver().updateNString(columnLabel, nString); } catch (SQLException e) { throw report(e); } }
    @Override public void updateNClob(int columnIndex, NClob nClob) throws SQLException {
        try { driver().updateNClob(columnIndex, driverObject(nClob)); } catch (SQLException e) { throw report(e); } }
    @Override public void updateNClob(String columnLabel, NClob nClob) throws SQLException {
        try { driver().updateNClob(columnLabel, driverObject(nClob)); } catch (SQLException e) { throw report(e); } }
    @Override public void updateSQLXML(int columnIndex, SQLXML xmlObject) throws SQLException {
        try { driver().updateSQLXML(columnIndex, driverObject(xmlObject)); } catch (SQLException e) { throw report(e); } }
    @Override public void updateSQLXML(String columnLabel, SQLXML xmlObject) throws SQLException {
        try { driver().updateSQLXML(columnLabel, driverObject(xmlObject)); } catch (SQLException e) { throw report(e); } }
    @Override public void updateNCharacterStream(int columnIndex, Reader x, long length) throws SQLException {
        try { driver().updateNCharacterStream(columnIndex, x, length); } catch (SQLException e) { throw report(e); } }
    @Override public void updateNCharacterStream(String columnLabel, Reader reader, long length) throws SQLException {
        try { driver().updateNCharacterStream(columnLabel, reader, length); } catch (SQLException e) { throw report(e); } }
    @Override public void updateAsciiStream(int columnIndex, InputStream x, long length) throws SQLException {
        try { driver().updateAsciiStream(columnIndex, x, length); } catch (SQLException e) { throw report(e); } }
    @Override public void updateBinaryStream(int columnIndex, InputStream x, long length) throws SQLException {
        try { driver().updateBinaryStream(columnIndex, x, length); } catch (SQLException e) { throw report(e); } }
    @Override public void updateCharacterStream(int columnIndex, Reader x, long length) throws SQLException {
        try { driver().updateCharacterStream(columnIndex, x, length); } catch (SQLException e) { throw report(e); } }
    @Override public void updateAsciiStream(String columnLabel, InputStream x, long length) throws SQLException {
        try { driver().updateAsciiStream(columnLabel, x, length); } catch (SQLException e) { throw report(e); } }
    @Override public void updateBinaryStream(String columnLabel, InputStream x, long length) throws SQLException {
        try { driver().updateBinaryStream(columnLabel, x, length); } catch (SQLException e) { throw report(e); } }
    @Override public void updateCharacterStream(String columnLabel, Reader reader, long length) throws SQLException {
        try { driver().updateCharacterStream(columnLabel, reader, length); } catch (SQLException e) { throw report(e); } }
    @Override public void updateBlob(int columnIndex, InputStream inputStream, long length) throws SQLException {
        try { driver().updateBlob(columnIndex, inputStream, length); } catch (SQLException e) { throw report(e); } }
    @Override public void updateBlob(String columnLabel, InputStream inputStream, long length) throws SQLException {
        try { driver().updateBlob(columnLabel, inputStream, length); } catch (SQLException e) { throw report(e); } }
    @Override public void updateClob(int columnIndex, Reader reader, long length) throws SQLException {
        try { driver().updateClob(columnIndex, reader, length); } catch (SQLException e) { throw report(e); } }
    @Override public void updateClob(String columnLabel, Reader reader, long length) throws SQLException {
        try { driver().updateClob(columnLabel, reader, length); } catch (SQLException e) { throw report(e); } }
    @Override public void updateNClob(int columnIndex, Reader reader, long length) throws SQLException {
        try { driver().updateNClob(columnIndex, reader, length); } catch (SQLException e) { throw report(e); } }
    @Override public void updateNClob(String columnLabel, Reader reader, long length) throws SQLException {
        try { driver().updateNClob(columnLabel, reader, length); } catch (SQLException e) { throw report(e); } }
    @Override public void updateNCharacterStream(int columnIndex, Reader x) throws SQLException {
        try { driver().updateNCharacterStream(columnIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateNCharacterStream(String columnLabel, Reader reader) throws SQLException {
        try { driver().updateNCharacterStream(columnLabel, reader); } catch (SQLException e) { throw report(e); } }
    @Override public void updateAsciiStream(int columnIndex, InputStream x) throws SQLException {
        try { driver().updateAsciiStream(columnIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateBinaryStream(int columnIndex, InputStream x) throws SQLException {
        try { driver().updateBinaryStream(columnIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateCharacterStream(int columnIndex, Reader x) throws SQLException {
        try { driver().updateCharacterStream(columnIndex, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateAsciiStream(String columnLabel, InputStream x) throws SQLException {
        try { driver().updateAsciiStream(columnLabel, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateBinaryStream(String columnLabel, InputStream x) throws SQLException {
        try { driver().updateBinaryStream(columnLabel, x); } catch (SQLException e) { throw report(e); } }
    @Override public void updateCharacterStream(String columnLabel, Reader reader) throws SQLException {
        try { driver().updateCharacterStream(columnLabel, reader); } catch (SQLException e) { throw report(e); } }
    @Override public void updateBlob(int columnIndex, InputStream inputStream) throws SQLException {
        try { driver().updateBlob(columnIndex, inputStream); } catch (SQLException e) { throw report(e); } }
    @Override public void updateBlob(String columnLabel, InputStream inputStream) throws SQLException {
        try { driver().updateBlob(columnLabel, inputStream); } catch (SQLException e) { throw report(e); } }
    @Override public void updateClob(int columnIndex, Reader reader) throws SQLException {
        try { driver().updateClob(columnIndex, reader); } catch (SQLException e) { throw report(e); } }
    @Override public void updateClob(String columnLabel, Reader reader) throws SQLException {
        try { driver().updateClob(columnLabel, reader); } catch (SQLException e) { throw report(e); } }
    @Override public void updateNClob(int columnIndex, Reader reader) throws SQLException {
        try { driver().updateNClob(columnIndex, reader); } catch (SQLException e) { throw report(e); } }
    @Override public void updateNClob(String columnLabel, Reader reader) throws SQLException {
        try { driver().updateNClob(columnLabel, reader); } catch (SQLException e) { throw report(e); } }
    @Override public void updateObject(int columnIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        try { driver().updateObject(columnIndex, driverObject(x), targetSqlType, scaleOrLength); } catch (SQLException e) { throw report(e); } }
    @Override public void updateObject(String columnLabel, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        try { driver().updateObject(columnLabel, driverObject(x), targetSqlType, scaleOrLength); } catch (SQLException e) { throw report(e); } }
    @Override public void updateObject(int columnIndex, Object x, SQLType targetSqlType) throws SQLException {
        try { driver().updateObject(columnIndex, driverObject(x), targetSqlType); } catch (SQLException e) { throw report(e); } }
    @Override public void updateObject(String columnLabel, Object x, SQLType targetSqlType) throws SQLException {
        try { driver().updateObject(columnLabel, driverObject(x), targetSqlType); } catch (SQLException e) { throw report(e); } }
}
