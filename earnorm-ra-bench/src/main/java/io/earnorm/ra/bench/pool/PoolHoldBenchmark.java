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
import java.util.concurrent.locks.LockSupport;

/**
 * Borrow a connection, hold it for {@link #HOLD_NANOS} parked (as a thread does during a round
 * trip to the server), give it back; each call's whole time is sampled, so the distribution shows
 * how fairly a pool serves callers once threads outnumber its {@link PoolSize#CONNECTIONS}
 * connections. A strictly fair queue gives every caller about threads / connections x hold.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class PoolHoldBenchmark {

    /** About one local round trip. */
    static final long HOLD_NANOS = 50_000;

    @Benchmark
    public void earnorm(EarnormPoolState state, Blackhole bh) {
        try (PooledConnection<Object> c = state.pool.acquire()) {
            bh.consume(c.connection());
            LockSupport.parkNanos(HOLD_NANOS);
        }
    }

    @Benchmark
    public void hikaricp(HikariPoolState state, Blackhole bh) throws SQLException {
        try (Connection c = state.dataSource.getConnection()) {
            bh.consume(c);
            LockSupport.parkNanos(HOLD_NANOS);
        }
    }

    @Benchmark
    public void agroal(AgroalPoolState state, Blackhole bh) throws SQLException {
        try (Connection c = state.dataSource.getConnection()) {
            bh.consume(c);
            LockSupport.parkNanos(HOLD_NANOS);
        }
    }

    @Benchmark
    public void commonsPool2(CommonsPool2State state, Blackhole bh) throws Exception {
        Object c = state.pool.borrowObject();
        try {
            bh.consume(c);
            LockSupport.parkNanos(HOLD_NANOS);
        } finally {
            state.pool.returnObject(c);
        }
    }
}
