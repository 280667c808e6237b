package io.earnorm.ra.api.pool;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The pools that are open in this class loader's world: in an application server, every pool of
 * the deployed resource adapter (the API classes come from the RAR, which all applications share);
 * in plain Java, every pool created. Pools add themselves when they open and remove themselves
 * when they close. Monitoring reads it ({@code earnorm-ra-microprofile}, the JMX beans, the sample
 * application's pool page); it holds no lock while it calls a listener.
 */
public final class PoolRegistry {

    private static final PoolRegistry GLOBAL = new PoolRegistry();

    private final List<ObservedPool> pools = new CopyOnWriteArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** The registry the adapter's pools and the plain-Java pools add themselves to. */
    public static PoolRegistry global() {
        return GLOBAL;
    }

    /** A registry of one's own (tests). */
    public PoolRegistry() {
    }

    /** Adds a pool; adding one twice is a no-op. */
    public void register(ObservedPool pool) {
        Objects.requireNonNull(pool, "pool");
        if (pools.contains(pool)) {
            return;
        }
        pools.add(pool);
        listeners.forEach(l -> l.poolAdded(pool));
    }

    /** Removes a pool; removing one that is not there is a no-op. */
    public void unregister(ObservedPool pool) {
        if (pools.remove(pool)) {
            listeners.forEach(l -> l.poolRemoved(pool));
        }
    }

    /** The pools registered now, by name. */
    public List<ObservedPool> pools() {
        return pools.stream().sorted(Comparator.comparing(ObservedPool::name)).toList();
    }

    /** The pool of this name, if one is registered. */
    public Optional<ObservedPool> pool(String name) {
        return pools.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Tells {@code listener} of every pool registered from now on and, at once, of every pool
     * registered already.
     */
    public void addListener(Listener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        pools.forEach(listener::poolAdded);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** Told when a pool opens and when it closes. */
    public interface Listener {

        void poolAdded(ObservedPool pool);

        void poolRemoved(ObservedPool pool);
    }
}
