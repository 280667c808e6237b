package io.earnorm.ra.mongo;

import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSocketException;
import io.earnorm.ra.api.EarnormBackendException;
import io.earnorm.ra.api.MongoConnection;
import io.earnorm.ra.api.pool.AcquireTimeoutException;
import io.earnorm.ra.api.pool.BackendUnavailableException;
import io.earnorm.ra.api.pool.ConnectionOpenException;
import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.testsupport.FaultProxy;
import io.earnorm.ra.testsupport.MongoTestServer;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/** Network faults between the pool and the server, through a TCP proxy: latency, a black hole, resets. */
class MongoNetworkFaultIT extends MongoFixture {

    private final MongoTestServer server = closeLater(MongoTestServer.launch());
    private final FaultProxy proxy = closeLater(FaultProxy.start("127.0.0.1", server.port()));

    /**
     * A pool on the test's server through the proxy. Retries are off, so that one lost socket
     * shows as one failure instead of being retried over a new one.
     */
    private MongoPool.Builder throughProxy() {
        return MongoPool.builder().uri("mongodb://127.0.0.1:" + proxy.port() + "/?retryReads=false&retryWrites=false")
                .database(database).acquireTimeout(Duration.ofSeconds(5));
    }

    @Test
    void slowRepliesStillWorkAndValidationKeepsItsBound() throws Exception {
        proxy.latency(Duration.ofMillis(20));
        MongoPool pool = open(throughProxy().maxSize(1).validationTimeout(Duration.ofMillis(400)).probeInterval(Duration.ofMillis(200)));
        try (MongoConnection conn = pool.acquire()) {
            conn.execute("insert_one", "slow", new Document("k", "v"));
            assertThat(conn.execute("find_one", "slow", new Document("k", "v"))).isNotNull();
            assertThat(within10s(conn::ping)).isTrue();

            proxy.latency(Duration.ofMillis(600));

            // The reply would take 1.2 s; validation gives up at its 400 ms bound.
            assertThat(within10s(conn::ping)).isFalse();
        }
        proxy.pass();
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
            try (MongoConnection conn = pool.acquire()) {
                assertThat(conn.execute("count_documents", "slow")).isEqualTo(1L);
            }
        });
    }

    @Test
    void underABlackHoleValidationAndAcquireReturnWithinTheirBounds() throws Exception {
        // No operation timeout: only the pool's own bounds keep validation and acquire from hanging.
        MongoPool pool = open(throughProxy().minSize(1).maxSize(3)
                .validationTimeout(Duration.ofMillis(500)).acquireTimeout(Duration.ofSeconds(3)).probeInterval(Duration.ofMillis(200)));
        MongoConnection pinged = pool.acquire();
        pinged.execute("insert_one", "items", new Document("k", 1));
        pool.acquire().close();
        pastValidationSkipWindow();

        proxy.blackHole();

        assertThat(within10s(pinged::ping)).isFalse();
        // The idle connection fails validation in time, and a new one cannot get an answer to its ping.
        Throwable acquireFailure = catchThrowable(() -> within10s(pool::acquire));
        assertThat(acquireFailure).isInstanceOfAny(BackendUnavailableException.class, AcquireTimeoutException.class,
                ConnectionOpenException.class);
        assertThat(catchThrowable(() -> within10s(pool::acquire))).isInstanceOfAny(BackendUnavailableException.class,
                AcquireTimeoutException.class, ConnectionOpenException.class);
        pinged.close();

        proxy.pass();

        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
            try (MongoConnection conn = pool.acquire()) {
                assertThat(conn.execute("count_documents", "items")).isEqualTo(1L);
            }
        });
    }

    @Test
    void underABlackHoleOperationsEndAtTheOperationTimeoutAndRetireTheirConnection() throws Exception {
        MongoPool pool = open(throughProxy().maxSize(2).operationTimeout(Duration.ofSeconds(1)));
        MongoConnection commanded = pool.acquire();
        MongoConnection typed = pool.acquire();
        commanded.execute("insert_one", "items", new Document("k", 1));

        proxy.blackHole();

        EarnormBackendException lost = catchThrowableOfType(() -> within10s(() -> commanded.execute("find", "items")),
                EarnormBackendException.class);
        assertThat(lost.connectionLost()).isTrue();
        assertThat(lost.getCause()).isInstanceOf(MongoOperationTimeoutException.class);
        assertThat(commanded.isStale()).isTrue();
        Throwable typedFailure = catchThrowable(() -> within10s(() -> typed.collection("items").find().first()));
        assertThat(typedFailure).isInstanceOf(MongoOperationTimeoutException.class);
        assertThat(typed.isStale()).isTrue();
        commanded.close();
        typed.close();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pool.stats().total()).isZero());
    }

    @Test
    void aResetConnectionIsLostRetiredAndReplaced() {
        MongoPool pool = open(throughProxy().maxSize(2));
        MongoConnection conn = pool.acquire();
        conn.execute("insert_one", "items", new Document("k", 1));

        proxy.resetConnections();

        EarnormBackendException lost = catchThrowableOfType(() -> conn.execute("find", "items"), EarnormBackendException.class);
        assertThat(lost.connectionLost()).isTrue();
        assertThat(lost.operation()).isEqualTo("find");
        assertThat(lost.getCause()).isInstanceOf(MongoSocketException.class);
        assertThat(conn.isStale()).isTrue();
        conn.close();
        // One lost connection is not an outage: the pool stays ready.
        assertThat(pool.state()).isEqualTo(PoolState.READY);
        try (MongoConnection next = pool.acquire()) {
            assertThat(next.execute("find", "items")).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pool.stats().closed()).isEqualTo(1));
    }

    @Test
    void aTypedCallOnAResetConnectionMarksItBroken() {
        MongoPool pool = open(throughProxy().maxSize(1));
        try (MongoConnection conn = pool.acquire()) {
            conn.collection("items").insertOne(new Document("k", 1));

            proxy.resetConnections();

            assertThat(catchThrowable(() -> conn.collection("items").find().first())).isInstanceOf(MongoSocketException.class);
            assertThat(conn.isStale()).isTrue();
        }
        try (MongoConnection conn = pool.acquire()) {
            assertThat(conn.collection("items").countDocuments()).isEqualTo(1);
        }
    }
}
