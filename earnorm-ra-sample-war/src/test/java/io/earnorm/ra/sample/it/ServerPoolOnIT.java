package io.earnorm.ra.sample.it;

import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.api.PostgresConnectionFactory;
import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.api.RedisConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Inside Payara Micro with its connector pool on (steady size 8) over an adapter maxSize of 5, as
 * the README promises for servers that keep their pool on: every request is served, one after
 * another, because a managed connection holds a physical connection of the pool core only while
 * it is used (or its transaction runs), and the pool core stays the one cap. With Payara's maximum
 * (32) above {@code maxSize}, a caller past {@code maxSize} gets a managed connection and waits in the
 * pool core's queue, as the README recommends.
 */
@ExtendWith(ArquillianExtension.class)
class ServerPoolOnIT {

    private static final int REQUESTS = ServerPoolOnDefinitions.STEADY_SIZE + 4;
    /** Bound on every wait of these tests; a hang fails the test instead of blocking the build. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Deployment
    static WebArchive deployment() {
        return SampleDeployment.withTests(ServerPoolOnIT.class, ServerPoolOnDefinitions.class, PooledWrites.class, PoolStatsOf.class,
                Waiting.class, HoldingCallers.class);
    }

    @Resource(lookup = ServerPoolOnDefinitions.POOLED_POSTGRES)
    PostgresConnectionFactory postgres;

    @Resource(lookup = ServerPoolOnDefinitions.POOLED_REDIS)
    RedisConnectionFactory redis;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Inject
    PooledWrites writes;

    @Test
    void postgresServesMoreSequentialRequestsThanBothPoolsHold() throws Exception {
        for (int request = 1; request <= REQUESTS; request++) {
            try (PostgresConnection c = postgres.getConnection()) {
                assertThat(((Number) c.fetchVal("select ?::int + 1", request)).intValue()).isEqualTo(request + 1);
            }
        }
        PoolStatsOf stats = PoolStatsOf.factory(postgres);
        assertThat(stats.total()).isBetween(1, ServerPoolOnDefinitions.MAX_SIZE);
        assertThat(stats.active()).isZero();
        assertThat(stats.timeouts()).isZero();
    }

    @Test
    void redisServesMoreSequentialRequestsThanBothPoolsHold() throws Exception {
        String key = "earnorm:it:pooled:" + UUID.randomUUID();
        for (int request = 1; request <= REQUESTS; request++) {
            try (RedisConnection c = redis.getConnection()) {
                assertThat(c.execute("INCR", key)).isEqualTo((long) request);
            }
        }
        try (RedisConnection c = redis.getConnection()) {
            c.execute("DEL", key);
        }
        PoolStatsOf stats = PoolStatsOf.factory(redis);
        assertThat(stats.total()).isBetween(1, ServerPoolOnDefinitions.MAX_SIZE);
        assertThat(stats.active()).isZero();
        assertThat(stats.timeouts()).isZero();
    }

    @Test
    void aCallerPastMaxSizeWaitsInThePoolCoresQueueAndIsServedWhenAConnectionComesBack() throws Exception {
        int maxSize = ServerPoolOnDefinitions.MAX_SIZE;
        try (HoldingCallers<Object> callers = HoldingCallers.start(threads, maxSize + 1, this::pingHoldingUntil)) {
            // Were Payara's pool the smaller, the last caller would wait there, unseen by the pool core.
            Waiting.awaitTrue(maxSize + " connections lent and one caller queued in the pool core", PATIENCE, () -> {
                PoolStatsOf stats = PoolStatsOf.factory(redis);
                return stats.active() == maxSize && stats.pending() == 1;
            });
            assertThat(callers.releaseAndCollect(PATIENCE)).hasSize(maxSize + 1).containsOnly("PONG");
        }
        PoolStatsOf stats = PoolStatsOf.factory(redis);
        assertThat(stats.total()).isBetween(1, maxSize);
        assertThat(stats.active()).isZero();
        assertThat(stats.timeouts()).isZero();
    }

    private Object pingHoldingUntil(CountDownLatch release) throws Exception {
        try (RedisConnection c = redis.getConnection()) {
            Object pong = c.execute("PING");
            release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            return pong;
        }
    }

    @Test
    void aJtaTransactionKeepsItsConnectionUntilItEndsThenGivesItBack() throws Exception {
        try (PostgresConnection c = postgres.getConnection()) {
            c.execute("create table if not exists earnorm_it_steps (k text not null, step int not null, primary key (k, step))");
        }
        String committed = UUID.randomUUID().toString();
        String rolledBack = UUID.randomUUID().toString();

        writes.steps(committed, 3, false);
        assertThatThrownBy(() -> writes.steps(rolledBack, 3, true)).hasStackTraceContaining("duplicate key");

        assertThat(stepsOf(committed)).containsExactly(1, 2, 3);
        assertThat(stepsOf(rolledBack)).isEmpty();
        assertThat(PoolStatsOf.factory(postgres).active()).isZero();
    }

    private List<Integer> stepsOf(String key) throws Exception {
        try (PostgresConnection c = postgres.getConnection()) {
            return c.fetch("select step from earnorm_it_steps where k = ? order by step", key).stream()
                    .map(row -> ((Number) row.get("step")).intValue()).toList();
        }
    }
}
