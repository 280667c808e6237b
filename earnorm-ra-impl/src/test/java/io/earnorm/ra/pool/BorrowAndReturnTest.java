package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.CloseReason;
import io.earnorm.ra.api.pool.ConnectionClosedException;
import io.earnorm.ra.api.pool.IllegalReleaseException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BorrowAndReturnTest extends PoolFixture {

    @Test
    void closingABorrowedConnectionReturnsItForTheNextBorrower() {
        ConnectionPool<FakeConnection> pool = pool(config());

        FakeConnection first;
        try (PooledConnection<FakeConnection> c = pool.acquire()) {
            first = c.connection();
            assertThat(pool.stats().active()).isEqualTo(1);
        }
        assertThat(pool.stats().active()).isZero();
        assertThat(pool.stats().available()).isEqualTo(1);
        try (PooledConnection<FakeConnection> c = pool.acquire()) {
            assertThat(c.connection()).isSameAs(first);
        }
        assertThat(backend.opened).hasValue(1);
    }

    @Test
    void connectionIdsIncreaseFromOneWithinAPool() {
        ConnectionPool<FakeConnection> pool = pool(config());
        PooledConnection<FakeConnection> a = pool.acquire();
        PooledConnection<FakeConnection> b = pool.acquire();
        PooledConnection<FakeConnection> c = pool.acquire();

        assertThat(List.of(a.id(), b.id(), c.id())).containsExactlyInAnyOrder(1L, 2L, 3L);
        a.close();
        b.close();
        c.close();
    }

    @Test
    void aReleasedHandleRefusesEveryCall() {
        ConnectionPool<FakeConnection> pool = pool(config());
        PooledConnection<FakeConnection> c = pool.acquire();
        c.close();

        assertThat(c.isReleased()).isTrue();
        assertThatThrownBy(c::connection)
                .isInstanceOf(ConnectionClosedException.class)
                .hasMessageContaining("connection #1")
                .hasMessageContaining("released");
        assertThatThrownBy(c::ping).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(() -> c.markBroken(null)).isInstanceOf(ConnectionClosedException.class);
    }

    @Test
    void releasingTwiceIsRefused() {
        ConnectionPool<FakeConnection> pool = pool(config());
        PooledConnection<FakeConnection> c = pool.acquire();
        c.close();

        assertThatThrownBy(c::close)
                .isInstanceOf(IllegalReleaseException.class)
                .hasMessageContaining("pool 'test'")
                .hasMessageContaining("connection #1 was already released");
        assertThat(pool.stats().available()).isEqualTo(1);
    }

    @Test
    void aStaleReleaseNeverReachesTheNextBorrowerOfTheSameConnection() {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(1));
        PooledConnection<FakeConnection> first = pool.acquire();
        first.close();
        PooledConnection<FakeConnection> second = pool.acquire();
        assertThat(second.id()).isEqualTo(first.id());

        assertThatThrownBy(first::close).isInstanceOf(IllegalReleaseException.class);
        assertThatThrownBy(() -> pool.release(first)).isInstanceOf(IllegalReleaseException.class);

        // The second borrower still holds it, and nobody else can get it.
        assertThat(second.isReleased()).isFalse();
        assertThat(second.connection()).isNotNull();
        assertThat(pool.stats().active()).isEqualTo(1);
        assertThatThrownBy(() -> pool.acquire(java.time.Duration.ZERO))
                .isInstanceOf(io.earnorm.ra.api.pool.PoolExhaustedException.class);
        second.close();
    }

    @Test
    void releasingToAnotherPoolIsRefusedAndTheConnectionStaysBorrowed() {
        ConnectionPool<FakeConnection> mine = pool("mine", config());
        ConnectionPool<FakeConnection> other = pool("other", config());
        PooledConnection<FakeConnection> c = mine.acquire();

        assertThatThrownBy(() -> other.release(c))
                .isInstanceOf(IllegalReleaseException.class)
                .hasMessageContaining("pool 'other'")
                .hasMessageContaining("belongs to pool 'mine'");
        assertThat(c.isReleased()).isFalse();
        assertThat(mine.stats().active()).isEqualTo(1);

        mine.release(c);
        assertThat(mine.stats().available()).isEqualTo(1);
    }

    @Test
    void everyReturnResetsTheConnectionForTheNextBorrower() {
        ConnectionPool<FakeConnection> pool = pool(config());
        FakeConnection raw;
        try (PooledConnection<FakeConnection> c = pool.acquire()) {
            raw = c.connection();
        }
        try (PooledConnection<FakeConnection> c = pool.acquire()) {
            assertThat(c.connection()).isSameAs(raw);
        }
        assertThat(raw.resets).isEqualTo(2);
    }

    @Test
    void aConnectionThatCannotBeResetIsClosedInsteadOfReused() {
        ConnectionPool<FakeConnection> pool = pool(config());
        backend.resetFails = true;
        PooledConnection<FakeConnection> c = pool.acquire();
        FakeConnection raw = c.connection();
        c.close();

        eventually(() -> assertThat(raw.closed).isTrue());
        assertThat(events.closeReasons).containsEntry(1L, CloseReason.ERROR);
        assertThat(pool.stats().total()).isZero();
    }

    @Test
    void aConnectionMarkedBrokenIsClosedOnReturn() {
        ConnectionPool<FakeConnection> pool = pool(config());
        PooledConnection<FakeConnection> c = pool.acquire();
        FakeConnection raw = c.connection();
        c.markBroken(new IllegalStateException("socket reset"));
        assertThat(c.isStale()).isTrue();
        c.close();

        eventually(() -> assertThat(raw.closed).isTrue());
        assertThat(events.closeReasons).containsEntry(1L, CloseReason.ERROR);
        try (PooledConnection<FakeConnection> next = pool.acquire()) {
            assertThat(next.connection()).isNotSameAs(raw);
        }
    }

    @Test
    void eventsOfOneBorrowComeInOrder() {
        ConnectionPool<FakeConnection> pool = pool(config());
        pool.acquire().close();

        assertThat(events.log).containsSubsequence(
                "poolCreated", "poolReady", "checkOutStarted", "connectionCreated 1", "connectionReady 1", "checkedOut 1", "checkedIn 1");
        pool.close();
        eventually(() -> assertThat(events.log).containsSubsequence("checkedIn 1", "connectionClosed 1 POOL_CLOSED", "poolClosed"));
    }

    @Test
    void theHandleTellsTheConnectionsAgeAndUse() {
        ConnectionPool<FakeConnection> pool = pool(config());
        pool.acquire().close();
        clock.advance(java.time.Duration.ofSeconds(3));
        try (PooledConnection<FakeConnection> c = pool.acquire()) {
            assertThat(c.idleTime()).isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(3));
            assertThat(c.lifetime()).isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(3));
            assertThat(c.lastUsedAt()).isAfter(c.createdAt());
            assertThat(c.isStale()).isFalse();
            assertThat(c.ping()).isTrue();
            assertThat(c.toString()).contains("pool=test", "id=1");
        }
    }
}
