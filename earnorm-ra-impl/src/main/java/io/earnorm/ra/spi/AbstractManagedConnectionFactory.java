package io.earnorm.ra.spi;

import io.earnorm.ra.api.EarnormConnection;
import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.api.pool.PoolListener;
import io.earnorm.ra.pool.Backend;
import io.earnorm.ra.pool.ConnectionPool;
import io.earnorm.ra.pool.Lease;
import io.earnorm.ra.pool.PoolConfig;
import io.earnorm.ra.pool.PooledConnection;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ManagedConnectionMetaData;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;

import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the three connection definitions share: the config properties of {@link PoolProperties}
 * (every pool option, with the pool core's defaults, the pool name, the default user and password),
 * one pool-core sub-pool per credential ({@link SubPools}), the managed connections that lease from
 * them, matching and validation for containers that keep their own pool on, and config checks that
 * name the property, the value and the rule ({@link ConfigProperties}).
 *
 * <p>A backend's factory adds its address properties and says how to open a backend for a
 * credential, how to wrap a lease in its connection handle, which connection factory to hand to the
 * application, and what transactions it supports.
 *
 * @param <C> the physical connection
 */
public abstract class AbstractManagedConnectionFactory<C> extends PoolProperties
        implements ManagedConnectionFactory, ResourceAdapterAssociation, ValidatingManagedConnectionFactory, TransactionSupport, AutoCloseable {

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(AbstractManagedConnectionFactory.class.getName());

    private transient ResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;
    private transient SubPools<C> subPools = new SubPools<>(this);

    // ------------------------------------------------------------------ what a backend provides

    /** {@code mongodb}, {@code redis} or {@code postgresql}. */
    protected abstract String backendType();

    /** Where the backend is, with secrets masked, for pool names and messages. */
    protected abstract String describeBackend();

    /** Checks the backend's own properties; throws {@link InvalidConfigException} naming the property. */
    protected abstract void validateBackend();

    /** A backend that opens physical connections authenticated as {@code credential} (never {@link Credential#NONE}). */
    protected abstract Backend<C> openBackend(Credential credential);

    /** Wraps a handle lease in the backend's connection handle. */
    protected abstract EarnormConnection newHandle(Lease<C> lease);

    /** The application-facing connection factory over {@code manager}. */
    protected abstract Object newConnectionFactory(ConnectionManager manager);

    /**
     * The transaction support of this connection definition, which overrides the one ra.xml
     * declares for the whole adapter (Connectors 1.6+): ra.xml can only say it once per adapter.
     */
    @Override
    public TransactionSupportLevel getTransactionSupport() {
        return TransactionSupportLevel.NoTransaction;
    }

    /** The local transaction of a managed connection; unsupported unless a backend says otherwise. */
    protected LocalTransaction localTransaction(EarnormManagedConnection<C> connection) throws ResourceException {
        throw EarnormManagedConnection.unsupported(backendType() + " connections do not support local transactions");
    }

    /** The XA resource of a managed connection; unsupported unless a backend says otherwise. */
    protected XAResource xaResource(EarnormManagedConnection<C> connection) throws ResourceException {
        throw EarnormManagedConnection.unsupported(backendType() + " connections do not support XA transactions");
    }

    // ------------------------------------------------------------------ ManagedConnectionFactory

    @Override
    public Object createConnectionFactory(ConnectionManager manager) throws ResourceException {
        validate();
        return newConnectionFactory(manager);
    }

    /** Without a server: the factory uses the adapter's own {@link NonManagedConnectionManager}. */
    @Override
    public Object createConnectionFactory() throws ResourceException {
        return createConnectionFactory(new NonManagedConnectionManager());
    }

    /**
     * A managed connection for the request's credential, holding no physical connection yet: it
     * borrows one from the pool core at its first {@code getConnection} (or transaction start) and
     * gives it back at {@code cleanup}. A server that keeps a pool of its own (GlassFish and Payara
     * create 8 managed connections up front) thus never holds pool-core connections for idle
     * managed connections, and the pool core's {@code maxSize} stays the one cap.
     */
    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        Credential credential = credentialOf(subject, info);
        validateBeforeFirstPool(credential);
        subPools.orRefused(credential); // a credential this definition cannot use at all is refused here, without opening anything
        return new EarnormManagedConnection<>(this, credential);
    }

    @Override
    public ManagedConnection matchManagedConnections(@SuppressWarnings("rawtypes") Set candidates, Subject subject, ConnectionRequestInfo info) throws ResourceException {
        Credential credential = credentialOf(subject, info);
        validateBeforeFirstPool(credential);
        for (Object candidate : candidates) {
            if (candidate instanceof EarnormManagedConnection<?> mc && mc.factory() == this
                    && mc.credential().equals(credential) && !mc.isInvalid()) {
                return mc;
            }
        }
        return null;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Set getInvalidConnections(Set connections) throws ResourceException {
        Set invalid = new HashSet<>();
        for (Object candidate : connections) {
            if (candidate instanceof EarnormManagedConnection<?> mc && mc.isInvalid()) {
                invalid.add(mc);
            }
        }
        return invalid;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    /**
     * Called by the server as it deploys the connection definition. The config is not checked
     * here: servers differ on when they call this (Open Liberty before it sets any config property,
     * GlassFish and Payara after), and the JavaBean setters may all come later. It is checked when
     * the connection factory is created and before the first sub-pool of each credential is made
     * ({@code createManagedConnection}, {@code matchManagedConnections}).
     */
    @Override
    public void setResourceAdapter(ResourceAdapter adapter) throws ResourceException {
        this.resourceAdapter = adapter;
        if (adapter instanceof EarnormResourceAdapter earnorm) {
            earnorm.register(this);
        }
    }

    @Override
    public synchronized void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public synchronized PrintWriter getLogWriter() {
        return logWriter;
    }

    // ------------------------------------------------------------------ pools and credentials

    /** The credential a request is for: see {@link SignOn#credentialOf}. */
    Credential credentialOf(Subject subject, ConnectionRequestInfo info) {
        return SignOn.credentialOf(subject, info, this, configuredCredential());
    }

    /** Borrows a physical connection for {@code credential} from its sub-pool. */
    PooledConnection<C> leaseFor(Credential credential) throws ResourceException {
        return subPools.lease(credential);
    }

    /** The sub-pool of one credential, created on first use. */
    public ConnectionPool<C> poolFor(Credential credential) {
        return subPools.of(credential);
    }

    /** Every sub-pool this factory runs, for monitoring. */
    public Collection<ConnectionPool<C>> pools() {
        return subPools.all();
    }

    /** Adds a listener to every sub-pool, present and future. */
    public void addPoolListener(PoolListener listener) {
        subPools.addListener(listener);
    }

    /** The name of the sub-pool of {@code credential}: the configured pool name, or the backend and its address, plus the user when it is not the default. */
    String poolName(Credential credential) {
        return subPools.name(credential);
    }

    /** Closes every sub-pool (in-use connections close as they come back), each releasing its backend. Idempotent. */
    @Override
    public void close() {
        subPools.closeAll();
    }

    /** A deserialized factory runs no pools yet: it gets its own empty set of them. */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        subPools = new SubPools<>(this);
    }

    /** Meta data for a managed connection: the backend, the configured maximum, the user. */
    ManagedConnectionMetaData metaData(Credential credential) {
        return new MetaData(backendType(), getMaxSize() == null ? PoolConfig.DEFAULTS.maxSize() : getMaxSize(), credential.user());
    }

    // ------------------------------------------------------------------ config checks

    /**
     * The config is checked before the sub-pool of a credential is made from it; once that pool
     * exists it runs on what was checked. Checking on every call parsed every duration and the
     * address again: with the server's connector pool off (a managed connection per
     * getConnection), on every getConnection.
     */
    private void validateBeforeFirstPool(Credential credential) throws InvalidPropertyException {
        if (!subPools.exists(credential)) {
            validate();
        }
    }

    /**
     * Checks every config property: the pool options by the pool core's rules, then the backend's
     * own. A wrong value is an {@link InvalidPropertyException} naming the property, the value and
     * the rule, for example {@code maxSize=-1 is invalid: maxSize must be >= 1 (maxSize=-1)}.
     */
    public void validate() throws InvalidPropertyException {
        try {
            poolConfig();
            validateBackend();
        } catch (InvalidConfigException e) {
            InvalidPropertyException invalid = ConfigProperties.invalid(this, e);
            LOG.log(Level.ERROR, invalid.getMessage());
            throw invalid;
        }
    }

    /**
     * The defaults a backend applies in code to config properties left unset (null), by property
     * name: those that ra.xml cannot carry as a config-property-value, such as an address
     * ({@code redis://...}), which Open Liberty rewrites like a path ({@code redis:/...}). ra.xml
     * declares no value for them and its description names the default; RaXmlTest keeps them equal.
     */
    public Map<String, String> defaultsAppliedInCode() {
        return Map.of();
    }

    /**
     * Every config property by name, read through the JavaBean getters, as anyone may see them:
     * a password shows as {@value io.earnorm.ra.backend.Secrets#MASK} and a password inside an address is masked too.
     */
    public Map<String, Object> configProperties() {
        return ConfigProperties.shown(this);
    }

    /** The JavaBean properties of a factory class that are config properties: readable and writable, of a simple type. */
    public static List<PropertyDescriptor> configPropertyDescriptors(Class<?> factoryClass) {
        return ConfigProperties.descriptors(factoryClass);
    }

    // ------------------------------------------------------------------ equality (the server needs it)

    @Override
    public boolean equals(Object o) {
        // Payara compares the factory it was given with its pool's on every allocateConnection, and
        // sign-on compares the container's PasswordCredential's: the same object, in practice.
        return o == this || o != null && o.getClass() == getClass() && ConfigProperties.asSet(this).equals(ConfigProperties.asSet(o));
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), ConfigProperties.asSet(this));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + ConfigProperties.forLog(this) + "]";
    }
}
