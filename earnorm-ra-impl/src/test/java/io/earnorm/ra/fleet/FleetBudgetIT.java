package io.earnorm.ra.fleet;

import io.earnorm.ra.testsupport.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fleet budget kept by real processes: 3, then 4 JVMs each running the same pool
 * ({@link FleetInstanceMain}: 8 borrowers each, more than the fleet's 12 connections can serve at
 * once) against one PostgreSQL or one Redis, with the fleet's connections counted on the server
 * itself every 50 ms from the side. It checks that the count never exceeds the budget plus the
 * documented bound (instances x maxConnecting), that every instance gets its share, that a new
 * instance gets its share from the busy ones, that killing one (SIGKILL) hands its share to the
 * others, and that no request fails (each borrower waits up to 60 s, as it would in one instance
 * holding the whole budget). Waits are bounds on reaching a state, never measurements; the time a
 * new instance took is printed for the README, not asserted.
 */
class FleetBudgetIT {

    private static final int BUDGET = 12;
    private static final int MAX_CONNECTING = 2; // the pool's default
    private static final int MOST_INSTANCES = 4;
    private static final int THREADS = 8;
    private static final Duration INTERVAL = Duration.ofMillis(500);
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private final List<FleetProcess> processes = new ArrayList<>();
    private volatile boolean sampling = true;

    @AfterEach
    void stopEverything() throws InterruptedException {
        sampling = false;
        for (FleetProcess p : processes) {
            p.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "redis"})
    void theFleetKeepsItsBudgetSharesItFairlyAndHandsADeadInstancesShareOn(String backend) throws Exception {
        String pool = "fleetit" + ThreadLocalRandom.current().nextInt(1_000_000);
        String address = backend.equals("postgresql") ? TestServers.postgresUrl() : TestServers.redisUri();
        ServerCount server = backend.equals("postgresql") ? new PostgresCount(address) : new RedisCount(address);
        AtomicInteger peak = new AtomicInteger();
        Thread sampler = startSampler(server, "ef/" + pool + "/", peak);

        for (int i = 0; i < 3; i++) {
            start(backend, address, pool, i);
        }
        awaitEvery(processes, f -> f.instances() == 3 && f.active() >= BUDGET / 3, "3 instances each using its share of " + BUDGET / 3);

        FleetProcess newcomer = start(backend, address, pool, 3);
        awaitEvery(List.of(newcomer), f -> f.instances() == 4 && f.active() >= BUDGET / 4, "the new instance using its share of " + BUDGET / 4);
        System.out.println("[fleet " + backend + "] the new instance used its share " + newcomer.figures().uptimeMillis()
                + " ms after its pool was created (seen within 50 ms)");

        FleetProcess killed = processes.get(0);
        long kill = System.nanoTime();
        killed.kill();
        List<FleetProcess> survivors = processes.subList(1, processes.size());
        awaitEvery(survivors, f -> f.instances() == 3 && f.share() == BUDGET / 3 && f.active() >= BUDGET / 3,
                "the 3 survivors using their grown share of " + BUDGET / 3);
        System.out.println("[fleet " + backend + "] the survivors used the killed instance's share " + (System.nanoTime() - kill) / 1_000_000
                + " ms after the kill");

        for (FleetProcess p : survivors) {
            p.stop();
        }
        sampling = false;
        sampler.join();
        System.out.println("[fleet " + backend + "] budget " + BUDGET + ", peak on the server " + peak.get());

        for (FleetProcess p : survivors) {
            assertThat(p.failed()).as("failed requests of %s: %s", p.label, p.errors()).isZero();
            assertThat(p.succeeded()).as("requests served by %s", p.label).isPositive();
        }
        assertThat(peak.get()).as("most pooled connections the server showed at once")
                .isBetween(BUDGET / 3, BUDGET + MOST_INSTANCES * MAX_CONNECTING);
    }

    private FleetProcess start(String backend, String address, String pool, int i) throws Exception {
        FleetProcess p = FleetProcess.start(backend + "-" + i, backend, address, pool, Integer.toString(BUDGET), Integer.toString(BUDGET),
                Integer.toString(THREADS), Long.toString(INTERVAL.toMillis()));
        processes.add(p);
        return p;
    }

    private static void awaitEvery(List<FleetProcess> ps, Predicate<FleetProcess.Figures> state, String what) {
        await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> ps.stream().allMatch(p -> p.alive() && state.test(p.figures())));
    }

    /** Counts the fleet's pooled connections on the server every 50 ms, keeping the highest count. */
    private Thread startSampler(ServerCount server, String prefix, AtomicInteger peak) {
        Thread t = new Thread(() -> {
            try (server) {
                while (sampling) {
                    peak.accumulateAndGet(server.pooled(prefix), Math::max);
                    Thread.sleep(50);
                }
            } catch (Exception e) {
                throw new IllegalStateException("sampling the server failed", e);
            }
        }, "fleet-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The server's own count of a fleet's pooled connections (names {@code ef/<pool>/<instance>/p}). */
    interface ServerCount extends AutoCloseable {
        int pooled(String prefix) throws Exception;
    }

    static final class PostgresCount implements ServerCount {
        private final Connection connection;

        PostgresCount(String url) throws Exception {
            connection = DriverManager.getConnection(url);
        }

        @Override
        public int pooled(String prefix) throws Exception {
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT count(*) FROM pg_stat_activity WHERE left(application_name, ?) = ? AND right(application_name, 2) = '/p'")) {
                s.setInt(1, prefix.length());
                s.setString(2, prefix);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        }

        @Override
        public void close() throws Exception {
            connection.close();
        }
    }

    static final class RedisCount implements ServerCount {
        private final Jedis jedis;

        RedisCount(String uri) {
            URI u = URI.create(uri);
            JedisClientConfig config = DefaultJedisClientConfig.builder().build();
            jedis = new Jedis(new HostAndPort(u.getHost(), u.getPort()), config);
        }

        @Override
        public int pooled(String prefix) {
            int n = 0;
            for (String line : jedis.clientList().split("\n")) {
                int at = line.indexOf(" name=" + prefix);
                if (at >= 0) {
                    int end = line.indexOf(' ', at + 1);
                    String name = end < 0 ? line.substring(at + 6) : line.substring(at + 6, end);
                    if (name.endsWith("/p")) {
                        n++;
                    }
                }
            }
            return n;
        }

        @Override
        public void close() {
            jedis.close();
        }
    }
}
