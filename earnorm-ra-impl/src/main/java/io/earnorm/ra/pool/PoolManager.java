package io.earnorm.ra.pool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named pools of any backend, as the seed's {@code PoolManager}: register a factory per backend
 * type, create pools by type and name, look them up, close them all.
 */
public final class PoolManager implements AutoCloseable {

    private final Map<String, PoolFactory> types = new ConcurrentHashMap<>();
    private final Map<String, Pool<?>> pools = new LinkedHashMap<>();
    private final AtomicInteger unnamed = new AtomicInteger();

    /** Registers (or replaces) the factory for {@code type}. */
    public void registerPoolType(String type, PoolFactory factory) {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("a pool type needs a name (type=" + type + ")");
        }
        types.put(type, Objects.requireNonNull(factory, "factory"));
    }

    /** The registered backend types. */
    public List<String> poolTypes() {
        return List.copyOf(types.keySet());
    }

    /** As {@link #createPool(String, String, Map)} with a generated name ({@code <type>-<n>}). */
    public Pool<?> createPool(String type, Map<String, ?> options) {
        return createPool(type, null, options);
    }

    /**
     * Creates a pool of {@code type}, initialises it ({@link Pool#init()}: a wrong address or
     * password fails here) and registers it under {@code name}. A pool that fails to initialise is
     * closed and not registered.
     *
     * @param name the pool's name, or {@code null} for a generated one
     * @throws IllegalArgumentException for an unknown type
     * @throws IllegalStateException when a pool of that name exists
     */
    public Pool<?> createPool(String type, String name, Map<String, ?> options) {
        PoolFactory factory = types.get(type);
        if (factory == null) {
            throw new IllegalArgumentException("unknown pool type '" + type + "'; registered types: " + types.keySet());
        }
        String poolName = name != null ? name : type + "-" + unnamed.incrementAndGet();
        synchronized (pools) {
            if (pools.containsKey(poolName)) {
                throw new IllegalStateException("a pool named '" + poolName + "' already exists; close it first or choose another name");
            }
            // Reserve the name while the pool opens, so a second create with the same name fails fast.
            pools.put(poolName, null);
        }
        Pool<?> pool = null;
        try {
            pool = factory.create(poolName, Map.copyOf(options));
            pool.init();
        } catch (RuntimeException | Error e) {
            synchronized (pools) {
                pools.remove(poolName);
            }
            if (pool != null) {
                try {
                    pool.close();
                } catch (RuntimeException closeFailure) {
                    e.addSuppressed(closeFailure);
                }
            }
            throw e;
        }
        synchronized (pools) {
            pools.put(poolName, pool);
        }
        return pool;
    }

    /** The pool named {@code name}, if one is registered and ready to use. */
    public Optional<Pool<?>> getPool(String name) {
        synchronized (pools) {
            return Optional.ofNullable(pools.get(name));
        }
    }

    /** The names of the registered pools, in creation order. */
    public List<String> poolNames() {
        synchronized (pools) {
            List<String> names = new ArrayList<>();
            pools.forEach((n, p) -> {
                if (p != null) {
                    names.add(n);
                }
            });
            return names;
        }
    }

    /** Closes and forgets the pool named {@code name}; false when there is none. */
    public boolean closePool(String name) {
        Pool<?> pool;
        synchronized (pools) {
            pool = pools.get(name);
            if (pool == null) {
                return false;
            }
            pools.remove(name);
        }
        pool.close();
        return true;
    }

    /**
     * Closes every pool, even when some fail to close, then reports all failures at once: the
     * first as the thrown exception, the others suppressed in it.
     */
    public void closeAll() {
        List<Pool<?>> toClose;
        synchronized (pools) {
            toClose = new ArrayList<>();
            pools.values().forEach(p -> {
                if (p != null) {
                    toClose.add(p);
                }
            });
            pools.values().removeIf(Objects::nonNull);
        }
        PoolCloseException failure = null;
        for (Pool<?> pool : toClose) {
            try {
                pool.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = new PoolCloseException();
                }
                failure.add(pool.name(), e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        closeAll();
    }

    /** Some pools failed to close; each failure is a suppressed exception, and {@link #failedPools()} names them. */
    public static final class PoolCloseException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final List<String> failedPools = new ArrayList<>();

        PoolCloseException() {
            super("some pools failed to close");
        }

        void add(String pool, RuntimeException e) {
            failedPools.add(pool);
            addSuppressed(e);
        }

        public List<String> failedPools() {
            return List.copyOf(failedPools);
        }

        @Override
        public String getMessage() {
            return failedPools.size() + " pool(s) failed to close: " + failedPools;
        }
    }
}
