package io.earnorm.ra.jmx;

import io.earnorm.ra.api.pool.ObservedPool;
import io.earnorm.ra.api.pool.PoolRegistry;

import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one {@link io.earnorm.ra.api.pool.PoolMXBean} registered per open pool of a registry:
 * registered when the pool opens, unregistered when it closes, all unregistered by {@link #close()}.
 * Pools that share a name get an {@code instance} key of their own.
 */
public final class JmxExporter implements PoolRegistry.Listener, AutoCloseable {

    public static final String DOMAIN = "io.earnorm.ra";

    private static final System.Logger LOG = System.getLogger(JmxExporter.class.getName());

    private final PoolRegistry registry;
    private final MBeanServer server;
    private final Map<ObservedPool, ObjectName> registered = new ConcurrentHashMap<>();

    private JmxExporter(PoolRegistry registry, MBeanServer server) {
        this.registry = registry;
        this.server = server;
    }

    /** Exports every pool of {@code registry}, now and from now on, until closed. */
    public static JmxExporter start(PoolRegistry registry, MBeanServer server) {
        JmxExporter exporter = new JmxExporter(registry, server);
        registry.addListener(exporter);
        return exporter;
    }

    /** The name a pool is registered under, while it is. */
    public ObjectName nameOf(ObservedPool pool) {
        return registered.get(pool);
    }

    @Override
    public synchronized void poolAdded(ObservedPool pool) {
        if (registered.containsKey(pool)) {
            return;
        }
        for (int instance = 1; ; instance++) {
            try {
                ObjectName name = objectName(pool, instance);
                server.registerMBean(new PoolMXBeanView(pool), name);
                registered.put(pool, name);
                return;
            } catch (InstanceAlreadyExistsException taken) {
                // another pool of the same name: try the next instance number
            } catch (JMException | RuntimeException e) {
                LOG.log(Level.WARNING, "pool '" + pool.name() + "': could not register its MXBean", e);
                return;
            }
        }
    }

    @Override
    public synchronized void poolRemoved(ObservedPool pool) {
        ObjectName name = registered.remove(pool);
        if (name != null) {
            unregister(name);
        }
    }

    @Override
    public synchronized void close() {
        registry.removeListener(this);
        registered.values().forEach(this::unregister);
        registered.clear();
    }

    private void unregister(ObjectName name) {
        try {
            server.unregisterMBean(name);
        } catch (InstanceNotFoundException gone) {
            // unregistered by someone else already
        } catch (JMException e) {
            LOG.log(Level.WARNING, "could not unregister " + name, e);
        }
    }

    static ObjectName objectName(ObservedPool pool, int instance) throws JMException {
        String name = DOMAIN + ":type=Pool,backend=" + ObjectName.quote(pool.backendType()) + ",name=" + ObjectName.quote(pool.name());
        return new ObjectName(instance == 1 ? name : name + ",instance=" + instance);
    }
}
