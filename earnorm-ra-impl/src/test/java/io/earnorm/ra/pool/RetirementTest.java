package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.CloseReason;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import static org.assertj.core.api.Assertions.assertThat;

class RetirementTest extends PoolFixture {

    @Test
    void lifetimeRetirementClosesIdleConnectionsButNeverOneInUse() {
        ConnectionPool<FakeConnection> pool = pool(config().maxLifetime(Duration.ofMinutes(1)).idleTimeout(Duration.ZERO));
        PooledConnection<FakeConnection> held = pool.acquire();
        PooledConnection<FakeConnection> idle = pool.acquire();
        FakeConnection idleRaw = idle.connection();
        idle.close();
        clock.advance(Duration.ofMinutes(2));

        pool.housekeep();

        eventually(() -> assertThat(idleRaw.closed).isTrue());
        assertThat(events.closeReasons).containsEntry(idle.id(), CloseReason.EXPIRED);
        assertThat(held.connection().closed).isFalse();
        assertThat(held.isStale()).isTrue();
        assertThat(pool.stats().staleConnections()).isEqualTo(1);

        FakeConnection heldRaw = held.connection();
        held.close();
        eventually(() -> assertThat(heldRaw.closed).isTrue());
        assertThat(events.closeReasons).containsEntry(held.id(), CloseReason.EXPIRED);
    }

    @Test
    void anExpiredConnectionIsNeverLentEvenBeforeHousekeepingRuns() {
        ConnectionPool<FakeConnection> pool = pool(config().maxLifetime(Duration.ofMinutes(1)).idleTimeout(Duration.ZERO));
        pool.acquire().close();
        clock.advance(Duration.ofMinutes(2));

        try (PooledConnection<FakeConnection> c = pool.acquire()) {
            assertThat(c.id()).isEqualTo(2);
        }
        assertThat(events.closeReasons).containsEntry(1L, CloseReason.EXPIRED);
    }

