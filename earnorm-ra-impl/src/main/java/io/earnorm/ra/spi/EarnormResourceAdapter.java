package io.earnorm.ra.spi;

import io.earnorm.ra.api.pool.PoolRegistry;
import io.earnorm.ra.jmx.JmxExporter;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import javax.transaction.xa.XAResource;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The resource adapter: it knows every connection definition the server deployed with it, and on
 * {@link #stop()} closes all their pools. While started, it keeps an MXBean registered per open pool. Closing never waits for borrowed connections: they are
 * closed as they come back. It has no inbound side (no message endpoints).
 */
public class EarnormResourceAdapter implements ResourceAdapter, Serializable {

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(EarnormResourceAdapter.class.getName());

    /** By identity: factories compare equal by config, yet each runs pools of its own. */
    private final transient Set<AbstractManagedConnectionFactory<?>> factories = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private transient volatile boolean started;
    private transient JmxExporter jmx;

    @Override
    public synchronized void start(BootstrapContext context) throws ResourceAdapterInternalException {
        started = true;
        jmx = JmxExporter.start(PoolRegistry.global(), ManagementFactory.getPlatformMBeanServer());
        LOG.log(Level.INFO, "EarnORM resource adapter started; its pools show in JMX under " + JmxExporter.DOMAIN + ":type=Pool");
    }

    @Override
    public synchronized void stop() {
        started = false;
        int closed = 0;
        for (AbstractManagedConnectionFactory<?> factory : managedConnectionFactories()) {
            try {
                factory.close();
                closed++;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "closing the pools of " + factory.getClass().getSimpleName() + " failed; the others are closed anyway", e);
            }
        }
        factories.clear();
        if (jmx != null) {
            jmx.close();
            jmx = null;
        }
        int count = closed;
        LOG.log(Level.INFO, () -> "EarnORM resource adapter stopped; closed the pools of " + count + " connection definition(s)");
    }

    /** True between start and stop. */
    public boolean isStarted() {
        return started;
    }

    void register(AbstractManagedConnectionFactory<?> factory) {
        factories.add(factory);
    }

    /** The connection definitions deployed with this adapter. */
    public List<AbstractManagedConnectionFactory<?>> managedConnectionFactories() {
        synchronized (factories) {
            return List.copyOf(factories);
        }
    }

    @Override
    public void endpointActivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) throws ResourceException {
        throw new jakarta.resource.NotSupportedException("the EarnORM resource adapter has no inbound messaging");
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) {
        // nothing was activated
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    // Servers compare adapters; one deployment holds one adapter.
    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
