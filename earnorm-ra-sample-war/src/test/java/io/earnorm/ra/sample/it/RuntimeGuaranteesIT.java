package io.earnorm.ra.sample.it;

import io.earnorm.ra.api.EarnormBackendException;
import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.api.PostgresConnectionFactory;
import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.api.RedisConnectionFactory;
import io.earnorm.ra.api.pool.AcquireTimeoutException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.resource.ResourceException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Inside Payara Micro: container-managed JTA transactions over the PostgreSQL factories (local and
 * XA), and the pool core's rules as the server's applications meet them: maxSize is a hard cap,
 * a connection the server killed is not handed out, closing a handle gives its connection back.
 */
@ExtendWith(ArquillianExtension.class)
class RuntimeGuaranteesIT {

    /** Bound on every wait of these tests; a hang fails the test instead of blocking the build. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Deployment
    static WebArchive deployment() {
        return SampleDeployment.withTests(RuntimeGuaranteesIT.class, TransactionalWrites.class, TestFactoryDefinitions.class,
                PoolStatsOf.class, Waiting.class, HoldingCallers.class);
    }

    @Inject
    TransactionalWrites writes;

    @Resource(lookup = "eis/earnorm/ledger")
    PostgresConnectionFactory ledger;

    @Resource(lookup = TestFactoryDefinitions.SINGLE_POSTGRES)
    PostgresConnectionFactory singlePostgres;

    @Resource(lookup = TestFactoryDefinitions.SINGLE_REDIS)
    RedisConnectionFactory singleRedis;

    @Resource(lookup = "java:app/eis/cache")
    RedisConnectionFactory cache;

    @Resource(lookup = TestFactoryDefinitions.CAPPED_REDIS)
    RedisConnectionFactory capped;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @BeforeEach
    void createTables() throws ResourceException {
        try (PostgresConnection conn = ledger.getConnection()) {
            for (String ddl : TransactionalWrites.CREATE_TABLES) {
                conn.execute(ddl);
            }
        }
    }

    // ------------------------------------------------------------------ transactions

    @Test
    void localWritesInOneJtaTransactionCommitTogether() throws Exception {
        String key = UUID.randomUUID().toString();
        writes.twoLocalWrites(key, false);
        assertThat(stepsOf(key)).containsExactly(1, 2);
    }

    @Test
    void aFailingSecondLocalWriteRollsBackTheFirst() {
        String key = UUID.randomUUID().toString();
        assertThatThrownBy(() -> writes.twoLocalWrites(key, true)).isInstanceOf(EarnormBackendException.class);
        assertThat(stepsOf(key)).isEmpty();
    }

    @Test
    void xaWritesOnTwoFactoriesCommitTogether() throws Exception {
        String key = UUID.randomUUID().toString();
        long inDoubtBefore = preparedTransactions();
        writes.orderAndPayment(key, 100);
        assertThat(count("earnorm_it_orders", key)).isEqualTo(1L);
        assertThat(count("earnorm_it_payments", key)).isEqualTo(1L);
        assertThat(preparedTransactions()).isEqualTo(inDoubtBefore);
    }

    @Test
    void aFailingXaWriteRollsBackTheOtherFactorysWrite() {
        String key = UUID.randomUUID().toString();
        long inDoubtBefore = preparedTransactions();
        assertThatThrownBy(() -> writes.orderAndPayment(key, -1)).isInstanceOf(EarnormBackendException.class);
        assertThat(count("earnorm_it_orders", key)).isZero();
        assertThat(count("earnorm_it_payments", key)).isZero();
        assertThat(preparedTransactions()).isEqualTo(inDoubtBefore);
    }

    // ------------------------------------------------------------------ the pool core's rules

    @Test
    void maxSizeIsAHardCapAndTheRequestPastItTimesOutWithTheTypedError() throws Exception {
        int maxSize = TestFactoryDefinitions.CAPPED_MAX_SIZE;
        try (HoldingCallers<String> requests = HoldingCallers.start(threads, maxSize + 1, this::holdCappedConnectionUntil)) {
            awaitTrue("one request to finish while the others hold the pool", requests::anyDone);
            assertThat(PoolStatsOf.factory(capped).active()).isEqualTo(maxSize);
            List<String> results = requests.releaseAndCollect(PATIENCE);
            assertThat(results).filteredOn("served"::equals).hasSize(maxSize);
            assertThat(results).filteredOn(r -> r.startsWith("timed out")).singleElement().asString()
                    .contains("AcquireTimeoutException").contains("maxSize=" + maxSize);
        }
        assertThat(PoolStatsOf.factory(capped).active()).isZero();
        assertThat(PoolStatsOf.factory(capped).timeouts()).isPositive();
    }

    private String holdCappedConnectionUntil(CountDownLatch release) throws InterruptedException {
        try (RedisConnection conn = capped.getConnection()) {
            conn.execute("PING");
            release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            return "served";
        } catch (ResourceException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof AcquireTimeoutException)) {
                cause = cause.getCause();
            }
            return cause == null ? "failed otherwise: " + e : "timed out: " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
    }

    @Test
    void aPostgresConnectionKilledOnTheServerIsNotHandedOut() throws Exception {
        long killed;
        try (PostgresConnection conn = singlePostgres.getConnection()) {
            killed = ((Number) conn.fetchVal("select pg_backend_pid()")).longValue();
        }
        Instant returned = Instant.now();
        try (PostgresConnection admin = ledger.getConnection()) {
            assertThat(admin.fetchVal("select pg_terminate_backend(?)", (int) killed)).isEqualTo(true);
            awaitTrue("the killed backend to be gone", () -> ((Number) admin.fetchVal(
                    "select count(*) from pg_stat_activity where pid = ?", (int) killed)).longValue() == 0);
        }
        waitPastTheValidationSkipWindow(returned);
        long failuresBefore = PoolStatsOf.factory(singlePostgres).validationFailures();

        try (PostgresConnection conn = singlePostgres.getConnection()) {
            assertThat(((Number) conn.fetchVal("select pg_backend_pid()")).longValue()).isNotEqualTo(killed);
            assertThat(conn.fetchVal("select 1")).isEqualTo(1);
        }
        assertThat(PoolStatsOf.factory(singlePostgres).validationFailures()).isGreaterThan(failuresBefore);
    }

    @Test
    void aRedisConnectionKilledOnTheServerIsNotHandedOut() throws Exception {
        long killed;
        try (RedisConnection conn = singleRedis.getConnection()) {
            killed = (Long) conn.execute("CLIENT", "ID");
        }
        Instant returned = Instant.now();
        try (RedisConnection admin = cache.getConnection()) {
            assertThat(admin.execute("CLIENT", "KILL", "ID", killed)).isEqualTo(1L);
        }
        waitPastTheValidationSkipWindow(returned);
        long failuresBefore = PoolStatsOf.factory(singleRedis).validationFailures();

        try (RedisConnection conn = singleRedis.getConnection()) {
            assertThat(conn.execute("CLIENT", "ID")).isNotEqualTo(killed);
            assertThat(conn.execute("PING")).isEqualTo("PONG");
        }
        assertThat(PoolStatsOf.factory(singleRedis).validationFailures()).isGreaterThan(failuresBefore);
    }

    @Test
    void closingAHandleGivesItsConnectionBackToThePool() throws Exception {
        PostgresConnection conn = singlePostgres.getConnection();
        assertThat(conn.fetchVal("select 1")).isEqualTo(1);
        assertThat(PoolStatsOf.factory(singlePostgres)).satisfies(s -> {
            assertThat(s.active()).isEqualTo(1);
            assertThat(s.available()).isZero();
        });

        conn.close();

        assertThat(conn.isClosed()).isTrue();
        assertThat(PoolStatsOf.factory(singlePostgres)).satisfies(s -> {
            assertThat(s.active()).isZero();
            assertThat(s.available()).isEqualTo(1);
            assertThat(s.total()).isEqualTo(1);
        });
    }

    // ------------------------------------------------------------------ helpers

    private List<Integer> stepsOf(String key) {
        try (PostgresConnection conn = ledger.getConnection()) {
            return conn.fetch("select step from earnorm_it_steps where k = ? order by step", key).stream()
                    .map(row -> (Integer) row.get("step")).toList();
        } catch (ResourceException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String table, String key) {
        try (PostgresConnection conn = ledger.getConnection()) {
            return ((Number) conn.fetchVal("select count(*) from " + table + " where k = ?", key)).longValue();
        } catch (ResourceException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Transactions prepared and not yet committed or rolled back: an XA transaction left half done adds one. */
    private long preparedTransactions() {
        try (PostgresConnection conn = ledger.getConnection()) {
            return ((Number) conn.fetchVal("select count(*) from pg_prepared_xacts where database = current_database()")).longValue();
        } catch (ResourceException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The pool lends a connection used in the last 500 ms without validating it (the pool's
     * documented rule, which saves a ping per borrow under load); the kill must be older than that
     * for validation to catch it.
     */
    private static void waitPastTheValidationSkipWindow(Instant lastUse) throws InterruptedException {
        long left = Duration.between(Instant.now(), lastUse.plusMillis(600)).toMillis();
        if (left > 0) {
            Thread.sleep(left);
        }
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        Waiting.awaitTrue(what, PATIENCE, condition);
    }
}
