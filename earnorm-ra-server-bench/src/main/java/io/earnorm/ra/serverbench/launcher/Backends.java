package io.earnorm.ra.serverbench.launcher;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The backends' addresses Payara Micro gets as system properties: the user's
 * ({@code EARNORM_POSTGRES_URL}/{@code _USER}/{@code _PASSWORD}, {@code EARNORM_REDIS_URI},
 * {@code EARNORM_MONGO_URI}) or this machine's PostgreSQL and Redis. This machine has no mongod:
 * without {@code EARNORM_MONGO_URI}, an in-process mongo-java-server (memory backend) runs in the
 * launcher's JVM, which shares the cores with the server, so MongoDB's absolute figures are not a
 * real mongod's; both sides meet the same server.
 */
final class Backends implements AutoCloseable {

    private final MongoServer mongo;
    private final Properties properties = new Properties();

    Backends(java.nio.file.Path rar) {
        properties.setProperty("earnorm.rar", rar.toAbsolutePath().toString());
        properties.setProperty("earnorm.postgres.url", env("EARNORM_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test"));
        properties.setProperty("earnorm.postgres.user", env("EARNORM_POSTGRES_USER", "postgres"));
        properties.setProperty("earnorm.postgres.password", env("EARNORM_POSTGRES_PASSWORD", ""));
        // Payara's JDBC pool refuses a user without a password ("No password credential found"):
        // it gets both in its URL instead, as pgjdbc reads them there.
        properties.setProperty("earnorm.postgres.credentialed-url", credentialedUrl(properties.getProperty("earnorm.postgres.url"),
                properties.getProperty("earnorm.postgres.user"), properties.getProperty("earnorm.postgres.password")));
        properties.setProperty("earnorm.redis.uri", env("EARNORM_REDIS_URI", "redis://127.0.0.1:6379"));
        String mongoUri = System.getenv("EARNORM_MONGO_URI");
        if (mongoUri == null || mongoUri.isBlank()) {
            mongo = new MongoServer(new MemoryBackend());
            mongo.bind("127.0.0.1", 0);
            mongoUri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
        } else {
            mongo = null;
        }
        properties.setProperty("earnorm.mongo.uri", mongoUri);
    }

    Properties systemProperties() {
        return properties;
    }

    String describe() {
        return "PostgreSQL " + properties.getProperty("earnorm.postgres.url") + ", Redis " + properties.getProperty("earnorm.redis.uri")
                + ", MongoDB " + properties.getProperty("earnorm.mongo.uri") + (mongo != null ? " (in-process mongo-java-server)" : "");
    }

    private static String credentialedUrl(String url, String user, String password) {
        String credentials = "user=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + (password.isEmpty() ? "" : "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
        return url + (url.contains("?") ? "&" : "?") + credentials;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public void close() {
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }
}
