package io.earnorm.ra.bench.pool;

import io.earnorm.ra.pool.ConnectionPool;
import io.earnorm.ra.pool.PoolConfig;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.logging.Logger;

/** One EarnORM pool core shared by all benchmark threads, full before the first iteration. */
@State(Scope.Benchmark)
public class EarnormPoolState {

    /**
     * The pool core logs its creation and closing at INFO through java.util.logging, which lands in
     * the middle of JMH's iteration lines; HikariCP's logs go nowhere here (no SLF4J binding), so
     * showing only warnings treats both alike. Held in a field: JUL keeps loggers weakly.
     */
    private static final Logger POOL_LOG = Logger.getLogger("io.earnorm.ra.pool");

    ConnectionPool<Object> pool;

    @Setup(Level.Trial)
    public void open() {
        POOL_LOG.setLevel(java.util.logging.Level.WARNING);
        // validateOnBorrow stays at its default (true): skipped for connections used in the last
        // 500 ms, which is every borrow in the steady state, as with HikariCP's aliveBypassWindowMs.
        PoolConfig config = PoolConfig.builder()
                .maxSize(PoolSize.CONNECTIONS)
                .minSize(PoolSize.CONNECTIONS)
                .acquireTimeout(PoolSize.WAIT_LIMIT)
                .build();
        pool = new ConnectionPool<>("bench", new NoOpBackend(), config);
        pool.init();
        int open = pool.size();
        if (open != PoolSize.CONNECTIONS) {
            throw new IllegalStateException("the EarnORM pool holds " + open + " connections after init(), expected " + PoolSize.CONNECTIONS);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        pool.close();
    }
}
