package io.earnorm.ra.bench.backend;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmark's table: {@link Dataset#ROWS} rows with an integer primary key, in a table of its
 * own, created before the first iteration and dropped after the last.
 */
@State(Scope.Benchmark)
public class PostgresTable {

    static final String NAME = "earnorm_bench_items";

    @Setup(Level.Trial)
    public void create() throws SQLException {
        try (Connection c = plainConnection(); Statement s = c.createStatement()) {
            // A table left behind by a run that was killed would make CREATE fail.
            s.execute("DROP TABLE IF EXISTS " + NAME);
            s.execute("CREATE TABLE " + NAME + " (id integer PRIMARY KEY, name text NOT NULL, amount integer NOT NULL)");
            s.execute("INSERT INTO " + NAME + " SELECT g, 'item-' || g, g * 7 FROM generate_series(0, " + (Dataset.ROWS - 1) + ") g");
            // Planner statistics now, not whenever autovacuum gets to it during the measurement.
            s.execute("ANALYZE " + NAME);
        }
    }

    @TearDown(Level.Trial)
    public void drop() throws SQLException {
        try (Connection c = plainConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + NAME);
        }
    }

    /** Neither side's pool: a plain pgjdbc connection, for creating and dropping only. */
    private static Connection plainConnection() throws SQLException {
        return DriverManager.getConnection(Servers.postgresUrl());
    }
}
