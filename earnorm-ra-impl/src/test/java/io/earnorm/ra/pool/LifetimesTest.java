package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.CloseReason;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Lifetimes at checkout (issue 12, item 2): stale, expired or idle too long means closed, never lent. */
class LifetimesTest extends PoolFixture {

    private static final long NOW = 1_000_000_000_000L;

    private static PoolEntry<Object> entry(int generation, long createdNanos, long lifetimeNanos) {
        return new PoolEntry<>(null, 1, new Object(), generation, createdNanos, 0, lifetimeNanos, null);
    }

    @Test
    void theRetirementReasonNamesStaleExpiredAndIdleInThatOrder() {
        Lifetimes rules = new Lifetimes(PoolConfig.builder().minSize(1).maxLifetime(Duration.ofMinutes(30)).idleTimeout(Duration.ofMinutes(10)).build());
        long thirtyMinutes = Duration.ofMinutes(30).toNanos();
        long elevenMinutesAgo = NOW - Duration.ofMinutes(11).toNanos();

        assertThat(rules.retirementReason(entry(0, NOW, thirtyMinutes), 1, NOW, 2)).isEqualTo(CloseReason.STALE);
        assertThat(rules.retirementReason(entry(1, NOW - thirtyMinutes, thirtyMinutes), 1, NOW, 2)).isEqualTo(CloseReason.EXPIRED);
        assertThat(rules.retirementReason(entry(1, elevenMinutesAgo, thirtyMinutes), 1, NOW, 2)).isEqualTo(CloseReason.IDLE);
        assertThat(rules.retirementReason(entry(1, elevenMinutesAgo, thirtyMinutes), 1, NOW, 1)).as("not below minSize").isNull();
        assertThat(rules.retirementReason(entry(1, NOW - 1, thirtyMinutes), 1, NOW, 2)).isNull();
    }

    @Test
    void anIdleConnectionPastIdleTimeoutIsClosedAtCheckoutNotLent() {
        ConnectionPool<FakeConnection> pool = pool(config().idleTimeout(Duration.ofSeconds(4)));
        pool.acquire().close();
        clock.advance(Duration.ofMillis(4_400));

        try (PooledConnection<FakeConnection> c = pool.acquire()) {
            assertThat(c.id()).isEqualTo(2);
        }
        assertThat(events.closeReasons).containsEntry(1L, CloseReason.IDLE);
    }

    @Test
    void theBorrowerMovesOnPastEveryExpiredConnectionWithinItsOneDeadline() {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(3).maxLifetime(Duration.ofMinutes(1)).idleTimeout(Duration.ZERO));
        PooledConnection<FakeConnection> a = pool.acquire();
        PooledConnection<FakeConnection> b = pool.acquire();
        PooledConnection<FakeConnection> c = pool.acquire();
        a.close();
        b.close();
        c.close();
        clock.advance(Duration.ofMinutes(2));

        try (PooledConnection<FakeConnection> fresh = pool.acquire()) {
            assertThat(fresh.id()).isEqualTo(4);
        }
        assertThat(events.closeReasons).containsEntry(1L, CloseReason.EXPIRED).containsEntry(2L, CloseReason.EXPIRED)
                .containsEntry(3L, CloseReason.EXPIRED);
    }
}
