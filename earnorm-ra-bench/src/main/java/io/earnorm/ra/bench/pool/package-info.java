/**
 * Borrow-and-return of one connection, measured side by side for the EarnORM pool core, HikariCP
 * and commons-pool2, each over a backend that does nothing, so that what is measured is the pool.
 *
 * <p>Run all thread counts with {@code earnorm-ra-bench/run-pool-bench.sh} (it calls
 * {@link io.earnorm.ra.bench.pool.PoolBenchMain}); one thread count with
 * {@code java -jar earnorm-ra-bench/target/benchmarks.jar PoolBorrowBenchmark -t 8 -prof gc}.
 *
 * <p>Fairness choices:
 * <ul>
 *   <li>Every pool has 8 connections, all opened before measuring, and a 30 s wait limit, so no
 *       borrow times out even at 32 threads.</li>
 *   <li>EarnORM keeps {@code validateOnBorrow=true}: it skips validation for a connection used in
 *       the last 500 ms, as HikariCP does ({@code aliveBypassWindowMs}); in the steady state of this
 *       benchmark neither validates. commons-pool2 validates only when asked ({@code testOnBorrow}
 *       is false by default), so it never does here.</li>
 *   <li>The JDBC stub is a plain class rather than a {@link java.lang.reflect.Proxy}: HikariCP calls
 *       {@code clearWarnings()} on every return, and a reflective dispatch there would be charged
 *       to HikariCP.</li>
 *   <li>Each pool runs in its own forked JVM (JMH forks per benchmark method), so the JIT profile
 *       of one pool never pollutes another.</li>
 * </ul>
 */
package io.earnorm.ra.bench.pool;
