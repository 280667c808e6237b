package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.BackendUnavailableException;
import io.earnorm.ra.api.pool.CloseReason;
import io.earnorm.ra.api.pool.ConnectionClosedException;
import io.earnorm.ra.api.pool.PoolListener;
import io.earnorm.ra.api.pool.PoolNotReadyException;
import io.earnorm.ra.api.pool.PoolState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The pool's states and the order of its events, as the MongoDB CMAP specification has them (issue 12, item 3). */
class StatesAndEventsTest extends PoolFixture {

    @Test
    void aPoolStartsPausedAndAnAcquireBeforeInitFailsAtOnceNamingInit() {
        ConnectionPool<FakeConnection> pool = pausedPool("paused", config().minSize(2).acquireTimeout(Duration.ofMinutes(5)));
        pool.housekeep();

        assertThat(pool.state()).isEqualTo(PoolState.PAUSED);
        assertThatThrownBy(pool::acquire).isInstanceOf(PoolNotReadyException.class).hasMessageContaining("init()");
        Throwable async = catchThrowable(() -> pool.acquireAsync().toCompletableFuture().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
        assertThat(async).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(PoolNotReadyException.class);
        assertThat(backend.openAttempts.get()).as("a paused pool fills nothing").isZero();
        assertThat(events.count("poolReady")).isZero();
    }

    @Test
    void initMakesThePoolReadyThenFillsMinSize() {
        ConnectionPool<FakeConnection> pool = pausedPool("init", config().minSize(2));

        pool.init();

        assertThat(pool.state()).isEqualTo(PoolState.READY);
        assertThat(pool.size()).isEqualTo(2);
        assertThat(events.log.indexOf("poolReady")).isGreaterThan(events.log.indexOf("poolCreated"))
                .isLessThan(events.log.indexOf("connectionCreated 1"));
        assertThat(events.count("poolReady")).isEqualTo(1);
    }

    @Test
    void clearingAPausedPoolChangesNothingAndEmitsNothing() {
        ConnectionPool<FakeConnection> never = pausedPool("never-ready", config());
        never.clear();
        assertThat(events.count("poolCleared")).isZero();
        assertThatThrownBy(never::acquire).isInstanceOf(PoolNotReadyException.class);

        ConnectionPool<FakeConnection> pool = pool(config().probeInterval(Duration.ofHours(1)));
        pool.acquire().close();
        pool.clear(new FakeBackend.ServerDown("first"));
        pool.clear(new FakeBackend.ServerDown("second"));
        pool.clear();

        assertThat(events.count("poolCleared")).isEqualTo(1);
        assertThat(pool.pauseCause()).hasMessage("first");
        pool.ready();
        pool.clear();
        // The repeated clears bumped no generation: the next clear after ready retires generation 1.
        assertThat(events.log).containsSubsequence("poolCleared 0", "poolReady", "poolCleared 1");
    }

    @Test
    void clearWithInterruptInUseClosesInUseConnectionsOfTheOldGeneration() {
        ConnectionPool<FakeConnection> pool = pool(config().probeInterval(Duration.ofHours(1)));
        PooledConnection<FakeConnection> held = pool.acquire();
        FakeConnection raw = held.connection();

        pool.clear(new FakeBackend.ServerDown("gone"), true);

        assertThat(events.closeReasons).as("reported closed when marked closed").containsEntry(held.id(), CloseReason.STALE);
        assertThatThrownBy(held::connection).isInstanceOf(ConnectionClosedException.class).hasMessageContaining("cleared");
        assertThat(held.isReleased()).isTrue();
        held.close(); // the holder's close after the interrupt is quiet
        eventually(() -> assertThat(raw.closed).isTrue());
        assertThat(pool.stats().total()).isZero();
        assertThat(events.count("connectionClosed")).isEqualTo(1);
    }

    @Test
    void clearWithoutInterruptLeavesInUseConnectionsToTheirHolders() {
        ConnectionPool<FakeConnection> pool = pool(config().probeInterval(Duration.ofHours(1)));
        PooledConnection<FakeConnection> held = pool.acquire();

        pool.clear();

        assertThat(held.connection().closed).isFalse();
        assertThat(events.closeReasons).doesNotContainKey(held.id());
        held.close();
        assertThat(events.closeReasons).containsEntry(held.id(), CloseReason.STALE);
    }

    @Test
    void clearWithInterruptInUseAbandonsConnectionsBeingOpened() throws Exception {
        ConnectionPool<FakeConnection> pool = pool(config().probeInterval(Duration.ofHours(1)).acquireTimeout(Duration.ofMinutes(5)));
        backend.openGate = new Semaphore(0);
        CompletableFuture<PooledConnection<FakeConnection>> waiter = pool.acquireAsync().toCompletableFuture();
        eventually(() -> assertThat(backend.openingNow.get()).isEqualTo(1));

        pool.clear(null, true);

        assertThat(events.closeReasons).as("the open in flight is reported closed at once").containsEntry(1L, CloseReason.STALE);
        assertThat(catchThrowable(() -> waiter.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)))
                .hasCauseInstanceOf(BackendUnavailableException.class);
        eventually(() -> assertThat(backend.openingNow.get()).as("the open was interrupted, not waited out").isZero());
        eventually(() -> assertThat(pool.stats().opening()).isZero());
        assertThat(backend.openCount()).isZero();
        assertThat(events.count("connectionClosed")).isEqualTo(1);
        assertThat(events.count("connectionReady")).isZero();
    }

    @Test
    void aStaleConnectionCheckedInIsReportedClosedBeforeReleaseReturns() {
        ConnectionPool<FakeConnection> pool = pool(config().probeInterval(Duration.ofHours(1)));
        PooledConnection<FakeConnection> held = pool.acquire();
        pool.clear();

        held.close();

        assertThat(events.closeReasons).containsEntry(held.id(), CloseReason.STALE);
        assertThat(events.log).containsSubsequence("poolCleared 0", "checkedIn " + held.id(), "connectionClosed " + held.id() + " STALE");
    }

    @Test
    void aFailedOpenReportsPoolClearedThenConnectionClosedError() {
        ConnectionPool<FakeConnection> pool = pool(config().probeInterval(Duration.ofHours(1)));
        backend.failAllOpens = new FakeBackend.ServerDown("connection refused");

        assertThatThrownBy(pool::acquire).isInstanceOf(BackendUnavailableException.class);

        eventually(() -> assertThat(events.closeReasons).containsEntry(1L, CloseReason.ERROR));
        assertThat(events.log).containsSubsequence("connectionCreated 1", "poolCleared 0", "connectionClosed 1 ERROR");
    }

    @Test
    void poolClearedIsEmittedBeforeTheReadyThatEndsIt() {
        List<String> order = new CopyOnWriteArrayList<>();
        ConnectionPool<FakeConnection> pool = pool(config().probeInterval(Duration.ofHours(1)));
        pool.addListener(new PoolListener() {
            @Override
            public void poolCleared(String p, int generation, Throwable cause) {
                // A concurrent ready() while the clear is still being reported: it must wait for it.
                Thread ready = new Thread(pool::ready);
                ready.start();
                while (ready.getState() != Thread.State.BLOCKED && ready.isAlive()) {
                    Thread.onSpinWait();
                }
                order.add("poolCleared");
            }

            @Override
            public void poolReady(String p) {
                order.add("poolReady");
            }
        });

        pool.clear();

        eventually(() -> assertThat(order).containsExactly("poolCleared", "poolReady"));
        assertThat(pool.state()).isEqualTo(PoolState.READY);
    }
}
