package io.earnorm.ra.backend;

import io.earnorm.ra.api.EarnormConnection;
import io.earnorm.ra.api.pool.IllegalReleaseException;
import io.earnorm.ra.api.pool.PoolListener;
import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.api.pool.PoolStats;
import io.earnorm.ra.pool.Backend;
import io.earnorm.ra.pool.ConnectionPool;
import io.earnorm.ra.pool.Pool;
import io.earnorm.ra.pool.PoolConfig;
import io.earnorm.ra.pool.PooledConnection;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The base of the plain-Java pools ({@code MongoPool}, {@code RedisPool}, {@code PostgresPool}):
 * the seed's pool protocol over one {@link ConnectionPool}, handing out the backend's connection
 * handles instead of raw leases.
 *
 * @param <H> the handle applications get
 * @param <C> the physical connection
 */
public abstract class BackendPool<H extends EarnormConnection, C> implements Pool<H> {

    private final ConnectionPool<C> pool;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile StartupReport.Findings startupFindings;

    protected BackendPool(String name, Backend<C> backend, PoolConfig config) {
        this.pool = new ConnectionPool<>(name, backend, config);
        // The core starts paused; a plain-Java pool is ready from its constructor, as the README's
        // examples use it: connections open on demand, init() proves the backend answers.
        pool.ready();
    }

    /** Wraps a new lease in the backend's handle. */
    protected abstract H wrap(PooledConnection<C> lease);

    /** The pool core under this pool, for the adapter and for tests. */
    public ConnectionPool<C> core() {
        return pool;
    }

    @Override
    public String name() {
        return pool.name();
    }

    @Override
    public String backendType() {
        return pool.backendType();
    }

    @Override
    public PoolConfig config() {
        return pool.config();
    }

    @Override
    public PoolState state() {
        return pool.state();
    }

    /**
     * Opens {@code minSize} connections (at least one) and reports, through one of them, what the
     * pool connected to, warning when maxSize x instances exceeds what the server accepts.
     */
    @Override
    public void init() {
        pool.init();
        try (PooledConnection<C> one = pool.acquire()) {
            startupFindings = StartupReport.run(pool.name(), pool.backend(), one.connection(), pool.config());
        }
    }

    /** What the start-up report found at the last {@link #init()}, or {@code null} before it. */
    public StartupReport.Findings startupFindings() {
        return startupFindings;
    }

    @Override
    public H acquire() {
        return wrap(pool.acquire());
    }

    @Override
    public H acquire(Duration timeout) {
        return wrap(pool.acquire(timeout));
    }

    @Override
    public CompletionStage<H> acquireAsync() {
        return pool.acquireAsync().thenApply(this::wrap);
    }

    @Override
    public CompletionStage<H> acquireAsync(Duration timeout) {
        return pool.acquireAsync(timeout).thenApply(this::wrap);
    }

    @Override
    public void release(H connection) {
        if (connection instanceof PooledHandle<?> handle && handle.lease() instanceof PooledConnection<?> lease && pool.owns(lease)) {
            connection.close();
            return;
        }
        throw new IllegalReleaseException(pool.name(), "connection " + connection + " does not belong to this pool; release it to its own pool");
    }

    @Override
    public PoolStats stats() {
        return pool.stats();
    }

    @Override
    public void clear() {
        pool.clear();
    }

    @Override
    public void ready() {
        pool.ready();
    }

    @Override
    public void addListener(PoolListener listener) {
        pool.addListener(listener);
    }

    @Override
    public void removeListener(PoolListener listener) {
        pool.removeListener(listener);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            pool.close();
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + pool + "]";
    }
}
