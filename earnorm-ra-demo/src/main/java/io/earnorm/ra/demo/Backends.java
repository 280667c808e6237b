package io.earnorm.ra.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The three servers the sample application needs: the ones named by {@code EARNORM_MONGO_URI},
 * {@code EARNORM_REDIS_URI} and {@code EARNORM_POSTGRES_URL}, and for each one not named, a server
 * the demo starts on a free loopback port and stops at the end.
 */
final class Backends implements AutoCloseable {

    static final String MONGO_ENV = "EARNORM_MONGO_URI";
    static final String REDIS_ENV = "EARNORM_REDIS_URI";
    static final String POSTGRES_ENV = "EARNORM_POSTGRES_URL";

    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<String> descriptions = new ArrayList<>();
    private String mongoUri;
    private String redisUri;
    private PostgresAddress postgres;

    private Backends() {
    }

    /** Starts what {@code env} does not name; on a failure, stops what it started and rethrows. */
    static Backends start(Map<String, String> env) {
        Backends backends = new Backends();
        try {
            backends.startMongo(env.get(MONGO_ENV));
            backends.startRedis(env.get(REDIS_ENV));
            backends.startPostgres(env.get(POSTGRES_ENV));
            return backends;
        } catch (RuntimeException e) {
            backends.close();
            throw e;
        }
    }

    private void startMongo(String given) {
        if (isSet(given)) {
            mongoUri = given;
            descriptions.add("MongoDB     " + given + " (" + MONGO_ENV + ")");
            return;
        }
        DemoMongo mongo = DemoMongo.start();
        started.add(mongo);
        mongoUri = mongo.uri();
        descriptions.add("MongoDB     " + mongo.describe());
    }

    private void startRedis(String given) {
        if (isSet(given)) {
            redisUri = given;
            descriptions.add("Redis       " + given + " (" + REDIS_ENV + ")");
            return;
        }
        DemoRedis redis = DemoRedis.start();
        started.add(redis);
        redisUri = redis.uri();
        descriptions.add("Redis       " + redis.describe());
    }

    private void startPostgres(String given) {
        if (isSet(given)) {
            postgres = PostgresAddress.parse(given);
            descriptions.add("PostgreSQL  " + postgres + " (" + POSTGRES_ENV + ")");
            return;
        }
        DemoPostgres server = DemoPostgres.start();
        started.add(server);
        postgres = server.address();
        descriptions.add("PostgreSQL  " + server.describe());
    }

    /** What Payara Micro reads at boot: the RAR to deploy and where the servers are (see the post-boot commands). */
    Properties systemProperties(Path rar) {
        Properties p = new Properties();
        p.setProperty("earnorm.rar", rar.toAbsolutePath().toString());
        p.setProperty("earnorm.mongo.uri", mongoUri);
        p.setProperty("earnorm.redis.uri", redisUri);
        p.setProperty("earnorm.postgres.url", postgres.url());
        p.setProperty("earnorm.postgres.user", postgres.user());
        p.setProperty("earnorm.postgres.password", postgres.password());
        return p;
    }

    List<String> descriptions() {
        return List.copyOf(descriptions);
    }

    /** Stops the servers the demo started, last started first; a failure does not keep the others running. */
    @Override
    public synchronized void close() {
        List<AutoCloseable> toStop = new ArrayList<>(started);
        started.clear();
        Collections.reverse(toStop);
        for (AutoCloseable server : toStop) {
            try {
                server.close();
            } catch (Exception e) {
                Console.say("earnorm demo: stopping " + server.getClass().getSimpleName() + " failed: " + e.getMessage());
            }
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
