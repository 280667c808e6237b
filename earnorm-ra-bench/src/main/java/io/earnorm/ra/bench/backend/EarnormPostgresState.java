package io.earnorm.ra.bench.backend;

import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.postgres.PostgresPool;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.sql.SQLException;

/** One EarnORM {@link PostgresPool}, full before the first iteration, shared by all benchmark threads. */
@State(Scope.Benchmark)
public class EarnormPostgresState {

    PostgresPool pool;

    @Setup(Level.Trial)
    public void open(PostgresTable table) throws SQLException {
        PoolLogs.showOnlyWarnings();
        // validateOnBorrow stays at its default (true): skipped for connections used in the last
        // 500 ms, as HikariCP does (aliveBypassWindowMs); in the steady state neither validates.
        pool = PostgresPool.builder()
                .name("bench-postgres")
                .url(Servers.postgresUrl())
                .minSize(PoolSize.CONNECTIONS)
                .maxSize(PoolSize.CONNECTIONS)
                .acquireTimeout(PoolSize.WAIT_LIMIT)
                .build();
        pool.init();
        Checks.poolIsFull("EarnORM PostgresPool", pool.size());
        try (PostgresConnection c = pool.acquire()) {
            Checks.sameValue("EarnORM PostgresPool SELECT 1", 1, PostgresQueries.selectOne(c.jdbc()));
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        pool.close();
    }
}
