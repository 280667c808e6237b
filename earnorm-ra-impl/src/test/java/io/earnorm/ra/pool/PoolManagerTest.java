package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.ConnectionOpenException;
import io.earnorm.ra.api.pool.PoolState;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PoolManagerTest {

    private final FakeBackend backend = new FakeBackend();
    private final PoolManager manager = new PoolManager();

    private Pool<?> fakePool(String name, Map<String, ?> options) {
        return new ConnectionPool<>(name, backend, PoolConfig.fromMap(options));
    }

    @Test
    void createsInitialisesFindsAndClosesNamedPools() {
        manager.registerPoolType("fake", this::fakePool);

        Pool<?> users = manager.createPool("fake", "users", Map.of("min_size", 2, "max_size", 5));
        Pool<?> orders = manager.createPool("fake", "orders", Map.of());

        assertThat(users.size()).isEqualTo(2);
        assertThat(users.config().maxSize()).isEqualTo(5);
        assertThat(manager.getPool("users")).containsSame(users);
        assertThat(manager.getPool("missing")).isEmpty();
        assertThat(manager.poolNames()).containsExactly("users", "orders");

        manager.closeAll();

        assertThat(users.state()).isEqualTo(PoolState.CLOSED);
        assertThat(orders.state()).isEqualTo(PoolState.CLOSED);
        assertThat(manager.poolNames()).isEmpty();
    }

    @Test
    void unnamedPoolsGetTheirTypeAndANumber() {
        manager.registerPoolType("fake", this::fakePool);

        assertThat(manager.createPool("fake", Map.of()).name()).isEqualTo("fake-1");
        assertThat(manager.createPool("fake", Map.of()).name()).isEqualTo("fake-2");
        manager.closeAll();
    }

    @Test
    void refusesAnUnknownTypeAndATakenName() {
        manager.registerPoolType("fake", this::fakePool);
        manager.createPool("fake", "users", Map.of());

        assertThatThrownBy(() -> manager.createPool("cassandra", "x", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown pool type 'cassandra'; registered types: [fake]");
        assertThatThrownBy(() -> manager.createPool("fake", "users", Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a pool named 'users' already exists");
        manager.closeAll();
    }

    @Test
    void aPoolThatCannotInitialiseIsClosedAndNotRegistered() {
        manager.registerPoolType("fake", this::fakePool);
        backend.failAllOpens = new IllegalStateException("no route to host");

        assertThatThrownBy(() -> manager.createPool("fake", "users", Map.of()))
                .isInstanceOf(ConnectionOpenException.class)
                .hasMessageContaining("no route to host");

        assertThat(manager.getPool("users")).isEmpty();
        backend.failAllOpens = null;
        assertThat(manager.createPool("fake", "users", Map.of()).state()).isEqualTo(PoolState.READY);
        manager.closeAll();
    }

    @Test
    void closeAllClosesEveryPoolEvenWhenSomeFailThenReportsThemAll() {
        manager.registerPoolType("fake", this::fakePool);
        manager.registerPoolType("broken", (name, options) -> new BrokenOnClose(fakePool(name, options)));
        Pool<?> first = manager.createPool("broken", "first", Map.of());
        Pool<?> good = manager.createPool("fake", "good", Map.of());
        Pool<?> third = manager.createPool("broken", "third", Map.of());

        PoolManager.PoolCloseException failure = catchThrowableOfType(PoolManager.PoolCloseException.class, manager::closeAll);

        assertThat(good.state()).isEqualTo(PoolState.CLOSED);
        assertThat(first.state()).isEqualTo(PoolState.CLOSED);
        assertThat(third.state()).isEqualTo(PoolState.CLOSED);
        assertThat(failure.failedPools()).containsExactly("first", "third");
        assertThat(failure.getSuppressed()).hasSize(2);
        assertThat(failure).hasMessage("2 pool(s) failed to close: [first, third]");
    }

    /** A pool whose close closes the pool and then throws, as a driver failing on close would. */
    private record BrokenOnClose(Pool<?> delegate) implements Pool<AutoCloseable> {
        @Override public String name() { return delegate.name(); }
        @Override public String backendType() { return delegate.backendType(); }
        @Override public PoolConfig config() { return delegate.config(); }
        @Override public PoolState state() { return delegate.state(); }
        @Override public void init() { delegate.init(); }
        @Override public AutoCloseable acquire() { return delegate.acquire(); }
        @Override public AutoCloseable acquire(java.time.Duration t) { return delegate.acquire(t); }
        @Override public java.util.concurrent.CompletionStage<AutoCloseable> acquireAsync() { throw new UnsupportedOperationException(); }
        @Override public java.util.concurrent.CompletionStage<AutoCloseable> acquireAsync(java.time.Duration t) { throw new UnsupportedOperationException(); }
        @Override public void release(AutoCloseable c) { throw new UnsupportedOperationException(); }
        @Override public io.earnorm.ra.api.pool.PoolStats stats() { return delegate.stats(); }
        @Override public void clear() { delegate.clear(); }
        @Override public void ready() { delegate.ready(); }
        @Override public void addListener(io.earnorm.ra.api.pool.PoolListener l) { delegate.addListener(l); }
        @Override public void removeListener(io.earnorm.ra.api.pool.PoolListener l) { delegate.removeListener(l); }
        @Override public void close() {
            delegate.close();
            throw new IllegalStateException("close of " + name() + " failed");
        }
    }
}
