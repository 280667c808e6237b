/**
 * End to end on real servers: each EarnORM backend pool against the pool its driver brings, the
 * same operation through both, measured in the same JMH run at the same thread counts.
 *
 * <ul>
 *   <li>Redis: {@code GET} and {@code SET} of a random key, {@code RedisPool} with
 *       {@code execute("GET", key)} vs Jedis 8's pooled {@code RedisClient} ({@link io.earnorm.ra.bench.backend.RedisBenchmark}).</li>
 *   <li>PostgreSQL: {@code SELECT 1} and a row by primary key, {@code PostgresPool} vs HikariCP
 *       over pgjdbc, the same JDBC code on both ({@link io.earnorm.ra.bench.backend.PostgresBenchmark}).</li>
 *   <li>MongoDB: a document by {@code _id}, {@code MongoPool} with {@code execute("find_one", ...)}
 *       vs a bare {@code MongoClient} ({@link io.earnorm.ra.bench.backend.MongoBenchmark}).</li>
 * </ul>
 *
 * <p>Run everything with {@code earnorm-ra-bench/run-backend-bench.sh} (it calls
 * {@link io.earnorm.ra.bench.backend.BackendBenchMain}); one backend at one thread count with
 * {@code java -jar earnorm-ra-bench/target/benchmarks.jar RedisBenchmark -t 8}.
 *
 * <p>Fairness choices:
 * <ul>
 *   <li>Both pools of a pair have 8 connections, min = max, all open before measuring, and a 30 s
 *       wait limit, so no borrow times out even at 32 threads. For MongoDB both clients' driver
 *       pools are maxPoolSize = minPoolSize = 8 (the EarnORM pool sizes its client's from its own
 *       options).</li>
 *   <li>Each side connects as the other does: the same URL or URI, and for Redis the EarnORM
 *       connection settings (RESP2 without {@code HELLO}, 2 s connect and socket timeouts) given to
 *       Jedis too. EarnORM keeps {@code validateOnBorrow=true}, which skips connections used in the
 *       last 500 ms as HikariCP does; in the steady state no side validates.</li>
 *   <li>The same work per operation: keys and ids drawn the same way ({@link io.earnorm.ra.bench.backend.Dataset}),
 *       for PostgreSQL literally the same JDBC code ({@link io.earnorm.ra.bench.backend.PostgresQueries}),
 *       on the EarnORM handle's {@code jdbc()} connection because that is what HikariCP's side is: a
 *       proxy over the pgjdbc connection. {@code fetchVal}/{@code fetchOne} also build a row map,
 *       which HikariCP's side would not.</li>
 *   <li>Every method runs in its own forked JVM; the two sides of a pair run one after the other, so
 *       that drift of the machine affects both alike. Setup checks that each side reads the data
 *       and holds all its connections, so no side measures errors or opens.</li>
 *   <li>Data: 1000 keys, rows and documents under names of their own ({@code earnorm-bench:item:*},
 *       table {@code earnorm_bench_items}, collection {@code earnorm_bench.items}), written in setup
 *       and removed in teardown.</li>
 *   <li>Without {@code EARNORM_MONGO_URI}, MongoDB is mongo-java-server (memory backend) inside the
 *       benchmark's JVM: it shares the CPU with the measured threads, so its absolute figures are
 *       not a real mongod's; the ratio is still like for like.</li>
 * </ul>
 */
package io.earnorm.ra.bench.backend;
