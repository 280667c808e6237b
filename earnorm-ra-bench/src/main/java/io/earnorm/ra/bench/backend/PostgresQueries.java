package io.earnorm.ra.bench.backend;

import org.openjdk.jmh.infra.Blackhole;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The JDBC work of one PostgreSQL operation, the same code for both sides: each gets a borrowed
 * {@link Connection} (HikariCP's proxy, or the EarnORM handle's {@code jdbc()} proxy) and runs the
 * same prepared statement on it, so that the only difference measured is the pool and its proxy.
 * pgjdbc caches the server-side statement per connection on both sides alike.
 */
final class PostgresQueries {

    static final String SELECT_ONE = "SELECT 1";
    static final String READ_BY_ID = "SELECT id, name, amount FROM " + PostgresTable.NAME + " WHERE id = ?";

    private PostgresQueries() {
    }

    static int selectOne(Connection c) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(SELECT_ONE);
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getInt(1);
        }
    }

    /** Reads the whole row, so that both sides decode the same columns. */
    static void readById(Connection c, int id, Blackhole bh) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(READ_BY_ID)) {
            statement.setInt(1, id);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    throw new IllegalStateException("no row with id " + id + " in " + PostgresTable.NAME);
                }
                bh.consume(result.getInt(1));
                bh.consume(result.getString(2));
                bh.consume(result.getInt(3));
            }
        }
    }
}
