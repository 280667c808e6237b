package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.AcquireInterruptedException;
import io.earnorm.ra.api.pool.AcquireTimeoutException;
import io.earnorm.ra.api.pool.CheckOutFailureReason;
import io.earnorm.ra.api.pool.PoolExhaustedException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class WaitingTest extends PoolFixture {

    @Test
    void maxSizeIsAHardCapAndANoWaitAcquireFailsAtOnceAsExhausted() {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(2));
        PooledConnection<FakeConnection> a = pool.acquire();
        PooledConnection<FakeConnection> b = pool.acquire();

        assertThatThrownBy(() -> pool.acquire(Duration.ZERO))
                .isInstanceOf(PoolExhaustedException.class)
                .hasMessageContaining("pool 'test'")
                .hasMessageContaining("total=2, inUse=2, idle=0")
                .hasMessageContaining("maxSize=2");
        assertThat(backend.opened).hasValue(2);
        assertThat(events.checkOutFailures).containsExactly(CheckOutFailureReason.TIMEOUT);
        a.close();
        b.close();
    }

    @Test
    void anAcquireThatWaitsTooLongTimesOutWithTheFigures() {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(1));
        PooledConnection<FakeConnection> held = pool.acquire();

        assertThatThrownBy(() -> pool.acquire(Duration.ofMillis(50)))
                .isInstanceOf(AcquireTimeoutException.class)
                .hasMessageContaining("timed out after")
                .hasMessageContaining("inUse=1")
                .hasMessageContaining("maxSize=1");
        assertThat(pool.stats().timeouts()).isEqualTo(1);
        assertThat(pool.stats().pending()).isZero();
        held.close();
        // The timed-out caller left nothing behind: the connection goes to the next caller.
        pool.acquire(Duration.ZERO).close();
    }

    @Test
    void waitersAreServedFirstComeFirstServed() throws Exception {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(1).acquireTimeout(Duration.ofSeconds(30)));
        PooledConnection<FakeConnection> held = pool.acquire();
        List<Integer> servedOrder = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int caller = i;
            Thread t = new Thread(() -> {
                try (PooledConnection<FakeConnection> c = pool.acquire()) {
                    servedOrder.add(caller);
                }
            });
            threads.add(t);
            t.start();
            // Caller i is in the queue before caller i+1 starts.
            eventually(() -> assertThat(pool.stats().pending()).isEqualTo(caller + 1));
        }
        held.close();
        for (Thread t : threads) {
            t.join(PATIENCE.toMillis());
        }

        assertThat(servedOrder).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void anAsyncWaiterGetsAReturnedConnectionBeforeANewcomer() {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(1));
        PooledConnection<FakeConnection> held = pool.acquire();
        CompletableFuture<PooledConnection<FakeConnection>> waiter = pool.acquireAsync().toCompletableFuture();
        eventually(() -> assertThat(pool.stats().pending()).isEqualTo(1));

        held.close();

        assertThat(waiter).isCompletedWithValueMatching(c -> c.id() == 1);
        assertThatThrownBy(() -> pool.acquire(Duration.ZERO)).isInstanceOf(PoolExhaustedException.class);
        waiter.join().close();
    }

    /**
     * The barging scenario of issue 12 (CMAP: no newer check-out is serviced before the original
     * one): maxSize 1, A holds, B waits, A releases and at once asks again; B must get it, every
     * time. On the pool before this rule, A took the connection back in most runs.
     */
    @Test
    void aReleasedConnectionGoesToTheWaiterNotToTheReleaserAskingAgain() throws Exception {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(1).acquireTimeout(Duration.ofMinutes(1)));
        for (int run = 0; run < 1_000; run++) {
            PooledConnection<FakeConnection> a = pool.acquire();
            CompletableFuture<PooledConnection<FakeConnection>> b = new CompletableFuture<>();
            Thread waiter = new Thread(() -> {
                try {
                    b.complete(pool.acquire());
                } catch (RuntimeException e) {
                    b.completeExceptionally(e);
                }
            });
            waiter.start();
            while (pool.stats().pending() == 0) {
                Thread.onSpinWait();
            }
            a.close();
            assertThatThrownBy(() -> pool.acquire(Duration.ZERO)).as("run %d: A barged ahead of the waiting B", run)
                    .isInstanceOf(PoolExhaustedException.class);
            b.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS).close();
            waiter.join();
        }
        assertThat(backend.opened.get()).isEqualTo(1);
    }

    @Test
    void aNewcomerQueuesBehindAWaiterEvenWhenItFindsAConnectionIdle() throws Exception {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(1).acquireTimeout(Duration.ofMinutes(1)));
        PooledConnection<FakeConnection> held = pool.acquire();
        CompletableFuture<PooledConnection<FakeConnection>> older = pool.acquireAsync().toCompletableFuture();
        CompletableFuture<PooledConnection<FakeConnection>> newer = pool.acquireAsync().toCompletableFuture();
        held.close();
        PooledConnection<FakeConnection> first = older.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(newer).isNotDone();
        first.close();
        newer.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS).close();
    }

    @Test
    void theAcquireTimeoutIsOneDeadlineEvenWhenValidationKeepsFailing() {
        // Five idle connections, all hung: each validation waits out its bound and fails.
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(5).validationTimeout(Duration.ofMillis(200)));
        List<PooledConnection<FakeConnection>> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(pool.acquire());
        }
        five.forEach(PooledConnection::close);
        clock.advance(Duration.ofSeconds(1));
        backend.validationHangs = true;
        backend.openGate = new Semaphore(0); // replacements never arrive

        Duration timeout = Duration.ofMillis(500);
        Throwable thrown = catchThrowable(() -> pool.acquire(timeout));

        assertThat(thrown).isInstanceOf(AcquireTimeoutException.class).hasMessageContaining("failed validations");
        // Each validation only got what was left of the one deadline: a per-attempt timeout
        // would have given 5 x 200 ms.
        Duration total = backend.validationBudgets.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(total).isLessThanOrEqualTo(timeout);
        assertThat(backend.validationBudgets).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aDroppedConnectionWakesAWaiterAtOnce() throws Exception {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(1).acquireTimeout(Duration.ofMinutes(5)));
        PooledConnection<FakeConnection> held = pool.acquire();
        CompletableFuture<PooledConnection<FakeConnection>> waiter = pool.acquireAsync().toCompletableFuture();
        eventually(() -> assertThat(pool.stats().pending()).isEqualTo(1));

        held.markBroken(new IllegalStateException("connection reset"));
        held.close();

        // Freed capacity went to the waiter as a new connection, long before its 5-minute timeout.
        PooledConnection<FakeConnection> got = waiter.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(got.id()).isEqualTo(2);
        got.close();
    }

    @Test
    void aBlockedWaiterIsWokenByADroppedConnectionToo() throws Exception {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(1).acquireTimeout(Duration.ofMinutes(5)));
        PooledConnection<FakeConnection> held = pool.acquire();
        AtomicReference<Long> gotId = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try (PooledConnection<FakeConnection> c = pool.acquire()) {
                gotId.set(c.id());
            }
        });
        waiter.start();
        eventually(() -> assertThat(pool.stats().pending()).isEqualTo(1));

        held.markBroken(null);
        held.close();
        waiter.join(PATIENCE.toMillis());

        assertThat(gotId).hasValue(2L);
    }

    @Test
    void anInterruptedWaiterGetsATypedErrorKeepsItsFlagAndLosesNoCapacity() throws Exception {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(1).acquireTimeout(Duration.ofMinutes(5)));
        PooledConnection<FakeConnection> held = pool.acquire();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                pool.acquire().close();
            } catch (RuntimeException e) {
                failure.set(e);
                flagAfter.set(Thread.currentThread().isInterrupted());
            }
        });
        waiter.start();
        eventually(() -> assertThat(pool.stats().pending()).isEqualTo(1));

        waiter.interrupt();
        waiter.join(PATIENCE.toMillis());

        assertThat(failure.get()).isInstanceOf(AcquireInterruptedException.class).hasMessageContaining("interrupted");
        assertThat(flagAfter).hasValue(true);
        assertThat(events.checkOutFailures).contains(CheckOutFailureReason.INTERRUPTED);
        assertThat(pool.stats().pending()).isZero();
        held.close();
        try (PooledConnection<FakeConnection> c = pool.acquire(Duration.ZERO)) {
            assertThat(c.id()).isEqualTo(1);
        }
    }

    @Test
    void anAsyncAcquireCompletesOnTheThreadThatHandsTheConnectionOver() throws Exception {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(1));
        PooledConnection<FakeConnection> held = pool.acquire();
        AtomicReference<Thread> completedOn = new AtomicReference<>();
        CompletableFuture<PooledConnection<FakeConnection>> waiter = pool.acquireAsync().toCompletableFuture()
                .whenComplete((c, e) -> completedOn.set(Thread.currentThread()));
        eventually(() -> assertThat(pool.stats().pending()).isEqualTo(1));

        Thread releaser = new Thread(held::close, "releaser");
        releaser.start();
        releaser.join(PATIENCE.toMillis());

        assertThat(waiter.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS).id()).isEqualTo(1);
        assertThat(completedOn.get()).isSameAs(releaser);
        waiter.get().close();
    }

    @Test
    void anAsyncAcquireTimesOutWithTheTypedError() {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(1));
        PooledConnection<FakeConnection> held = pool.acquire();

        CompletableFuture<PooledConnection<FakeConnection>> waiter = pool.acquireAsync(Duration.ofMillis(30)).toCompletableFuture();

        Throwable thrown = catchThrowable(() -> waiter.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
        assertThat(thrown).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(AcquireTimeoutException.class);
        assertThat(pool.stats().pending()).isZero();
        assertThat(pool.stats().timeouts()).isEqualTo(1);
        held.close();
    }

    @Test
    void cancellingAnAsyncAcquireWithdrawsIt() {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(1));
        PooledConnection<FakeConnection> held = pool.acquire();
        CompletableFuture<PooledConnection<FakeConnection>> waiter = pool.acquireAsync().toCompletableFuture();
        eventually(() -> assertThat(pool.stats().pending()).isEqualTo(1));

        waiter.cancel(false);

        assertThat(pool.stats().pending()).isZero();
        assertThat(events.checkOutFailures).contains(CheckOutFailureReason.CANCELLED);
        held.close();
        assertThat(pool.stats().available()).isEqualTo(1);
    }

    @Test
    void anAsyncAcquireIsServedAtOnceWhenAConnectionIsIdle() {
        ConnectionPool<FakeConnection> pool = pool(config());
        pool.acquire().close();

        CompletableFuture<PooledConnection<FakeConnection>> got = pool.acquireAsync().toCompletableFuture();

        assertThat(got).isCompleted();
        got.join().close();
    }

    @Test
    void manyAsyncWaitersNeedNoThreadEach() throws Exception {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(2).acquireTimeout(Duration.ofMinutes(1)));
        List<PooledConnection<FakeConnection>> held = List.of(pool.acquire(), pool.acquire());
        int threadsBefore = Thread.activeCount();
        List<CompletableFuture<PooledConnection<FakeConnection>>> waiters = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            waiters.add(pool.acquireAsync().toCompletableFuture());
        }

        assertThat(pool.stats().pending()).isEqualTo(500);
        assertThat(Thread.activeCount() - threadsBefore).isLessThan(10);

        // Each waiter, served in turn, passes its connection on.
        for (CompletableFuture<PooledConnection<FakeConnection>> w : waiters) {
            w.thenAccept(PooledConnection::close);
        }
        held.forEach(PooledConnection::close);
        CompletableFuture.allOf(waiters.toArray(new CompletableFuture<?>[0])).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(pool.stats().pending()).isZero();
        assertThat(pool.stats().active()).isZero();
    }
}
