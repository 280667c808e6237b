package io.earnorm.ra.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.earnorm.ra.testsupport.TestServers;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the MongoDB integration tests share: pools on the test server (TestServers: the user's
 * {@code EARNORM_MONGO_URI}, or an in-process server) in a database of each test's own, dropped
 * afterwards, and whatever a test starts closed after it, newest first.
 */
abstract class MongoFixture {

    /** The test's own database on the shared server. */
    final String database = "earnorm_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private MongoClient admin;
    private boolean usedSharedServer;

    static String serverUri() {
        return TestServers.mongoUri();
    }

    /** A builder for a pool on the shared server, in the test's database. */
    MongoPool.Builder sharedServerPool() {
        usedSharedServer = true;
        return MongoPool.builder().uri(serverUri()).database(database).acquireTimeout(Duration.ofSeconds(10));
    }

    /** Builds, registers for closing, and initialises a pool. */
    MongoPool open(MongoPool.Builder builder) {
        MongoPool pool = closeLater(builder.build());
        pool.init();
        return pool;
    }

    <T extends AutoCloseable> T closeLater(T resource) {
        toClose.push(resource);
        return resource;
    }

    /** The test's database through a plain client outside any pool, for checking from the side. */
    MongoDatabase admin() {
        usedSharedServer = true;
        if (admin == null) {
            admin = MongoClients.create(serverUri());
        }
        return admin.getDatabase(database);
    }

    /**
     * Runs {@code action} on another thread and waits for it at most 10 s, so that a hang fails the
     * test (with a TimeoutException) instead of stalling it. What the action throws is rethrown as is.
     */
    static <T> T within10s(Supplier<T> action) throws Exception {
        Future<T> future = CompletableFuture.supplyAsync(action);
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** Past the pool's 500 ms window in which a recently used connection is lent without validation. */
    static void pastValidationSkipWindow() throws InterruptedException {
        Thread.sleep(700);
    }

    @AfterEach
    void cleanUp() throws Exception {
        Exception failure = null;
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (usedSharedServer) {
            try {
                admin().drop();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            } finally {
                if (admin != null) {
                    admin.close();
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
