package io.earnorm.ra.spi;

import io.earnorm.ra.api.pool.ConnectionOpenException;
import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.api.pool.PoolListener;
import io.earnorm.ra.backend.StartupReport;
import io.earnorm.ra.pool.ConnectionPool;
import io.earnorm.ra.pool.PooledConnection;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.SecurityException;

import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The pool-core pools of one connection definition, one per credential, created on first use
 * and named after the definition's pool name (plus {@code [user]} for a user other than the
 * configured one); the listeners every one of them gets, present and future; and which of them
 * have had their start-up report logged.
 *
 * @param <C> the physical connection
 */
final class SubPools<C> {

    private static final System.Logger LOG = System.getLogger(AbstractManagedConnectionFactory.class.getName());

    private final AbstractManagedConnectionFactory<C> factory;
    private final Map<Credential, ConnectionPool<C>> pools = new ConcurrentHashMap<>();
    private final List<PoolListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<ConnectionPool<C>> reported = ConcurrentHashMap.newKeySet();

    SubPools(AbstractManagedConnectionFactory<C> factory) {
        this.factory = factory;
    }

    /** Borrows a physical connection for {@code credential} from its sub-pool; the first one of a sub-pool runs its start-up report. */
    PooledConnection<C> lease(Credential credential) throws ResourceException {
        ConnectionPool<C> pool = orRefused(credential);
        try {
            PooledConnection<C> lease = pool.acquire();
            if (reported.add(pool)) {
                StartupReport.run(pool.name(), pool.backend(), lease.connection(), pool.config());
            }
            return lease;
        } catch (ConnectionOpenException e) {
            dropIfNeverOpened(credential, pool);
            throw ResourceErrors.of(e);
        } catch (RuntimeException e) {
            throw ResourceErrors.of(e);
        }
    }

    /** The sub-pool of {@code credential}; a credential the backend's settings refuse is a security problem. */
    ConnectionPool<C> orRefused(Credential credential) throws SecurityException {
        try {
            return of(credential);
        } catch (InvalidConfigException e) {
            SecurityException refused = new SecurityException(factory.backendType() + " at " + factory.describeBackend()
                    + " cannot open connections for " + credential.user() + ": " + e.getMessage());
            refused.initCause(e);
            throw refused;
        }
    }

    /** Whether the sub-pool of {@code credential} was made. */
    boolean exists(Credential credential) {
        return pools.containsKey(credential);
    }

    /** The sub-pool of {@code credential}, created on first use. */
    ConnectionPool<C> of(Credential credential) {
        ConnectionPool<C> pool = pools.get(credential);
        if (pool != null) {
            return pool;
        }
        // Under one lock with addListener: a listener added meanwhile must not miss a pool made with the old list.
        synchronized (this) {
            return pools.computeIfAbsent(credential, this::create);
        }
    }

    private ConnectionPool<C> create(Credential credential) {
        ConnectionPool<C> created = new ConnectionPool<>(name(credential), factory.openBackend(credential), factory.poolConfig(),
                listeners.toArray(new PoolListener[0]));
        created.ready(); // pools start paused; ready() is init() without opening here (the first lease reports a failure)
        LOG.log(Level.INFO, () -> "connection definition " + factory.getClass().getSimpleName() + " opened pool '" + created.name() + "' for "
                + factory.backendType() + " at " + factory.describeBackend() + " (" + ConfigProperties.forLog(factory) + ")");
        return created;
    }

    /** The name of the sub-pool of {@code credential}: the configured pool name, or the backend and its address, plus the user when it is not the default. */
    String name(Credential credential) {
        String configured = factory.configuredPoolName();
        String base = configured != null ? configured : factory.backendType() + ":" + factory.describeBackend();
        return credential.equals(factory.configuredCredential()) ? base : base + "[" + credential.user() + "]";
    }

    /**
     * A sub-pool of a caller's credential that could not open a single connection (a wrong
     * password, most often) is closed and forgotten, so that failed logins do not pile up pools.
     */
    private void dropIfNeverOpened(Credential credential, ConnectionPool<C> pool) {
        if (!credential.equals(factory.configuredCredential()) && pool.stats().created() == 0 && pools.remove(credential, pool)) {
            pool.close();
        }
    }

    Collection<ConnectionPool<C>> all() {
        return List.copyOf(pools.values());
    }

    synchronized void addListener(PoolListener listener) {
        listeners.add(listener);
        pools.values().forEach(p -> p.addListener(listener));
    }

    /** Closes every pool (in-use connections close as they come back), each releasing its backend. Idempotent. */
    void closeAll() {
        pools.values().forEach(ConnectionPool::close);
        pools.clear();
    }
}
