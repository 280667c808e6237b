package io.earnorm.ra.postgres;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads rows of one result into maps from column label to value, in column order. Values are what
 * pgjdbc's {@code getObject} gives (Integer, Long, BigDecimal, String, Boolean, byte[], UUID,
 * PGobject for json and the like), except that dates and times come as {@code java.time} values
 * ({@code date} LocalDate, {@code time} LocalTime, {@code timetz} OffsetTime, {@code timestamp}
 * LocalDateTime, {@code timestamptz} OffsetDateTime in UTC) and arrays as Java arrays, so that no
 * value depends on the connection after it goes back to the pool.
 */
final class RowReader {

    private final String[] labels;
    private final String[] typeNames;

    private RowReader(String[] labels, String[] typeNames) {
        this.labels = labels;
        this.typeNames = typeNames;
    }

    /**
     * @throws IllegalArgumentException when two columns share a label, since one would hide the other in a row map
     */
    static RowReader of(ResultSetMetaData meta, String sql) throws SQLException {
        int n = meta.getColumnCount();
        String[] labels = new String[n];
        String[] types = new String[n];
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            labels[i] = meta.getColumnLabel(i + 1);
            types[i] = meta.getColumnTypeName(i + 1);
            Integer earlier = seen.put(labels[i], i + 1);
            if (earlier != null) {
                throw new IllegalArgumentException("columns " + earlier + " and " + (i + 1) + " of SQL '" + sql + "' are both labelled '"
                        + labels[i] + "', and a row maps each label to one value; give them distinct aliases (AS ...)");
            }
        }
        return new RowReader(labels, types);
    }

    /** The current row of {@code result}. */
    Map<String, Object> read(ResultSet result) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>(labels.length * 2);
        for (int i = 0; i < labels.length; i++) {
            row.put(labels[i], value(result, i + 1, typeNames[i]));
        }
        return Collections.unmodifiableMap(row);
    }

    private static Object value(ResultSet result, int column, String typeName) throws SQLException {
        Object value = switch (typeName) {
            case "date" -> result.getObject(column, LocalDate.class);
            case "time" -> result.getObject(column, LocalTime.class);
            case "timetz" -> result.getObject(column, OffsetTime.class);
            case "timestamp" -> result.getObject(column, LocalDateTime.class);
            case "timestamptz" -> result.getObject(column, OffsetDateTime.class);
            default -> result.getObject(column);
        };
        if (value instanceof Array array) {
            try {
                return array.getArray();
            } finally {
                array.free();
            }
        }
        return value;
    }
}
