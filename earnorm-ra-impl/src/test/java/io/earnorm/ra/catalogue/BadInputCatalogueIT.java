package io.earnorm.ra.catalogue;

import io.earnorm.ra.api.EarnormBackendException;
import io.earnorm.ra.api.MongoConnection;
import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.api.pool.AcquireInterruptedException;
import io.earnorm.ra.api.pool.BackendUnavailableException;
import io.earnorm.ra.api.pool.ConnectionClosedException;
import io.earnorm.ra.api.pool.IllegalReleaseException;
import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.api.pool.PoolClosedException;
import io.earnorm.ra.api.pool.PoolStats;
import io.earnorm.ra.backend.BackendPool;
import io.earnorm.ra.mongo.MongoPool;
import io.earnorm.ra.postgres.PostgresPool;
import io.earnorm.ra.redis.RedisPool;
import io.earnorm.ra.spi.mongo.MongoManagedConnectionFactory;
import io.earnorm.ra.spi.postgres.PostgresManagedConnectionFactory;
import io.earnorm.ra.spi.redis.RedisManagedConnectionFactory;
import io.earnorm.ra.testsupport.FreePorts;
import io.earnorm.ra.testsupport.PostgresServerProcess;
import io.earnorm.ra.testsupport.RedisServerProcess;
import io.earnorm.ra.testsupport.TestServers;
import jakarta.resource.spi.InvalidPropertyException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * One catalogue of wrong inputs across the plain-Java pools, the JCA config properties and
 * {@code execute}. Each entry names what it does wrong, the exception type it must get and the
 * words its message must contain; after each, the three shared pools must still serve a good call
 * and have nothing left borrowed or waiting.
 */
class BadInputCatalogueIT {

    private static final String SECRET = "Catalogue-Pw-7f3a";

    private static RedisPool redis;
    private static PostgresPool postgres;
    private static MongoPool mongo;
    private static RedisServerProcess passwordRedis;
    private static PostgresServerProcess passwordPostgres;
    private static final List<AutoCloseable> toClose = new ArrayList<>();
    private static final String table = "earnorm_catalogue_" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void openPools() throws Exception {
        redis = RedisPool.builder().name("catalogue-redis").uri(TestServers.redisUri()).maxSize(2).acquireTimeout(Duration.ofSeconds(5)).build();
        postgres = PostgresPool.builder().name("catalogue-postgres").url(TestServers.postgresUrl()).maxSize(2).acquireTimeout(Duration.ofSeconds(5)).build();
        mongo = MongoPool.builder().name("catalogue-mongo").uri(TestServers.mongoUri()).database("earnorm_catalogue").maxSize(2)
                .acquireTimeout(Duration.ofSeconds(5)).build();
        redis.init();
        postgres.init();
        mongo.init();
        try (PostgresConnection c = postgres.acquire()) {
            c.execute("CREATE TABLE " + table + " (id int PRIMARY KEY)");
            c.execute("INSERT INTO " + table + " VALUES (1)");
        }
        passwordRedis = RedisServerProcess.launch("--requirepass", SECRET);
    }

