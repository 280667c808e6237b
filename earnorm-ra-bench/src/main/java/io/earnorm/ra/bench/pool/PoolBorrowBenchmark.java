package io.earnorm.ra.bench.pool;

import io.earnorm.ra.pool.PooledConnection;

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
 * Borrow one connection and give it back, for each pool, with nothing done in between but handing
 * the connection to a {@link Blackhole}; measured twice, for throughput and for the distribution
 * of one call's time (an unfair pool hides starved callers in p99.9 and max, not in throughput). The annotations are defaults for a 2-core machine; JMH
 * command-line options override them. Thread counts are chosen per run ({@code -t}, or
 * {@link PoolBenchMain} for several in one go).
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PoolBorrowBenchmark {

    @Benchmark
    public void earnorm(EarnormPoolState state, Blackhole bh) {
        try (PooledConnection<Object> c = state.pool.acquire()) {
            bh.consume(c.connection());
        }
    }

    @Benchmark
    public void hikaricp(HikariPoolState state, Blackhole bh) throws SQLException {
        try (Connection c = state.dataSource.getConnection()) {
            bh.consume(c);
        }
    }

    @Benchmark
    public void agroal(AgroalPoolState state, Blackhole bh) throws SQLException {
        try (Connection c = state.dataSource.getConnection()) {
            bh.consume(c);
        }
    }

    @Benchmark
    public void commonsPool2(CommonsPool2State state, Blackhole bh) throws Exception {
        Object c = state.pool.borrowObject();
        try {
            bh.consume(c);
        } finally {
            state.pool.returnObject(c);
        }
    }
}
