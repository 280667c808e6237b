package io.earnorm.ra.secrets;

import io.earnorm.ra.api.MongoConnection;
import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.api.PostgresConnectionFactory;
import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.api.RedisConnectionFactory;
import io.earnorm.ra.api.pool.ObservedPool;
import io.earnorm.ra.api.pool.PoolRegistry;
import io.earnorm.ra.backend.BackendPool;
import io.earnorm.ra.jmx.JmxExporter;
import io.earnorm.ra.mongo.MongoPool;
import io.earnorm.ra.postgres.PostgresPool;
import io.earnorm.ra.redis.RedisPool;
import io.earnorm.ra.spi.mongo.MongoManagedConnectionFactory;
import io.earnorm.ra.spi.postgres.PostgresManagedConnectionFactory;
import io.earnorm.ra.spi.redis.RedisManagedConnectionFactory;
import io.earnorm.ra.testsupport.MongoTestServer;
import io.earnorm.ra.testsupport.PostgresServerProcess;
import io.earnorm.ra.testsupport.RedisServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Pools of every backend, plain Java and JCA, with a distinctive password: opened, used, refused
 * with a wrong password, cut off from their servers, inspected (toString, stats, JMX, the registry).
 * Every log record at any level (message, parameters and stack traces) and every exception thrown
 * is captured, and none may contain the password, nor the wrong one.
 */
class SecretsNeverLeakIT {

    private static final String SECRET = "Zq9-Secret-Pw-41c7";
    private static final String WRONG = "Xw2-Wrong-Pw-93b1";