    @Test
    void lifetimesAreJitteredButNeverLongerThanMaxLifetime() {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(20).maxLifetime(Duration.ofMinutes(10)).idleTimeout(Duration.ZERO));
        List<PooledConnection<FakeConnection>> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(pool.acquire());
        }
        all.forEach(PooledConnection::close);

        clock.advance(Duration.ofMinutes(10).minus(Duration.ofSeconds(16))); // 97.5% of 10 minutes is 9m45s
        pool.housekeep();
        assertThat(events.count("connectionClosed")).isZero();

        clock.advance(Duration.ofSeconds(16));
        pool.housekeep();
        eventually(() -> assertThat(events.count("connectionClosed")).isEqualTo(20));
    }

    @Test
    void idleConnectionsAboveMinSizeAreRetiredAfterIdleTimeout() {
        ConnectionPool<FakeConnection> pool = pool(config().minSize(1).maxSize(5).idleTimeout(Duration.ofMinutes(1)));
        List<PooledConnection<FakeConnection>> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add(pool.acquire());
        }
        PooledConnection<FakeConnection> held = four.remove(0);
        four.forEach(PooledConnection::close);
        clock.advance(Duration.ofMinutes(2));

        pool.housekeep();

        eventually(() -> assertThat(events.closeReasons.values()).filteredOn(r -> r == CloseReason.IDLE).hasSize(3));
        // Down to minSize, and the borrowed connection was never touched.
        assertThat(pool.stats().total()).isEqualTo(1);
        assertThat(held.connection().closed).isFalse();
        held.close();
    }

    @Test
    void idleRetirementNeverGoesBelowMinSize() {
        ConnectionPool<FakeConnection> pool = pool(config().minSize(3).maxSize(5).idleTimeout(Duration.ofMinutes(1)));
        eventually(() -> assertThat(pool.stats().available()).isEqualTo(3));
        clock.advance(Duration.ofMinutes(5));

        pool.housekeep();

        assertThat(events.count("connectionClosed")).isZero();
        assertThat(pool.stats().total()).isEqualTo(3);
    }

    @Test
    void minSizeIsRefilledInTheBackgroundAfterConnectionsDie() {
        ConnectionPool<FakeConnection> pool = pool(config().minSize(3).maxSize(5));
        eventually(() -> assertThat(pool.stats().available()).isEqualTo(3));

        PooledConnection<FakeConnection> a = pool.acquire();
        PooledConnection<FakeConnection> b = pool.acquire();
        a.markBroken(null);
        b.markBroken(null);
        a.close();
        b.close();

        eventually(() -> {
            assertThat(pool.stats().total()).isEqualTo(3);
            assertThat(backend.opened).hasValue(5);
        });
    }

    @Test
    void minSizeIsRefilledAfterAFailedOpenOnceTheBackendAnswers() {
        backend.failAllOpens = new IllegalStateException("refused");
        ConnectionPool<FakeConnection> pool = pool(config().minSize(2).probeInterval(Duration.ofMillis(20)));
        eventually(() -> assertThat(backend.openAttempts.get()).isPositive());

        backend.failAllOpens = null;

        eventually(() -> assertThat(pool.stats().available()).isEqualTo(2));
    }

    @Test
    void validationOnBorrowIsSkippedForAConnectionUsedInTheLast500Ms() {
        ConnectionPool<FakeConnection> pool = pool(config().validateOnBorrow(true));
        pool.acquire().close();
        pool.acquire().close();

        assertThat(backend.validations).hasValue(0);

        clock.advance(Duration.ofSeconds(1));
        pool.acquire().close();
        assertThat(backend.validations).hasValue(1);
    }

    @Test
    void aConnectionThatFailsValidationOnBorrowIsClosedAndAnotherLent() {
        ConnectionPool<FakeConnection> pool = pool(config());
        PooledConnection<FakeConnection> first = pool.acquire();
        FakeConnection bad = first.connection();
        first.close();
        bad.valid = false;
        clock.advance(Duration.ofSeconds(1));

        try (PooledConnection<FakeConnection> c = pool.acquire()) {
            assertThat(c.connection()).isNotSameAs(bad);
        }
        eventually(() -> assertThat(bad.closed).isTrue());
        assertThat(pool.stats().validationFailures()).isEqualTo(1);
        assertThat(events.count("validationFailed")).isEqualTo(1);
    }

    @Test
    void validationOnBorrowCanBeTurnedOff() {
        ConnectionPool<FakeConnection> pool = pool(config().validateOnBorrow(false));
        PooledConnection<FakeConnection> first = pool.acquire();
        FakeConnection raw = first.connection();
        first.close();
        raw.valid = false;
        clock.advance(Duration.ofSeconds(1));

        try (PooledConnection<FakeConnection> c = pool.acquire()) {
            assertThat(c.connection()).isSameAs(raw);
        }
        assertThat(backend.validations).hasValue(0);
    }

    @Test
    void testOnReturnClosesAConnectionThatFailsOnTheWayBack() {
        ConnectionPool<FakeConnection> pool = pool(config().testOnReturn(true));
        PooledConnection<FakeConnection> c = pool.acquire();
        FakeConnection raw = c.connection();
        raw.valid = false;

        c.close();

        eventually(() -> assertThat(raw.closed).isTrue());
        assertThat(events.closeReasons).containsEntry(c.id(), CloseReason.ERROR);
        assertThat(pool.stats().total()).isZero();
    }

    @Test
    void keepaliveValidatesIdleConnectionsAndRetiresDeadOnes() {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(2).keepaliveInterval(Duration.ofSeconds(30)));
        PooledConnection<FakeConnection> a = pool.acquire();
        PooledConnection<FakeConnection> b = pool.acquire();
        FakeConnection dead = b.connection();
        a.close();
        b.close();
        dead.valid = false;
        clock.advance(Duration.ofMinutes(1));

        pool.housekeep();

        eventually(() -> assertThat(dead.closed).isTrue());
        assertThat(backend.validations).hasValue(2);
        assertThat(pool.stats().total()).isEqualTo(1);
        // Kept alive, but keepalive is not use: the next pass within the interval validates nothing.
        eventually(() -> assertThat(pool.stats().available()).isEqualTo(1));
        pool.housekeep();
        assertThat(backend.validations).hasValue(2);
    }

    @Test
    void leakDetectionReportsTheBorrowersStackOnce() {
        ConnectionPool<FakeConnection> pool = pool(config().leakDetectionThreshold(Duration.ofSeconds(2)));
        PooledConnection<FakeConnection> leaked = borrowAndForget(pool);
        clock.advance(Duration.ofSeconds(3));

        pool.housekeep();
        pool.housekeep();

        assertThat(events.count("leakDetected")).isEqualTo(1);
        assertThat(pool.stats().leaks()).isEqualTo(1);
        StackTraceElement[] stack = events.leakStacks.get(0).getStackTrace();
        assertThat(stack).anyMatch(frame -> frame.getMethodName().equals("borrowAndForget"));
        leaked.close();
    }

    @Test
    void aConnectionReturnedInTimeIsNotReportedAsALeak() {
        ConnectionPool<FakeConnection> pool = pool(config().leakDetectionThreshold(Duration.ofSeconds(2)));
        borrowAndForget(pool).close();
        PooledConnection<FakeConnection> again = pool.acquire();
        clock.advance(Duration.ofSeconds(1));

        pool.housekeep();

        assertThat(events.count("leakDetected")).isZero();
        again.close();
    }

    private static PooledConnection<FakeConnection> borrowAndForget(ConnectionPool<FakeConnection> pool) {
        return pool.acquire();
    }

    @Test
    void maxConnectingIsNeverExceeded() {
        Semaphore gate = new Semaphore(0);
        backend.openGate = gate;
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(10).maxConnecting(3).acquireTimeout(Duration.ofMinutes(1)));
        List<CompletableFuture<PooledConnection<FakeConnection>>> callers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            callers.add(pool.acquireAsync().toCompletableFuture());
        }
        eventually(() -> assertThat(backend.openingNow).hasValue(3));
        assertThat(pool.stats().opening()).isEqualTo(3);

        gate.release(10);

        callers.forEach(f -> eventually(() -> assertThat(f).isCompleted()));
        assertThat(backend.maxOpeningAtOnce).hasValue(3);
        assertThat(backend.opened).hasValue(10);
        callers.forEach(f -> f.join().close());
    }

    @Test
    void theOpenCountNeverExceedsMaxSize() {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(4).maxConnecting(4).acquireTimeout(Duration.ofMinutes(1)));
        List<CompletableFuture<PooledConnection<FakeConnection>>> callers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            callers.add(pool.acquireAsync().toCompletableFuture());
        }
        eventually(() -> assertThat(pool.stats().active()).isEqualTo(4));
        assertThat(pool.stats().pending()).isEqualTo(16);
        callers.forEach(f -> f.thenAccept(PooledConnection::close));

        callers.forEach(f -> eventually(() -> assertThat(f).isCompleted()));
        assertThat(backend.maxOpenAtOnce).hasValue(4);
        assertThat(backend.opened).hasValue(4);
    }
}
