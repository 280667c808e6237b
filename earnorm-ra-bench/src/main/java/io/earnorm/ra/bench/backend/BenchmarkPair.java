package io.earnorm.ra.bench.backend;

import java.util.List;

/**
 * One row of the comparison: the benchmark method that measures an operation through the EarnORM
 * pool, and the one that measures the same operation through the driver's own pool.
 *
 * @param backend    the backend, as the table shows it
 * @param nativePool what the EarnORM pool is compared with
 * @param operation  the work of one operation, as the table shows it
 * @param benchmark  the class holding both methods
 * @param ours       the method measuring the EarnORM pool
 * @param theirs     the method measuring the native pool
 */
record BenchmarkPair(String backend, String nativePool, String operation, Class<?> benchmark, String ours, String theirs) {

    /** Every pair, in the table's order. */
    static final List<BenchmarkPair> ALL = List.of(
            new BenchmarkPair("redis", "Jedis RedisClient", "GET", RedisBenchmark.class, "getEarnorm", "getJedis"),
            new BenchmarkPair("redis", "Jedis RedisClient", "SET", RedisBenchmark.class, "setEarnorm", "setJedis"),
            new BenchmarkPair("postgresql", "HikariCP", "SELECT 1", PostgresBenchmark.class, "selectOneEarnorm", "selectOneHikari"),
            new BenchmarkPair("postgresql", "HikariCP", "SELECT row by id", PostgresBenchmark.class, "readByIdEarnorm", "readByIdHikari"),
            new BenchmarkPair("mongodb", "MongoClient", "find_one by _id", MongoBenchmark.class, "findOneEarnorm", "findOneDriver"));

    String oursName() {
        return benchmark.getName() + "." + ours;
    }

    String theirsName() {
        return benchmark.getName() + "." + theirs;
    }
}
