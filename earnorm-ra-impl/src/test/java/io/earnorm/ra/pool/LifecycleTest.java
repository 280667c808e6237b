package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.BackendUnavailableException;
import io.earnorm.ra.api.pool.CheckOutFailureReason;
import io.earnorm.ra.api.pool.CloseReason;
import io.earnorm.ra.api.pool.ConnectionOpenException;
import io.earnorm.ra.api.pool.PoolClosedException;
import io.earnorm.ra.api.pool.PoolState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class LifecycleTest extends PoolFixture {

    @Test
    void closeFailsWaitersAtOnceAndRetiresBorrowedConnectionsWhenTheyComeBack() {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(1).acquireTimeout(Duration.ofMinutes(5)));
        PooledConnection<FakeConnection> held = pool.acquire();
        FakeConnection heldRaw = held.connection();
        CompletableFuture<PooledConnection<FakeConnection>> waiter = pool.acquireAsync().toCompletableFuture();
        eventually(() -> assertThat(pool.stats().pending()).isEqualTo(1));

        pool.close();

        // Failed by close itself, not by its 5-minute timeout.
        assertThat(waiter).isCompletedExceptionally();
        Throwable failure = catchThrowable(waiter::join);
        assertThat(failure).hasCauseInstanceOf(PoolClosedException.class);
        assertThat(events.checkOutFailures).containsExactly(CheckOutFailureReason.POOL_CLOSED);
        // The borrower keeps a working connection until it gives it back.
        assertThat(heldRaw.closed).isFalse();
        assertThat(held.connection()).isSameAs(heldRaw);

        held.close();

        eventually(() -> assertThat(heldRaw.closed).isTrue());
        assertThat(events.closeReasons).containsEntry(held.id(), CloseReason.POOL_CLOSED);
        assertThat(pool.state()).isEqualTo(PoolState.CLOSED);
    }

    @Test
    void closeClosesIdleConnectionsBeforeReturning() {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(3));
        List<PooledConnection<FakeConnection>> three = List.of(pool.acquire(), pool.acquire(), pool.acquire());
        three.forEach(PooledConnection::close);
        assertThat(backend.openCount()).isEqualTo(3);

        pool.close();

        assertThat(backend.openCount()).isZero();
        assertThat(events.closeReasons.values()).containsOnly(CloseReason.POOL_CLOSED).hasSize(3);
    }

    @Test
    void closeReleasesTheBackendOnceAfterItsIdleConnections() {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(2));
        PooledConnection<FakeConnection> held = pool.acquire();
        pool.acquire().close();

        pool.close();
        pool.close();

        assertThat(backend.shutdowns).hasValue(1);
        // the idle one was closed first; the borrowed one is still the borrower's
        assertThat(backend.openAtShutdown).isEqualTo(1);
        held.close();
    }

    @Test
    void aClosedPoolRefusesAcquiresAndCloseIsIdempotent() {
        ConnectionPool<FakeConnection> pool = pool(config());
        pool.acquire().close();
        pool.close();
        pool.close();

        assertThatThrownBy(pool::acquire).isInstanceOf(PoolClosedException.class).hasMessageContaining("pool 'test'");
        assertThat(pool.acquireAsync().toCompletableFuture()).isCompletedExceptionally();
        assertThat(events.count("poolClosed")).isEqualTo(1);
        assertThat(backend.openCount()).isZero();
    }

    @Test
    void closeStopsThePoolsThreads() {
        ConnectionPool<FakeConnection> pool = pool("threads-test", config().minSize(2));
        eventually(() -> assertThat(pool.stats().total()).isEqualTo(2));
        assertThat(poolThreads("threads-test")).isNotEmpty().allMatch(Thread::isDaemon);

        pool.close();

        eventually(() -> assertThat(poolThreads("threads-test")).isEmpty());
    }

    private static List<Thread> poolThreads(String pool) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("earnorm-pool-" + pool + "-") && t.isAlive())
                .toList();
    }

    @Test
    void clearRetiresTheGenerationPausesAndAProbeMakesThePoolReadyAgain() {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(3).probeInterval(Duration.ofMillis(20)));
        PooledConnection<FakeConnection> held = pool.acquire();
        PooledConnection<FakeConnection> idle = pool.acquire();
        FakeConnection idleRaw = idle.connection();
        idle.close();
        backend.failAllOpens = new FakeBackend.ServerDown("still down");

        pool.clear();

        assertThat(pool.state()).isEqualTo(PoolState.PAUSED);
        eventually(() -> assertThat(idleRaw.closed).isTrue());
        assertThat(held.connection().closed).isFalse();
        assertThatThrownBy(pool::acquire)
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("fake at fake://test is unavailable");
        assertThat(held.isStale()).isTrue();

        held.close();
        eventually(() -> assertThat(events.closeReasons).containsEntry(held.id(), CloseReason.STALE));

        backend.failAllOpens = null;
        eventually(() -> assertThat(pool.state()).isEqualTo(PoolState.READY));
        try (PooledConnection<FakeConnection> c = pool.acquire()) {
            assertThat(c.id()).isGreaterThan(2);
        }
        eventually(() -> assertThat(events.log).containsSubsequence("poolCleared 0", "poolReady"));
    }

    @Test
    void clearFailsWaitersAtOnceWithBackendUnavailable() {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(1).acquireTimeout(Duration.ofMinutes(5)));
        PooledConnection<FakeConnection> held = pool.acquire();
        CompletableFuture<PooledConnection<FakeConnection>> waiter = pool.acquireAsync().toCompletableFuture();
        eventually(() -> assertThat(pool.stats().pending()).isEqualTo(1));
        backend.failAllOpens = new FakeBackend.ServerDown("down");

        pool.clear(new IllegalStateException("server went away"));

        Throwable failure = catchThrowable(() -> waiter.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
        assertThat(failure).hasCauseInstanceOf(BackendUnavailableException.class);
        assertThat(failure.getCause()).hasMessageContaining("server went away");
        held.close();
    }

    @Test
    void readyEndsAPauseWithoutWaitingForTheProbe() {
        ConnectionPool<FakeConnection> pool = pool(config().probeInterval(Duration.ofHours(1)));
        pool.clear();
        assertThat(pool.state()).isEqualTo(PoolState.PAUSED);

        pool.ready();

        assertThat(pool.state()).isEqualTo(PoolState.READY);
        pool.acquire().close();
    }

    @Test
    void anOpenFailureThatMeansTheServerIsDownPausesThePool() {
        ConnectionPool<FakeConnection> pool = pool(config().probeInterval(Duration.ofMillis(20)));
        backend.failAllOpens = new FakeBackend.ServerDown("connection refused");

        Throwable first = catchThrowable(pool::acquire);

        assertThat(first).isInstanceOf(BackendUnavailableException.class).hasRootCauseMessage("connection refused");
        assertThat(pool.state()).isEqualTo(PoolState.PAUSED);
        int attempts = backend.openAttempts.get();
        // While paused, acquires fail fast without each trying the server.
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(pool::acquire).isInstanceOf(BackendUnavailableException.class);
        }
        assertThat(backend.openAttempts.get() - attempts).isLessThan(20);

        backend.failAllOpens = null;
        eventually(() -> assertThat(pool.state()).isEqualTo(PoolState.READY));
        pool.acquire().close();
    }

    @Test
    void anOpenFailureFailsTheWaitingCallerAtOnceWithTheCause() {
        ConnectionPool<FakeConnection> pool = pool(config().acquireTimeout(Duration.ofMinutes(5)));
        backend.openFailures.add(new IllegalStateException("password authentication failed for user \"app\""));

        assertThatThrownBy(pool::acquire)
                .isInstanceOf(ConnectionOpenException.class)
                .hasMessageContaining("could not open a connection to fake at fake://test")
                .hasMessageContaining("password authentication failed")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(pool.state()).isEqualTo(PoolState.READY);
        assertThat(events.closeReasons).containsEntry(1L, CloseReason.ERROR);
        pool.acquire().close();
    }

    @Test
    void initOpensMinSizeConnectionsBeforeReturning() {
        ConnectionPool<FakeConnection> pool = pool(config().minSize(4).maxSize(6));

        pool.init();

        assertThat(pool.stats().total()).isGreaterThanOrEqualTo(4);
        assertThat(pool.stats().available()).isEqualTo(pool.stats().total());
    }

    @Test
    void initProvesTheBackendAnswersEvenWithMinSizeZero() {
        ConnectionPool<FakeConnection> pool = pool(config().minSize(0));
        backend.failAllOpens = new IllegalStateException("FATAL: database \"nope\" does not exist");

        assertThatThrownBy(pool::init)
                .isInstanceOf(ConnectionOpenException.class)
                .hasMessageContaining("database \"nope\" does not exist");
        // A retry for the same caller may still be on its way to the same error.
        eventually(() -> assertThat(pool.stats().opening()).isZero());

        backend.failAllOpens = null;
        pool.init();
        assertThat(pool.stats().total()).isEqualTo(1);
    }

    @Test
    void statsCarryTheSeedsHealthReportFields() {
        ConnectionPool<FakeConnection> pool = pool(config().minSize(1).maxSize(4));
        List<PooledConnection<FakeConnection>> held = new ArrayList<>();
        held.add(pool.acquire());
        held.add(pool.acquire());
        PooledConnection<FakeConnection> third = pool.acquire();
        third.close();
        clock.advance(Duration.ofSeconds(10));

        var stats = pool.stats();

        assertThat(stats.poolName()).isEqualTo("test");
        assertThat(stats.backendType()).isEqualTo("fake");
        assertThat(stats.state()).isEqualTo(PoolState.READY);
        assertThat(stats.total()).isEqualTo(3);
        assertThat(stats.active()).isEqualTo(2);
        assertThat(stats.available()).isEqualTo(1);
        assertThat(stats.pending()).isZero();
        assertThat(stats.minSize()).isEqualTo(1);
        assertThat(stats.maxSize()).isEqualTo(4);
        assertThat(stats.created()).isEqualTo(3);
        assertThat(stats.usageRatio()).isEqualTo(0.5);
        assertThat(stats.averageIdleTime()).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(stats.averageLifetime()).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(stats.staleConnections()).isZero();
        assertThat(pool.size()).isEqualTo(3);
        assertThat(pool.available()).isEqualTo(1);
        held.forEach(PooledConnection::close);
    }

    @Test
    void aListenerThatThrowsBreaksNothing() {
        ConnectionPool<FakeConnection> pool = pool(config());
        pool.addListener(new io.earnorm.ra.api.pool.PoolListener() {
            @Override
            public void checkedOut(String p, long id, long waitNanos) {
                throw new IllegalStateException("listener bug");
            }
        });

        pool.acquire().close();

        assertThat(events.count("checkedIn")).isEqualTo(1);
        assertThat(pool.stats().available()).isEqualTo(1);
    }
}
