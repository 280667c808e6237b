package io.earnorm.ra.bench.backend;

import io.earnorm.ra.backend.Secrets;

/**
 * Where the benchmark's servers are: the address the user gave in {@code EARNORM_POSTGRES_URL},
 * {@code EARNORM_REDIS_URI} or {@code EARNORM_MONGO_URI}, the same variables the integration tests
 * read; otherwise this machine's PostgreSQL and Redis on their default ports and, for MongoDB, an
 * in-process server the benchmark starts itself ({@link MongoData}).
 */
final class Servers {

    static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static final String DEFAULT_REDIS_URI = "redis://127.0.0.1:6379";

    private Servers() {
    }

    static String postgresUrl() {
        return orDefault(System.getenv("EARNORM_POSTGRES_URL"), DEFAULT_POSTGRES_URL);
    }

    static String redisUri() {
        return orDefault(System.getenv("EARNORM_REDIS_URI"), DEFAULT_REDIS_URI);
    }

    /** The MongoDB the user gave, or {@code null} when the benchmark starts an in-process server. */
    static String givenMongoUri() {
        String given = System.getenv("EARNORM_MONGO_URI");
        return given == null || given.isBlank() ? null : given;
    }

    /** One line per server for the run's header; passwords masked. */
    static String describe() {
        String mongo = givenMongoUri();
        return "postgresql: " + Secrets.mask(postgresUrl()) + "\n"
                + "redis:      " + Secrets.mask(redisUri()) + "\n"
                + "mongodb:    " + (mongo != null ? Secrets.mask(mongo)
                        : "in-process mongo-java-server (memory backend) on a free loopback port, started by each fork;"
                        + " its absolute figures are not a real mongod's, only the ratio means something");
    }

    private static String orDefault(String given, String otherwise) {
        return given == null || given.isBlank() ? otherwise : given;
    }
}