    private final List<String> seen = new ArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            synchronized (seen) {
                seen.add(r.getLoggerName() + " " + r.getMessage() + " " + (r.getParameters() == null ? "" : java.util.Arrays.asList(r.getParameters())));
                if (r.getThrown() != null) {
                    seen.add(stackOf(r.getThrown()));
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level rootLevel;

    @BeforeEach
    void captureEveryLogRecord() {
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        for (String name : List.of("io.earnorm", "org.mongodb", "redis.clients", "org.postgresql")) {
            Logger.getLogger(name).setLevel(Level.ALL);
        }
    }

    @AfterEach
    void stopCapturing() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        Logger root = Logger.getLogger("");
        root.removeHandler(capture);
        root.setLevel(rootLevel);
        for (String name : List.of("io.earnorm", "org.mongodb", "redis.clients", "org.postgresql")) {
            Logger.getLogger(name).setLevel(null);
        }
    }

    @Test
    void redisNeverShowsItsPassword() throws Exception {
        RedisServerProcess server = closeLater(RedisServerProcess.launch("--requirepass", SECRET));
        RedisPool byOption = closeLater(RedisPool.builder().name("secret-redis").uri(server.uri()).password(SECRET).maxSize(2).build());
        RedisPool inUri = closeLater(RedisPool.builder().name("secret-redis-uri").uri(server.uri().replace("redis://", "redis://:" + SECRET + "@")).build());
        for (RedisPool pool : List.of(byOption, inUri)) {
            pool.init();
            try (RedisConnection c = pool.acquire()) {
                c.execute("SET", "secret-test", "v");
                note(c.toString());
            }
            inspect(pool);
        }
        note(catchThrowable(() -> closeLater(RedisPool.builder().uri(server.uri()).password(WRONG).build()).init()));
        RedisManagedConnectionFactory mcf = closeLater(new RedisManagedConnectionFactory());
        mcf.setUri(server.uri());
        mcf.setPassword(SECRET);
        mcf.setPoolName("secret-redis-jca");
        RedisConnectionFactory factory = (RedisConnectionFactory) mcf.createConnectionFactory();
        try (RedisConnection c = factory.getConnection()) {
            c.execute("PING");
        }
        note(catchThrowable(() -> factory.getConnection("default", WRONG)));
        note(mcf.toString());
        note(String.valueOf(mcf.configProperties()));

        server.stop(); // the server goes away under the pools
        note(catchThrowable(() -> byOption.acquire(Duration.ofSeconds(2)).execute("PING")));
        note(catchThrowable(() -> inUri.acquire(Duration.ofSeconds(2)).execute("PING")));
        inspect(byOption);
        server.start();

        assertNoSecretAnywhere();
    }

    @Test
    void postgresqlNeverShowsItsPassword() throws Exception {
        PostgresServerProcess server = closeLater(PostgresServerProcess.start(SECRET));
        String user = PostgresServerProcess.SUPERUSER;
        PostgresPool byOption = closeLater(PostgresPool.builder().name("secret-pg").url(server.url()).user(user).password(SECRET).maxSize(2).build());
        PostgresPool inUrl = closeLater(PostgresPool.builder().name("secret-pg-url").url(server.url() + "?user=" + user + "&password=" + SECRET).build());
        for (PostgresPool pool : List.of(byOption, inUrl)) {
            pool.init();
            try (PostgresConnection c = pool.acquire()) {
                note(String.valueOf(c.fetchVal("SELECT current_user")));
                note(catchThrowable(() -> c.execute("SELEC broken")));
                note(c.toString());
            }
            inspect(pool);
        }
        note(catchThrowable(() -> closeLater(PostgresPool.builder().url(server.url()).user(user).password(WRONG).build()).init()));
        note(catchThrowable(() -> closeLater(PostgresPool.builder().url(server.url() + "?password=" + WRONG + "&user=" + user).build()).init()));
        PostgresManagedConnectionFactory mcf = closeLater(new PostgresManagedConnectionFactory());
        mcf.setUrl(server.url());
        mcf.setUser(user);
        mcf.setPassword(SECRET);
        mcf.setPoolName("secret-pg-jca");
        PostgresConnectionFactory factory = (PostgresConnectionFactory) mcf.createConnectionFactory();
        try (PostgresConnection c = factory.getConnection()) {
            c.fetchVal("SELECT 1");
        }
        note(catchThrowable(() -> factory.getConnection(user, WRONG)));
        note(mcf.toString());
        note(String.valueOf(mcf.configProperties()));

        server.stop();
        note(catchThrowable(() -> byOption.acquire(Duration.ofSeconds(2)).fetchVal("SELECT 1")));
        inspect(byOption);
        server.start();

        assertNoSecretAnywhere();
    }

    @Test
    void mongodbNeverShowsThePasswordOfItsUri() throws Exception {
        MongoTestServer server = closeLater(MongoTestServer.launch());
        String withCredentials = server.uri().replace("mongodb://", "mongodb://app:" + SECRET + "@") + "/secrets?authSource=admin";
        // The in-process server has no authentication: opening fails, and what it says must not show the password.
        MongoPool pool = closeLater(MongoPool.builder().name("secret-mongo").uri(withCredentials).operationTimeout(Duration.ofSeconds(2)).build());
        note(pool.toString());
        note(pool.settings().toString());
        note(catchThrowable(pool::init));
        MongoPool byOption = closeLater(MongoPool.builder().name("secret-mongo-opt").uri(server.uri()).database("secrets").user("app").password(SECRET)
                .operationTimeout(Duration.ofSeconds(2)).build());
        note(catchThrowable(byOption::init));
        note(byOption.settings().toString());
        MongoPool open = closeLater(MongoPool.builder().name("secret-mongo-open").uri(server.uri()).database("secrets").build());
        open.init();
        try (MongoConnection c = open.acquire()) {
            c.execute("insert_one", "items", new org.bson.Document("k", 1));
        }
        MongoManagedConnectionFactory mcf = closeLater(new MongoManagedConnectionFactory());
        mcf.setUri(withCredentials);
        mcf.setPoolName("secret-mongo-jca");
        note(catchThrowable(() -> ((io.earnorm.ra.api.MongoConnectionFactory) mcf.createConnectionFactory()).getConnection()));
        note(mcf.toString());
        note(String.valueOf(mcf.configProperties()));

        assertNoSecretAnywhere();
    }

    // ------------------------------------------------------------------ helpers

    /** Everything an operator can read about a pool: toString, stats, metrics, the registry's address and its MXBean. */
    private void inspect(BackendPool<?, ?> pool) throws Exception {
        note(pool.toString());
        note(String.valueOf(pool.stats()));
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        try (JmxExporter jmx = JmxExporter.start(PoolRegistry.global(), server)) {
            for (ObservedPool p : PoolRegistry.global().pools()) {
                note(p.address());
                note(String.valueOf(p.metrics()));
                ObjectName name = jmx.nameOf(p);
                note(String.valueOf(name));
                for (MBeanAttributeInfo a : server.getMBeanInfo(name).getAttributes()) {
                    note(a.getName() + "=" + server.getAttribute(name, a.getName()));
                }
            }
        }
    }

    private void note(Object text) {
        synchronized (seen) {
            seen.add(text instanceof Throwable t ? stackOf(t) : String.valueOf(text));
        }
    }

    private void assertNoSecretAnywhere() {
        synchronized (seen) {
            assertThat(seen).as("what was captured").hasSizeGreaterThan(10);
            assertThat(seen.stream().filter(s -> s.contains(SECRET) || s.contains(WRONG)).toList()).as("captured text showing a password").isEmpty();
        }
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        toClose.add(resource);
        return resource;
    }

    private static String stackOf(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
