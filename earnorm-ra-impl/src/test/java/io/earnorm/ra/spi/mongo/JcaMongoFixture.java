package io.earnorm.ra.spi.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.earnorm.ra.api.MongoConnection;
import io.earnorm.ra.mongo.MongoHandle;
import io.earnorm.ra.mongo.MongoSlot;
import io.earnorm.ra.spi.EarnormManagedConnection;
import io.earnorm.ra.testsupport.TestServers;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionRequestInfo;
import org.junit.jupiter.api.AfterEach;

import javax.security.auth.Subject;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the MongoDB connection definition's tests share: connection definitions on a server, in a
 * database of each test's own (dropped afterwards on the shared server), and whatever a test
 * starts closed after it, newest first.
 */
abstract class JcaMongoFixture {

    /** The test's own database. */
    final String database = "earnorm_jca_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private MongoClient admin;
    private boolean usedSharedServer;

    /** A connection definition on the shared test server, in the test's database. */
    MongoManagedConnectionFactory sharedServerDefinition() {
        usedSharedServer = true;
        return definition(TestServers.mongoUri());
    }

    /** A connection definition on {@code uri}, in the test's database, closed after the test. */
    MongoManagedConnectionFactory definition(String uri) {
        MongoManagedConnectionFactory mcf = closeLater(new MongoManagedConnectionFactory());
        mcf.setUri(uri);
        mcf.setDatabase(database);
        mcf.setAcquireTimeout("10s");
        return mcf;
    }

    /** A managed connection of {@code mcf} as a container would create it, destroyed after the test. */
    @SuppressWarnings("unchecked")
    EarnormManagedConnection<MongoSlot> managed(MongoManagedConnectionFactory mcf, Subject subject, ConnectionRequestInfo info) throws ResourceException {
        EarnormManagedConnection<MongoSlot> mc = (EarnormManagedConnection<MongoSlot>) mcf.createManagedConnection(subject, info);
        closeLater(mc::destroy);
        return mc;
    }

    <T extends AutoCloseable> T closeLater(T resource) {
        toClose.push(resource);
        return resource;
    }

    /** The test's database through a plain client outside any pool, for checking from the side. */
    MongoDatabase admin() {
        usedSharedServer = true;
        if (admin == null) {
            admin = MongoClients.create(TestServers.mongoUri());
        }
        return admin.getDatabase(database);
    }

    /** The pooled slot behind a connection handle. */
    static MongoSlot slotOf(MongoConnection connection) {
        return ((MongoHandle) connection).lease().connection();
    }

    /** Runs {@code action} on another thread and waits for it at most 10 s, so that a hang fails the test. */
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
                admin.close();
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