    @AfterAll
    static void closePools() throws Exception {
        try (PostgresConnection c = postgres.acquire()) {
            c.execute("DROP TABLE IF EXISTS " + table);
        }
        for (AutoCloseable c : toClose) {
            c.close();
        }
        redis.close();
        postgres.close();
        mongo.close();
        passwordRedis.stop();
        if (passwordPostgres != null) {
            passwordPostgres.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyWrongInputGetsATypedErrorNamingItAndLosesNothing() {
        List<Case> cases = new ArrayList<>();
        poolOptions(cases);
        seedStyleOptions(cases);
        addresses(cases);
        jcaProperties(cases);
        executeCalls(cases);
        handlesAndLifecycle(cases);
        assertThat(cases).as("the catalogue").hasSizeGreaterThanOrEqualTo(40);
        return cases.stream().map(c -> dynamicTest(c.name(), () -> {
            assertThatThrownBy(c.call()).as(c.name()).isInstanceOf(c.type()).hasMessageContainingAll(c.mentions());
            assertTheSharedPoolsAreHealthy();
        }));
    }

    // ------------------------------------------------------------------ the catalogue

    private static void poolOptions(List<Case> cases) {
        add(cases, "minSize negative", () -> RedisPool.builder().minSize(-1).build(), InvalidConfigException.class, "minSize", "-1", ">= 0");
        add(cases, "maxSize zero", () -> RedisPool.builder().maxSize(0).build(), InvalidConfigException.class, "maxSize", ">= 1");
        add(cases, "maxSize negative", () -> PostgresPool.builder().maxSize(-3).build(), InvalidConfigException.class, "maxSize", "-3");
        add(cases, "minSize above maxSize", () -> MongoPool.builder().minSize(5).maxSize(2).build(), InvalidConfigException.class,
                "maxSize must be >= minSize", "minSize=5", "maxSize=2");
        add(cases, "maxConnecting zero", () -> RedisPool.builder().maxConnecting(0).build(), InvalidConfigException.class, "maxConnecting", ">= 1");
        add(cases, "acquireTimeout negative", () -> RedisPool.builder().acquireTimeout(Duration.ofSeconds(-1)).build(), InvalidConfigException.class,
                "acquireTimeout", ">= 0");
        add(cases, "validationTimeout zero", () -> RedisPool.builder().validationTimeout(Duration.ZERO).build(), InvalidConfigException.class,
                "validationTimeout", "> 0");
        add(cases, "probeInterval zero", () -> PostgresPool.builder().probeInterval(Duration.ZERO).build(), InvalidConfigException.class,
                "probeInterval", "> 0");
        add(cases, "idleTimeout not below maxLifetime", () -> RedisPool.builder().maxLifetime(Duration.ofMinutes(1)).idleTimeout(Duration.ofMinutes(2)).build(),
                InvalidConfigException.class, "idleTimeout must be < maxLifetime");
        add(cases, "instances zero", () -> RedisPool.builder().instances(0).build(), InvalidConfigException.class, "instances", ">= 1");
    }

    private static void seedStyleOptions(List<Case> cases) {
        add(cases, "duration without a unit", () -> new RedisPool("c", Map.of("acquire_timeout", "30")), InvalidConfigException.class,
                "acquire", "needs a unit");
        add(cases, "duration malformed", () -> new RedisPool("c", Map.of("idle_timeout", "five minutes")), InvalidConfigException.class,
                "idle", "five minutes");
        add(cases, "number malformed", () -> new RedisPool("c", Map.of("max_size", "ten")), InvalidConfigException.class,
                "max", "whole number", "ten");
        add(cases, "boolean malformed", () -> new PostgresPool("c", Map.of("validate_on_borrow", "maybe")), InvalidConfigException.class,
                "validate", "true or false", "maybe");
        add(cases, "unknown option", () -> new MongoPool("c", Map.of("max_szie", 3)), InvalidConfigException.class,
                "unknown option 'max_szie'", "maxSize");
    }

    private static void addresses(List<Case> cases) {
        add(cases, "Redis URI of another scheme", () -> RedisPool.builder().uri("http://127.0.0.1:6379").build(), InvalidConfigException.class,
                "uri", "http://127.0.0.1:6379");
        add(cases, "Redis URI malformed", () -> RedisPool.builder().uri("redis://127.0.0.1:notaport").build(), InvalidConfigException.class,
                "uri", "notaport");
        add(cases, "PostgreSQL URL of another scheme", () -> PostgresPool.builder().url("jdbc:mysql://127.0.0.1:3306/test").build(),
                InvalidConfigException.class, "url", "jdbc:postgresql://");
        add(cases, "MongoDB URI malformed", () -> MongoPool.builder().uri("mongodb:/127.0.0.1").build(), InvalidConfigException.class,
                "uri", "mongodb:/127.0.0.1");
        add(cases, "Redis closed port", () -> initClosed(RedisPool.builder().uri("redis://127.0.0.1:" + FreePorts.next()).build()),
                BackendUnavailableException.class, "redis", "127.0.0.1");
        add(cases, "PostgreSQL closed port", () -> initClosed(PostgresPool.builder().url("jdbc:postgresql://127.0.0.1:" + FreePorts.next() + "/test").build()),
                BackendUnavailableException.class, "postgresql", "127.0.0.1");
        add(cases, "MongoDB closed port", () -> initClosed(MongoPool.builder().uri("mongodb://127.0.0.1:" + FreePorts.next()).database("test")
                        .operationTimeout(Duration.ofSeconds(2)).build()),
                BackendUnavailableException.class, "mongodb", "127.0.0.1");
        add(cases, "Redis wrong password", () -> initClosed(RedisPool.builder().uri(passwordRedis.uri()).password("not-the-password").build()),
                RuntimeException.class, "WRONGPASS");
        add(cases, "PostgreSQL wrong password", () -> initClosed(PostgresPool.builder().url(passwordPostgres().url()).user(PostgresServerProcess.SUPERUSER)
                        .password("not-the-password").build()),
                RuntimeException.class, "password authentication failed");
        add(cases, "PostgreSQL wrong database", () -> initClosed(PostgresPool.builder().url(onDatabase(TestServers.postgresUrl(), "no_such_database")).build()),
                RuntimeException.class, "no_such_database", "does not exist");
    }

    private static void jcaProperties(List<Case> cases) {
        add(cases, "JCA maxSize negative", () -> {
            RedisManagedConnectionFactory mcf = new RedisManagedConnectionFactory();
            mcf.setMaxSize(-1);
            mcf.createConnectionFactory();
        }, InvalidPropertyException.class, "maxSize=-1", "maxSize must be >= 1");
        add(cases, "JCA duration without a unit", () -> {
            PostgresManagedConnectionFactory mcf = new PostgresManagedConnectionFactory();
            mcf.setAcquireTimeout("30");
            mcf.createConnectionFactory();
        }, InvalidPropertyException.class, "acquireTimeout=30", "needs a unit");
        add(cases, "JCA URL malformed", () -> {
            PostgresManagedConnectionFactory mcf = new PostgresManagedConnectionFactory();
            mcf.setUrl("postgres:/nowhere");
            mcf.createConnectionFactory();
        }, InvalidPropertyException.class, "url", "postgres:/nowhere");
        add(cases, "JCA MongoDB URI of another scheme", () -> {
            MongoManagedConnectionFactory mcf = new MongoManagedConnectionFactory();
            mcf.setUri("redis://127.0.0.1:6379");
            mcf.createConnectionFactory();
        }, InvalidPropertyException.class, "uri", "redis://127.0.0.1:6379");
        add(cases, "JCA minSize above maxSize", () -> {
            MongoManagedConnectionFactory mcf = new MongoManagedConnectionFactory();
            mcf.setMinSize(4);
            mcf.setMaxSize(1);
            mcf.createConnectionFactory();
        }, InvalidPropertyException.class, "maxSize must be >= minSize");
    }

    private static void executeCalls(List<Case> cases) {
        add(cases, "Redis unknown command", () -> withRedis(c -> c.execute("NOSUCHCOMMAND", "k")), RuntimeException.class, "NOSUCHCOMMAND");
        add(cases, "Redis wrong argument count", () -> withRedis(c -> c.execute("GET")), RuntimeException.class, "GET", "arguments");
        add(cases, "Redis argument of a wrong type", () -> withRedis(c -> c.execute("SET", "k", new Object())), IllegalArgumentException.class, "SET");
        add(cases, "Redis no command", () -> withRedis(c -> c.execute(null)), IllegalArgumentException.class, "command");
        add(cases, "MongoDB unknown operation", () -> withMongo(c -> c.execute("find_all", "users")), UnsupportedOperationException.class,
                "find_all", "find_one");
        add(cases, "MongoDB wrong argument count", () -> withMongo(c -> c.execute("find_one")), IllegalArgumentException.class, "find_one");
        add(cases, "MongoDB argument of a wrong type", () -> withMongo(c -> c.execute("find_one", "users", "name = John")),
                IllegalArgumentException.class, "find_one", "String");
        add(cases, "MongoDB null collection", () -> withMongo(c -> c.execute("find_one", null, new Document())), IllegalArgumentException.class,
                "find_one", "collection");
        add(cases, "SQL syntax error, connection still usable", () -> withPostgres(c -> c.execute("SELEC 1")), EarnormBackendException.class,
                "SELEC 1", "syntax error");
        add(cases, "SQL constraint violation, connection still usable", () -> withPostgres(c -> c.execute("INSERT INTO " + table + " VALUES (?)", 1)),
                EarnormBackendException.class, "duplicate key", table);
        add(cases, "SQL parameter of a wrong type", () -> withPostgres(c -> c.fetchVal("SELECT id FROM " + table + " WHERE id = ?", new Object())),
                RuntimeException.class, "Object");
        add(cases, "SQL missing", () -> withPostgres(c -> c.fetch(null)), IllegalArgumentException.class, "sql");
    }

    private static void handlesAndLifecycle(List<Case> cases) {
        add(cases, "a closed handle used", () -> {
            RedisConnection c = redis.acquire();
            c.close();
            c.execute("PING");
        }, ConnectionClosedException.class, "catalogue-redis", "released", "cannot be used");
        add(cases, "a connection released twice", () -> {
            PostgresConnection c = postgres.acquire();
            c.close();
            c.close();
        }, IllegalReleaseException.class, "already released");
        add(cases, "a connection released to another pool", () -> {
            RedisPool other = RedisPool.builder().name("catalogue-other").uri(TestServers.redisUri()).maxSize(1).build();
            toClose.add(other);
            RedisConnection c = redis.acquire();
            try {
                other.release(c);
            } finally {
                c.close();
            }
        }, IllegalReleaseException.class, "catalogue-redis", "catalogue-other");
        add(cases, "acquire after close", () -> {
            MongoPool closed = MongoPool.builder().name("catalogue-closed").uri(TestServers.mongoUri()).database("test").build();
            closed.close();
            closed.acquire();
        }, PoolClosedException.class, "catalogue-closed", "closed");
        add(cases, "interrupted while waiting", BadInputCatalogueIT::interruptAWaiter, AcquireInterruptedException.class, "interrupted");
    }

    // ------------------------------------------------------------------ helpers

    /** Holds the only connection of a pool, interrupts a waiter, then checks it kept its flag and that no capacity was lost. */
    private static void interruptAWaiter() throws Throwable {
        RedisPool one = RedisPool.builder().name("catalogue-one").uri(TestServers.redisUri()).maxSize(1).acquireTimeout(Duration.ofSeconds(30)).build();
        toClose.add(one);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagKept = new AtomicReference<>();
        try (RedisConnection held = one.acquire()) {
            Thread waiter = new Thread(() -> {
                try {
                    one.acquire().close();
                } catch (Throwable t) {
                    thrown.set(t);
                    flagKept.set(Thread.currentThread().isInterrupted());
                }
            });
            waiter.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (one.stats().pending() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            waiter.interrupt();
            waiter.join(10_000);
            assertThat(held.execute("PING")).isEqualTo("PONG");
        }
        assertThat(flagKept.get()).as("interrupt flag kept").isTrue();
        try (RedisConnection again = one.acquire(Duration.ofSeconds(5))) {
            assertThat(again.execute("PING")).isEqualTo("PONG");
        }
        assertThat(one.stats().total()).as("no capacity lost").isEqualTo(1);
        throw thrown.get();
    }

    /** Opens a pool that must fail to open; closes it whatever happens. */
    private static void initClosed(BackendPool<?, ?> pool) {
        toClose.add(pool);
        pool.init();
    }

    private static void withRedis(Consumer<RedisConnection> use) {
        try (RedisConnection c = redis.acquire()) {
            use.accept(c);
        }
    }

    private static void withMongo(Consumer<MongoConnection> use) {
        try (MongoConnection c = mongo.acquire()) {
            use.accept(c);
        }
    }

    /** Runs {@code use}; whatever it throws, the same connection must answer a good query next. */
    private static void withPostgres(SqlUse use) throws SQLException {
        try (PostgresConnection c = postgres.acquire()) {
            try {
                use.accept(c);
            } finally {
                assertThat(c.fetchVal("SELECT count(*) FROM " + table)).as("the connection after the error").isEqualTo(1L);
            }
        }
    }

    private static synchronized PostgresServerProcess passwordPostgres() {
        if (passwordPostgres == null) {
            passwordPostgres = PostgresServerProcess.start(SECRET);
        }
        return passwordPostgres;
    }

    private static String onDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String rest = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + rest;
    }

    private static void assertTheSharedPoolsAreHealthy() throws SQLException {
        try (RedisConnection c = redis.acquire()) {
            assertThat(c.execute("PING")).isEqualTo("PONG");
        }
        try (PostgresConnection c = postgres.acquire()) {
            assertThat(c.fetchVal("SELECT 1")).isEqualTo(1);
        }
        try (MongoConnection c = mongo.acquire()) {
            assertThat(c.ping()).isTrue();
        }
        for (PoolStats s : List.of(redis.stats(), postgres.stats(), mongo.stats())) {
            assertThat(s.active()).as(s.poolName() + " borrowed").isZero();
            assertThat(s.pending()).as(s.poolName() + " waiting").isZero();
            assertThat(s.total()).as(s.poolName() + " open").isBetween(1, s.maxSize());
        }
    }

    private static void add(List<Case> cases, String name, ThrowingCallable call, Class<? extends Throwable> type, String... mentions) {
        cases.add(new Case(name, call, type, mentions));
    }

    private record Case(String name, ThrowingCallable call, Class<? extends Throwable> type, String[] mentions) {
    }

    @FunctionalInterface
    private interface SqlUse {
        void accept(PostgresConnection c) throws SQLException;
    }
}
