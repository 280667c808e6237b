package io.earnorm.ra.spi;

import io.earnorm.ra.api.EarnormConnection;
import io.earnorm.ra.api.pool.ConnectionOpenException;
import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.api.pool.PoolListener;
import io.earnorm.ra.backend.Secrets;
import io.earnorm.ra.backend.StartupReport;
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
import jakarta.resource.spi.security.PasswordCredential;

import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the three connection definitions share: every pool option as a config property (with the
 * pool core's defaults), the default user and password, one pool-core sub-pool per credential, the
 * managed connections that lease from them, matching and validation for containers that keep their
 * own pool on, and config checks that name the property, the value and the rule.
 *
 * <p>A backend's factory adds its address properties and says how to open a backend for a
 * credential, how to wrap a lease in its connection handle, which connection factory to hand to the
 * application, and what transactions it supports.
 *
 * @param <C> the physical connection
 */
public abstract class AbstractManagedConnectionFactory<C>
        implements ManagedConnectionFactory, ResourceAdapterAssociation, ValidatingManagedConnectionFactory, TransactionSupport, AutoCloseable {

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(AbstractManagedConnectionFactory.class.getName());

    // Pool options, as the config properties of ra.xml. Boxed: a server leaves unset ones null.
    private String poolName;
    private Integer minSize = PoolConfig.DEFAULTS.minSize();
    private Integer maxSize = PoolConfig.DEFAULTS.maxSize();
    private String acquireTimeout = "30s";
    private String maxLifetime = "30m";
    private String idleTimeout = "10m";
    private Boolean validateOnBorrow = Boolean.TRUE;
    private Boolean testOnReturn = Boolean.FALSE;
    private String validationTimeout = "5s";
    private String keepaliveInterval = "0s";
    private Integer maxConnecting = PoolConfig.DEFAULTS.maxConnecting();
    private String leakDetectionThreshold = "0s";
    private String probeInterval = "1s";
    private Integer instances = PoolConfig.DEFAULTS.instances();
    private String user;
    private String password;

    private transient ResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;
    private transient volatile Map<Credential, ConnectionPool<C>> pools;
    private transient volatile List<PoolListener> poolListeners;
    private transient volatile Set<ConnectionPool<C>> reported;

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
        validate();
        Credential credential = credentialOf(subject, info);
        subPool(credential); // a credential this definition cannot use at all is refused here, without opening anything
        return new EarnormManagedConnection<>(this, credential);
    }

    @Override
    public ManagedConnection matchManagedConnections(@SuppressWarnings("rawtypes") Set candidates, Subject subject, ConnectionRequestInfo info) throws ResourceException {
        validate();
        Credential credential = credentialOf(subject, info);
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
     * the connection factory is created and at every first use ({@code createManagedConnection},
     * {@code matchManagedConnections}).
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

    /**
     * The credential a request is for: the {@link PasswordCredential} for this factory in the
     * container's {@code Subject} (container-managed sign-on) when it names a user, else the credentials the application
     * passed ({@code getConnection(user, password)}), else the configured user and password.
     */
    Credential credentialOf(Subject subject, ConnectionRequestInfo info) {
        if (subject != null) {
            for (PasswordCredential pc : subject.getPrivateCredentials(PasswordCredential.class)) {
                // Payara hands over a credential with an empty user name when the connector pool
                // names no user: that is no identity, and the configured credentials apply.
                boolean anonymous = pc.getUserName() == null || pc.getUserName().isEmpty();
                if (!anonymous && (pc.getManagedConnectionFactory() == null || pc.getManagedConnectionFactory().equals(this))) {
                    return new Credential(pc.getUserName(), pc.getPassword() == null ? null : new String(pc.getPassword()));
                }
            }
        }
        if (info instanceof EarnormConnectionRequestInfo requested && !requested.credential().isNone()) {
            return requested.credential();
        }
        return new Credential(user, password);
    }

    /** Borrows a physical connection for {@code credential} from its sub-pool. */
    PooledConnection<C> leaseFor(Credential credential) throws ResourceException {
        ConnectionPool<C> pool = subPool(credential);
        try {
            PooledConnection<C> lease = pool.acquire();
            if (reported().add(pool)) {
                StartupReport.run(pool.name(), pool.backend(), lease.connection(), pool.config().maxSize(), pool.config().instances());
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
    private ConnectionPool<C> subPool(Credential credential) throws jakarta.resource.spi.SecurityException {
        try {
            return poolFor(credential);
        } catch (InvalidConfigException e) {
            jakarta.resource.spi.SecurityException refused = new jakarta.resource.spi.SecurityException(
                    backendType() + " at " + describeBackend() + " cannot open connections for " + credential.user() + ": " + e.getMessage());
            refused.initCause(e);
            throw refused;
        }
    }

    /**
     * A sub-pool of a caller's credential that could not open a single connection (a wrong
     * password, most often) is closed and forgotten, so that failed logins do not pile up pools.
     */
    private void dropIfNeverOpened(Credential credential, ConnectionPool<C> pool) {
        if (credential.equals(new Credential(user, password)) || pool.stats().created() > 0) {
            return;
        }
        if (poolsMap().remove(credential, pool)) {
            pool.close();
        }
    }

    /** The sub-pool of one credential, created on first use. */
    public ConnectionPool<C> poolFor(Credential credential) {
        Map<Credential, ConnectionPool<C>> current = poolsMap();
        ConnectionPool<C> pool = current.get(credential);
        if (pool != null) {
            return pool;
        }
        synchronized (this) {
            return poolsMap().computeIfAbsent(credential, c -> {
                ConnectionPool<C> created = new ConnectionPool<>(poolName(c), openBackend(c), poolConfig(), listeners().toArray(new PoolListener[0]));
                created.ready(); // pools start paused; ready() is init() without opening here (the first lease reports a failure)
                LOG.log(Level.INFO, () -> "connection definition " + getClass().getSimpleName() + " opened pool '" + created.name() + "' for "
                        + backendType() + " at " + describeBackend() + " (" + configForLog() + ")");
                return created;
            });
        }
    }

    /** Every sub-pool this factory runs, for monitoring. */
    public Collection<ConnectionPool<C>> pools() {
        return List.copyOf(poolsMap().values());
    }

    private Map<Credential, ConnectionPool<C>> poolsMap() {
        Map<Credential, ConnectionPool<C>> current = pools;
        if (current == null) {
            synchronized (this) {
                if (pools == null) {
                    pools = new ConcurrentHashMap<>();
                }
                current = pools;
            }
        }
        return current;
    }

    /** Sub-pools whose start-up report was logged. */
    private Set<ConnectionPool<C>> reported() {
        Set<ConnectionPool<C>> current = reported;
        if (current == null) {
            synchronized (this) {
                if (reported == null) {
                    reported = ConcurrentHashMap.newKeySet();
                }
                current = reported;
            }
        }
        return current;
    }

    private List<PoolListener> listeners() {
        List<PoolListener> current = poolListeners;
        if (current == null) {
            synchronized (this) {
                if (poolListeners == null) {
                    poolListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
                }
                current = poolListeners;
            }
        }
        return current;
    }

    /** Adds a listener to every sub-pool, present and future. */
    public void addPoolListener(PoolListener listener) {
        listeners().add(listener);
        poolsMap().values().forEach(p -> p.addListener(listener));
    }

    /** The name of the sub-pool of {@code credential}: the configured pool name, or the backend and its address, plus the user when it is not the default. */
    String poolName(Credential credential) {
        String base = poolName != null && !poolName.isBlank() ? poolName : backendType() + ":" + describeBackend();
        boolean defaultUser = credential.equals(new Credential(user, password));
        return defaultUser ? base : base + "[" + credential.user() + "]";
    }

    /** Closes every sub-pool (in-use connections close as they come back), each releasing its backend. Idempotent. */
    @Override
    public void close() {
        Map<Credential, ConnectionPool<C>> current = pools;
        if (current != null) {
            current.values().forEach(ConnectionPool::close);
            current.clear();
        }
    }

    // ------------------------------------------------------------------ config checks

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
            boolean secret = e.option() != null && e.option().toLowerCase().contains("password");
            // Show the value as it was configured ("0s"), not as the pool core parsed it (PT0S).
            // Values as configured ("0s", not PT0S), except an address, which may carry a password:
            // that one as the backend reported it, masked.
            Object configured = configProperties().get(e.option());
            boolean address = e.option() != null && (e.option().equalsIgnoreCase("uri") || e.option().equalsIgnoreCase("url"));
            String value = !address && configured != null ? configured.toString() : Secrets.mask(e.value());
            String message = getClass().getSimpleName() + ": config property " + e.option() + (secret ? "" : "=" + value)
                    + " is invalid: " + e.getMessage();
            InvalidPropertyException invalid = new InvalidPropertyException(message);
            invalid.initCause(e);
            LOG.log(Level.ERROR, message);
            throw invalid;
        }
    }

    /** The pool options as the pool core reads them. */
    public PoolConfig poolConfig() {
        PoolConfig.Builder b = PoolConfig.builder();
        setIfPresent(b, "minSize", minSize);
        setIfPresent(b, "maxSize", maxSize);
        setIfPresent(b, "acquireTimeout", acquireTimeout);
        setIfPresent(b, "maxLifetime", maxLifetime);
        setIfPresent(b, "idleTimeout", idleTimeout);
        setIfPresent(b, "validateOnBorrow", validateOnBorrow);
        setIfPresent(b, "testOnReturn", testOnReturn);
        setIfPresent(b, "validationTimeout", validationTimeout);
        setIfPresent(b, "keepaliveInterval", keepaliveInterval);
        setIfPresent(b, "maxConnecting", maxConnecting);
        setIfPresent(b, "leakDetectionThreshold", leakDetectionThreshold);
        setIfPresent(b, "probeInterval", probeInterval);
        setIfPresent(b, "instances", instances);
        return b.build();
    }

    private static void setIfPresent(PoolConfig.Builder b, String option, Object value) {
        if (value != null) {
            b.set(option, value);
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

    /** The config for a log line: every property, the password masked. */
    private String configForLog() {
        StringBuilder sb = new StringBuilder();
        configProperties().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=')
                .append(k.toLowerCase().contains("password") && v != null ? Secrets.MASK : Secrets.mask(String.valueOf(v))));
        return sb.toString();
    }

    /**
     * Every config property by name, read through the JavaBean getters, as anyone may see them:
     * a password shows as {@value Secrets#MASK} and a password inside an address is masked too.
     */
    public Map<String, Object> configProperties() {
        Map<String, Object> values = new TreeMap<>();
        configValues().forEach((name, value) -> {
            if (value != null && name.toLowerCase(java.util.Locale.ROOT).contains("password")) {
                value = Secrets.MASK;
            } else if (value instanceof String text) {
                value = Secrets.mask(text);
            }
            values.put(name, value);
        });
        return values;
    }

    /** Every config property by name, as set: for equality only, never shown. */
    private Map<String, Object> configValues() {
        Map<String, Object> values = new TreeMap<>();
        for (PropertyDescriptor d : configPropertyDescriptors(getClass())) {
            try {
                values.put(d.getName(), d.getReadMethod().invoke(this));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read config property " + d.getName(), e);
            }
        }
        return values;
    }

    /** The JavaBean properties of a factory class that are config properties: readable and writable, of a simple type. */
    public static List<PropertyDescriptor> configPropertyDescriptors(Class<?> factoryClass) {
        try {
            List<PropertyDescriptor> result = new ArrayList<>();
            for (PropertyDescriptor d : Introspector.getBeanInfo(factoryClass, Object.class).getPropertyDescriptors()) {
                Class<?> type = d.getPropertyType();
                if (d.getReadMethod() != null && d.getWriteMethod() != null
                        && (type == String.class || type == Integer.class || type == Boolean.class || type == Long.class)) {
                    result.add(d);
                }
            }
            return result;
        } catch (IntrospectionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Meta data for a managed connection: the backend, the configured maximum, the user. */
    ManagedConnectionMetaData metaData(Credential credential) {
        return new ManagedConnectionMetaData() {
            @Override
            public String getEISProductName() {
                return backendType();
            }

            @Override
            public String getEISProductVersion() {
                return "unknown";
            }

            @Override
            public int getMaxConnections() {
                return maxSize == null ? PoolConfig.DEFAULTS.maxSize() : maxSize;
            }

            @Override
            public String getUserName() {
                return credential.user();
            }
        };
    }

    // ------------------------------------------------------------------ equality (the server needs it)

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && configValues().equals(((AbstractManagedConnectionFactory<?>) o).configValues());
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), configValues());
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + configForLog() + "]";
    }

    // ------------------------------------------------------------------ config properties

    public String getPoolName() {
        return poolName;
    }

    public void setPoolName(String poolName) {
        this.poolName = poolName;
    }

    public Integer getMinSize() {
        return minSize;
    }

    public void setMinSize(Integer minSize) {
        this.minSize = minSize;
    }

    public Integer getMaxSize() {
        return maxSize;
    }

    public void setMaxSize(Integer maxSize) {
        this.maxSize = maxSize;
    }

    public String getAcquireTimeout() {
        return acquireTimeout;
    }

    public void setAcquireTimeout(String acquireTimeout) {
        this.acquireTimeout = acquireTimeout;
    }

    public String getMaxLifetime() {
        return maxLifetime;
    }

    public void setMaxLifetime(String maxLifetime) {
        this.maxLifetime = maxLifetime;
    }

    public String getIdleTimeout() {
        return idleTimeout;
    }

    public void setIdleTimeout(String idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    public Boolean getValidateOnBorrow() {
        return validateOnBorrow;
    }

    public void setValidateOnBorrow(Boolean validateOnBorrow) {
        this.validateOnBorrow = validateOnBorrow;
    }

    public Boolean getTestOnReturn() {
        return testOnReturn;
    }

    public void setTestOnReturn(Boolean testOnReturn) {
        this.testOnReturn = testOnReturn;
    }

    public String getValidationTimeout() {
        return validationTimeout;
    }

    public void setValidationTimeout(String validationTimeout) {
        this.validationTimeout = validationTimeout;
    }

    public String getKeepaliveInterval() {
        return keepaliveInterval;
    }

    public void setKeepaliveInterval(String keepaliveInterval) {
        this.keepaliveInterval = keepaliveInterval;
    }

    public Integer getMaxConnecting() {
        return maxConnecting;
    }

    public void setMaxConnecting(Integer maxConnecting) {
        this.maxConnecting = maxConnecting;
    }

    public String getLeakDetectionThreshold() {
        return leakDetectionThreshold;
    }

    public void setLeakDetectionThreshold(String leakDetectionThreshold) {
        this.leakDetectionThreshold = leakDetectionThreshold;
    }

    public String getProbeInterval() {
        return probeInterval;
    }

    public void setProbeInterval(String probeInterval) {
        this.probeInterval = probeInterval;
    }

    public Integer getInstances() {
        return instances;
    }

    public void setInstances(Integer instances) {
        this.instances = instances;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
