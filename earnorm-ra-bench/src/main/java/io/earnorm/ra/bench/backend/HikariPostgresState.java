package io.earnorm.ra.bench.backend;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** One HikariCP pool over pgjdbc, on the same URL as the EarnORM pool, shared by all benchmark threads. */
@State(Scope.Benchmark)
public class HikariPostgresState {

    /** HikariCP fills to minimumIdle in the background; this bounds how long setup waits for it. */
    private static final Duration FILL_LIMIT = Duration.ofSeconds(30);

    HikariDataSource dataSource;

    @Setup(Level.Trial)
    public void open(PostgresTable table) throws InterruptedException, SQLException {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bench-hikari");
        config.setDriverClassName("org.postgresql.Driver");
        config.setJdbcUrl(Servers.postgresUrl());
        config.setMaximumPoolSize(PoolSize.CONNECTIONS);
        config.setMinimumIdle(PoolSize.CONNECTIONS);
        config.setConnectionTimeout(PoolSize.WAIT_LIMIT.toMillis());
        dataSource = new HikariDataSource(config);
        awaitFull();
        Checks.poolIsFull("HikariCP", dataSource.getHikariPoolMXBean().getTotalConnections());
        try (Connection c = dataSource.getConnection()) {
            Checks.sameValue("HikariCP SELECT 1", 1, PostgresQueries.selectOne(c));
        }
    }

    /** Measuring while HikariCP still opens connections would charge it for the opens. */
    private void awaitFull() throws InterruptedException {
        long deadline = System.nanoTime() + FILL_LIMIT.toNanos();
        while (dataSource.getHikariPoolMXBean().getIdleConnections() < PoolSize.CONNECTIONS) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("HikariCP opened only " + dataSource.getHikariPoolMXBean().getTotalConnections()
                        + " of " + PoolSize.CONNECTIONS + " connections within " + FILL_LIMIT);
            }
            Thread.sleep(10);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        dataSource.close();
    }
}
