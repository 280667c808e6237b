package io.earnorm.ra.bench.backend;

import io.earnorm.ra.api.PostgresConnection;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * Borrow a connection, run one prepared statement, give the connection back: {@code SELECT 1}, and
 * a read of one row by primary key. Both sides run the same JDBC code ({@link PostgresQueries}); the
 * EarnORM side on its handle's {@code jdbc()} connection, which is what HikariCP hands out too (a
 * proxy over the pgjdbc connection). {@code fetchVal}/{@code fetchOne} would add building a row map
 * that the HikariCP side does not do, so they are not what is compared here.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = BackendFork.QUIET_SLF4J)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PostgresBenchmark {

    @Benchmark
    public int selectOneEarnorm(EarnormPostgresState state) throws SQLException {
        try (PostgresConnection c = state.pool.acquire()) {
            return PostgresQueries.selectOne(c.jdbc());
        }
    }

    @Benchmark
    public int selectOneHikari(HikariPostgresState state) throws SQLException {
        try (Connection c = state.dataSource.getConnection()) {
            return PostgresQueries.selectOne(c);
        }
    }

    @Benchmark
    public void readByIdEarnorm(EarnormPostgresState state, Blackhole bh) throws SQLException {
        try (PostgresConnection c = state.pool.acquire()) {
            PostgresQueries.readById(c.jdbc(), Dataset.randomId(), bh);
        }
    }

    @Benchmark
    public void readByIdHikari(HikariPostgresState state, Blackhole bh) throws SQLException {
        try (Connection c = state.dataSource.getConnection()) {
            PostgresQueries.readById(c, Dataset.randomId(), bh);
        }
    }
}
