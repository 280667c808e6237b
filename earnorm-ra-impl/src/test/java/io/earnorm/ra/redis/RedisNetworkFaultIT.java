package io.earnorm.ra.redis;

import io.earnorm.ra.api.EarnormBackendException;
import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.api.pool.AcquireTimeoutException;
import io.earnorm.ra.api.pool.BackendUnavailableException;
import io.earnorm.ra.api.pool.PoolListener;
import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.testsupport.FaultProxy;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/** Network faults between the pool and the server, through a TCP proxy: latency, a black hole, resets. */
class RedisNetworkFaultIT extends RedisFixture {

    private final FaultProxy proxy;

    RedisNetworkFaultIT() {
        RedisUri server = RedisUri.parse(serverUri());
        proxy = closeLater(FaultProxy.start(server.host(), server.port()));
    }

    /** A pool on the shared server through the proxy, with the server's credentials. */
    private RedisPool.Builder throughProxy() {
        RedisUri server = RedisUri.parse(serverUri());
        return RedisPool.builder().uri("redis://127.0.0.1:" + proxy.port()).user(server.user()).password(server.password())
                .database(DATABASE).acquireTimeout(Duration.ofSeconds(5));
    }

    private static void pastValidationSkipWindow() throws InterruptedException {
        Thread.sleep(700);
    }

    @Test
    void slowRepliesStillWorkAndValidationKeepsItsBound() throws Exception {
        proxy.latency(Duration.ofMillis(20));
        RedisPool pool = open(throughProxy().maxSize(1).validationTimeout(Duration.ofMillis(400)));
        long id;
        try (RedisConnection conn = pool.acquire()) {
            id = clientId(conn);
            assertThat(conn.execute("SET", key("slow"), "v")).isEqualTo("OK");
            assertThat(conn.execute("GET", key("slow"))).isEqualTo("v");
            assertThat(within10s(conn::ping)).isTrue();

            proxy.latency(Duration.ofMillis(600));

            // PONG would take 1.2 s; validation gives up at its 400 ms bound.
            assertThat(within10s(conn::ping)).isFalse();
        }
        proxy.pass();
        try (RedisConnection conn = pool.acquire()) {
            assertThat(clientId(conn)).isNotEqualTo(id);
        }
    }

    @Test
    void underABlackHoleValidationCommandsAndAcquireReturnWithinTheirBounds() throws Exception {
        RedisPool pool = open(throughProxy().minSize(1).maxSize(3)
                .validationTimeout(Duration.ofMillis(500)).acquireTimeout(Duration.ofSeconds(3))
                .connectTimeout(Duration.ofSeconds(1)).socketTimeout(Duration.ofSeconds(1))
                .probeInterval(Duration.ofMillis(200)));
        RedisConnection pinged = pool.acquire();
        RedisConnection commanded = pool.acquire();
        pool.acquire().close();
        pastValidationSkipWindow();

        proxy.blackHole();

        assertThat(within10s(pinged::ping)).isFalse();
        EarnormBackendException lost = catchThrowableOfType(() -> within10s(() -> commanded.execute("GET", key("k"))),
                EarnormBackendException.class);
        assertThat(lost.connectionLost()).isTrue();
        assertThat(commanded.isStale()).isTrue();
        // The idle connection fails validation in time; a new one cannot get through the handshake.
        Throwable acquireFailure = catchThrowable(() -> within10s(pool::acquire));
        assertThat(acquireFailure).isInstanceOfAny(BackendUnavailableException.class, AcquireTimeoutException.class);
        pinged.close();
        commanded.close();

        proxy.pass();

        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
            try (RedisConnection conn = pool.acquire()) {
                assertThat(conn.execute("PING")).isEqualTo("PONG");
            }
        });
    }

    @Test
    void aResetConnectionIsLostRetiredAndReplaced() {
        RedisPool pool = open(throughProxy().maxSize(2));
        RedisConnection conn = pool.acquire();
        long id = clientId(conn);

        proxy.resetConnections();

        EarnormBackendException lost = catchThrowableOfType(() -> conn.execute("GET", key("k")), EarnormBackendException.class);
        assertThat(lost.connectionLost()).isTrue();
        assertThat(lost.operation()).isEqualTo("GET");
        assertThat(conn.isStale()).isTrue();
        conn.close();
        // One lost connection is not an outage: the pool stays ready.
        assertThat(pool.state()).isEqualTo(PoolState.READY);
        try (RedisConnection next = pool.acquire()) {
            assertThat(clientId(next)).isNotEqualTo(id);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pool.stats().closed()).isEqualTo(1));
    }

    @Test
    void aTypedCommandOnAResetConnectionMarksItBroken() {
        RedisPool pool = open(throughProxy().maxSize(1));
        try (RedisConnection conn = pool.acquire()) {
            conn.commands().set(key("k"), "v");

            proxy.resetConnections();

            assertThatThrownBy(() -> conn.commands().get(key("k"))).isInstanceOf(JedisConnectionException.class);
            assertThat(conn.isStale()).isTrue();
        }
        try (RedisConnection conn = pool.acquire()) {
            assertThat(conn.commands().get(key("k"))).isEqualTo("v");
        }
    }

    @Test
    void opensThatFailTogetherInOneOutageClearThePoolOnce() throws Exception {
        RedisPool pool = open(throughProxy().minSize(0).maxSize(5).maxConnecting(2)
                .connectTimeout(Duration.ofSeconds(1)).socketTimeout(Duration.ofSeconds(1))
                .probeInterval(Duration.ofMinutes(1)));
        List<Integer> cleared = new CopyOnWriteArrayList<>();
        pool.addListener(new PoolListener() {
            @Override
            public void poolCleared(String name, int generation, Throwable cause) {
                cleared.add(generation);
            }
        });

        // Whatever the pool opened at start-up stays lent, so that every acquire below needs an open.
        List<RedisConnection> held = new ArrayList<>();
        while (pool.stats().available() > 0) {
            held.add(pool.acquire());
        }

        proxy.blackHole();
        // Two opens start at once (maxConnecting 2), hang in the handshake and time out together.
        List<CompletableFuture<RedisConnection>> acquires = IntStream.range(0, 4)
                .mapToObj(i -> pool.acquireAsync().toCompletableFuture()).toList();

        for (CompletableFuture<RedisConnection> acquire : acquires) {
            assertThat(catchThrowable(() -> acquire.get(10, TimeUnit.SECONDS)))
                    .hasCauseInstanceOf(BackendUnavailableException.class);
        }
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(cleared).containsExactly(0));
        assertThat(pool.state()).isEqualTo(PoolState.PAUSED);
        held.forEach(RedisConnection::close);
    }
}
