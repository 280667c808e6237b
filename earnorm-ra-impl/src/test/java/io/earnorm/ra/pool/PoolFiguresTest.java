package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.PoolExhaustedException;
import io.earnorm.ra.api.pool.PoolStats;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The figures in stats() and in error messages count each connection once, whatever it is doing. */
class PoolFiguresTest extends PoolFixture {

    @Test
    void aConnectionBeingOpenedCountsAsOpeningAndNotYetInTotal() {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(1));
        backend.openGate = new Semaphore(0);
        CompletableFuture<PooledConnection<FakeConnection>> waiter = pool.acquireAsync().toCompletableFuture();
        eventually(() -> assertThat(backend.openingNow).hasValue(1));

        Throwable exhausted = catchThrowable(() -> pool.acquire(Duration.ZERO));

        assertThat(exhausted).isInstanceOf(PoolExhaustedException.class)
                .hasMessageContaining("total=0, inUse=0, idle=0, opening=1")
                .hasMessageContaining("maxSize=1");
        backend.openGate.release();
        waiter.join().close();
    }

    @Test
    void aNewConnectionHandedToItsWaiterIsNoLongerCountedAsOpening() {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(1));
        backend.openGate = new Semaphore(0);
        AtomicReference<PoolStats> seen = new AtomicReference<>();
        AtomicReference<Throwable> exhausted = new AtomicReference<>();
        // The pool completes an async waiter on the thread that hands the new connection over, so
        // this runs at the moment of the hand-off, when the open has not yet been wound up.
        CompletableFuture<PooledConnection<FakeConnection>> served = pool.acquireAsync().toCompletableFuture()
                .thenApply(c -> {
                    seen.set(pool.stats());
                    exhausted.set(catchThrowable(() -> pool.acquire(Duration.ZERO)));
                    return c;
                });
        eventually(() -> assertThat(backend.openingNow).hasValue(1));

        backend.openGate.release();
        served.join().close();

        assertThat(seen.get().total()).isEqualTo(1);
        assertThat(seen.get().opening()).isZero();
        assertThat(exhausted.get()).isInstanceOf(PoolExhaustedException.class)
                .hasMessageContaining("total=1, inUse=1, idle=0, opening=0")
                .hasMessageContaining("maxSize=1");
    }
}
