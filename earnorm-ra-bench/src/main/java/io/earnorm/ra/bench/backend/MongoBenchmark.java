package io.earnorm.ra.bench.backend;

import com.mongodb.client.model.Filters;

import io.earnorm.ra.api.MongoConnection;

import org.bson.Document;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One document by {@code _id} per operation: through a borrowed EarnORM connection's
 * {@code execute("find_one", ...)}, and through {@code find(eq("_id", id)).first()} on a bare
 * {@code MongoClient}, whose driver pool lends a socket inside the call. Both sides send the same
 * filter document to the same server. See {@link MongoData} on the in-process server.
 *
 * <p>The warm-up is long because the JIT keeps one of the two cores busy for some 20 s compiling
 * the driver and, in the same JVM, the in-process server ({@code -prof comp} shows it); measured
 * earlier, either side would be charged for compilation instead of for its pool.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = BackendFork.QUIET_SLF4J)
@Warmup(iterations = 12, time = 2)
@Measurement(iterations = 4, time = 2)
public class MongoBenchmark {

    @Benchmark
    public Object findOneEarnorm(EarnormMongoState state) {
        try (MongoConnection c = state.pool.acquire()) {
            return c.execute("find_one", MongoData.COLLECTION, new Document("_id", Dataset.randomId()));
        }
    }

    @Benchmark
    public Document findOneDriver(DriverMongoState state) {
        return state.collection.find(Filters.eq("_id", Dataset.randomId())).first();
    }
}
