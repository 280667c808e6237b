package io.earnorm.ra.spi;

import io.earnorm.ra.api.EarnormConnection;
import io.earnorm.ra.backend.PooledHandle;
import io.earnorm.ra.pool.PooledConnection;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;

import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A lease on one physical connection of the adapter's pool core, as the container sees it.
 *
 * <p>The pool core owns the physical connections. A managed connection is created without one; it
 * borrows a {@link PooledConnection} at its first {@code getConnection} (or when a transaction
 * starts on it) and holds it while handles are out or a transaction is active. {@link #cleanup()}
 * gives it back, and so does {@link #destroy()}, so that a container which keeps its own pool of
 * managed connections (GlassFish and Payara create 8 up front) holds no physical connection for
 * an idle managed connection: the pool core's {@code maxSize} is the one cap, and its lifetime,
 * validation and reset rules apply between uses. The next {@code getConnection} leases again.
 *
 * <p>A cleanup while a local or XA transaction is active keeps the physical connection: the
 * transaction's remaining work and its commit or rollback run on it. It is given back when the
 * transaction ends, if no handle is out by then, or at the next cleanup.
 *
 * @param <C> the physical connection
 */
public final class EarnormManagedConnection<C> implements ManagedConnection {

    private static final System.Logger LOG = System.getLogger(EarnormManagedConnection.class.getName());

    private final AbstractManagedConnectionFactory<C> factory;
    private final Credential credential;
    /**
     * The container's listeners, copied on change (a container adds one, once): {@link #fire} reads
     * the array without a lock or an iterator.
     */
    private volatile ConnectionEventListener[] listeners = new ConnectionEventListener[0];
    /**
     * Handles out on this connection, guarded by this object's monitor: usually one, added and
     * removed on every getConnection and close, so a plain list (no copy per change).
     */
    private final List<HandleLease<C>> handles = new ArrayList<>(2);
    private volatile PooledConnection<C> lease;
    private volatile boolean destroyed;
    private volatile boolean inTransaction;
    /** A cleanup came while a transaction was active: the physical connection goes back when it ends. */
    private volatile boolean giveBackAfterTransaction;
    private PrintWriter logWriter;

    EarnormManagedConnection(AbstractManagedConnectionFactory<C> factory, Credential credential) {
        this.factory = factory;
        this.credential = credential;
    }

    /** The credential this connection is authenticated as. */
    public Credential credential() {
        return credential;
    }

    public AbstractManagedConnectionFactory<C> factory() {
        return factory;
    }

    String poolName() {
        return factory.poolName(credential);
    }

    /** The current lease on the pool core; there is none before the first getConnection and after a cleanup. */
    PooledConnection<C> lease() {
        PooledConnection<C> current = lease;
        if (current == null || current.isReleased()) {
            throw new IllegalStateException("managed connection of " + poolName() + " holds no physical connection");
        }
        return current;
    }

    /** The physical connection, for handles and for transaction support. */
    public C physical() {
        return lease().connection();
    }

    /**
     * The physical connection, leasing one from the pool core first if a cleanup gave the last one
     * back: for transaction support, which a container may begin before any getConnection.
     */
    public C ensurePhysical() throws ResourceException {
        requireNotDestroyed();
        synchronized (this) {
            if (!hasPhysical()) {
                lease = factory.leaseFor(credential);
            }
        }
        return physical();
    }

    /**
     * For transaction support: the physical connection failed outside any handle. It is marked
     * broken and the container hears CONNECTION_ERROR_OCCURRED.
     */
    public void physicalConnectionFailed(Throwable cause) {
        connectionFailed(null, cause);
    }

    /** True while this managed connection holds a physical connection. */
    public boolean hasPhysical() {
        PooledConnection<C> current = lease;
        return current != null && !current.isReleased();
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        requireNotDestroyed();
        Credential asked = factory.credentialOf(subject, info);
        if (!asked.equals(credential)) {
            throw new jakarta.resource.spi.SecurityException("this managed connection is authenticated as "
                    + credential.user() + " and cannot serve " + asked.user() + "; the container must match by credential");
        }
        ensurePhysical();
        HandleLease<C> handle = new HandleLease<>(this);
        EarnormConnection connection = factory.newHandle(handle);
        handle.applicationHandle = connection;
        synchronized (this) {
            handles.add(handle);
        }
        return connection;
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        requireNotDestroyed();
        HandleLease<C> handle = handleLeaseOf(connection);
        EarnormManagedConnection<C> previous = handle.managedConnection();
        if (previous.factory != factory || !previous.credential.equals(credential)) {
            throw new jakarta.resource.spi.IllegalStateException("a connection of " + previous.poolName() + " cannot be associated with a managed connection of " + poolName());
        }
        previous.removeHandle(handle);
        ensurePhysical();
        handle.associate(this);
        synchronized (this) {
            handles.add(handle);
        }
    }

    @SuppressWarnings("unchecked")
    private HandleLease<C> handleLeaseOf(Object connection) throws ResourceException {
        if (connection instanceof PooledHandle<?> h && h.lease() instanceof HandleLease<?> l) {
            return (HandleLease<C>) l;
        }
        throw new jakarta.resource.spi.IllegalStateException("not a connection handle of this resource adapter: " + connection);
    }

    /** A handle was closed by the application. */
    void handleClosed(HandleLease<C> handle) {
        removeHandle(handle);
        fire(ConnectionEvent.CONNECTION_CLOSED, handle, null);
    }

    private synchronized void removeHandle(HandleLease<C> handle) {
        handles.remove(handle);
    }

    /** Invalidates every handle out on this connection. */
    private synchronized void invalidateHandles() {
        handles.forEach(HandleLease::invalidate);
        handles.clear();
    }

    /** A handle saw its connection fail: the physical connection must never be reused. */
    void connectionFailed(HandleLease<C> handle, Throwable cause) {
        PooledConnection<C> current = lease;
        if (current != null && !current.isReleased()) {
            current.markBroken(cause);
        }
        fire(ConnectionEvent.CONNECTION_ERROR_OCCURRED, handle, cause instanceof Exception e ? e : new Exception(cause));
    }

    private void fire(int type, HandleLease<C> handle, Exception error) {
        ConnectionEvent event = error == null ? new ConnectionEvent(this, type) : new ConnectionEvent(this, type, error);
        if (handle != null) {
            event.setConnectionHandle(handle.applicationHandle);
        }
        ConnectionEventListener[] current = listeners;
        for (int i = 0; i < current.length; i++) {
            ConnectionEventListener l = current[i];
            try {
                switch (type) {
                    case ConnectionEvent.CONNECTION_CLOSED -> l.connectionClosed(event);
                    case ConnectionEvent.CONNECTION_ERROR_OCCURRED -> l.connectionErrorOccurred(event);
                    case ConnectionEvent.LOCAL_TRANSACTION_STARTED -> l.localTransactionStarted(event);
                    case ConnectionEvent.LOCAL_TRANSACTION_COMMITTED -> l.localTransactionCommitted(event);
                    case ConnectionEvent.LOCAL_TRANSACTION_ROLLEDBACK -> l.localTransactionRolledback(event);
                    default -> throw new IllegalArgumentException("event " + type);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "connection event listener " + l + " failed", e);
            }
        }
    }

    /** For local transaction support: tells the container about a transaction the application demarcated. */
    public void localTransactionEvent(int type) {
        fire(type, null, null);
    }

    /** A transaction is active on this connection: cleanup must keep the physical connection. */
    public void transactionStarted() {
        inTransaction = true;
    }

    /** The transaction ended: if a cleanup was put off for it and no handle is out, the physical connection goes back now. */
    public void transactionEnded() {
        inTransaction = false;
        if (giveBackAfterTransaction && noHandles()) {
            giveBack();
        }
    }

    private synchronized boolean noHandles() {
        return handles.isEmpty();
    }

    public boolean inTransaction() {
        return inTransaction;
    }

    /**
     * Invalidates every handle and gives the physical connection back to the pool core (where it
     * is reset for the next borrower), unless a transaction still needs it.
     */
    @Override
    public void cleanup() throws ResourceException {
        invalidateHandles();
        if (inTransaction) {
            giveBackAfterTransaction = true;
        } else {
            giveBack();
        }
    }

    @Override
    public void destroy() throws ResourceException {
        if (destroyed) {
            return;
        }
        destroyed = true;
        invalidateHandles();
        if (inTransaction) {
            // A connection destroyed inside a transaction cannot be trusted by the next borrower.
            PooledConnection<C> current = lease;
            if (current != null && !current.isReleased()) {
                current.markBroken(new IllegalStateException("destroyed during a transaction"));
            }
        }
        giveBack();
    }

    private synchronized void giveBack() {
        giveBackAfterTransaction = false;
        PooledConnection<C> current = lease;
        lease = null;
        if (current != null && !current.isReleased()) {
            current.close();
        }
    }

    private void requireNotDestroyed() throws ResourceException {
        if (destroyed) {
            throw new jakarta.resource.spi.IllegalStateException("managed connection of " + poolName() + " was destroyed");
        }
    }

    /** True when the pool core would not lend this physical connection again: broken, stale, expired or failing validation. */
    boolean isInvalid() {
        PooledConnection<C> current = lease;
        if (destroyed) {
            return true;
        }
        if (current == null || current.isReleased()) {
            return false;
        }
        return current.isStale() || !current.ping();
    }

    @Override
    public synchronized void addConnectionEventListener(ConnectionEventListener listener) {
        Objects.requireNonNull(listener, "listener");
        ConnectionEventListener[] grown = Arrays.copyOf(listeners, listeners.length + 1);
        grown[grown.length - 1] = listener;
        listeners = grown;
    }

    @Override
    public synchronized void removeConnectionEventListener(ConnectionEventListener listener) {
        ConnectionEventListener[] current = listeners;
        for (int i = 0; i < current.length; i++) {
            if (current[i].equals(listener)) {
                ConnectionEventListener[] shrunk = new ConnectionEventListener[current.length - 1];
                System.arraycopy(current, 0, shrunk, 0, i);
                System.arraycopy(current, i + 1, shrunk, i, current.length - i - 1);
                listeners = shrunk;
                return;
            }
        }
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        requireNotDestroyed();
        return factory.xaResource(this);
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        requireNotDestroyed();
        return factory.localTransaction(this);
    }

    @Override
    public ManagedConnectionMetaData getMetaData() throws ResourceException {
        return factory.metaData(credential);
    }

    @Override
    public synchronized void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public synchronized PrintWriter getLogWriter() {
        return logWriter;
    }

    /** Thrown by factories whose backend has no such transaction support. */
    static NotSupportedException unsupported(String what) {
        return new NotSupportedException(what);
    }

    @Override
    public String toString() {
        return "EarnormManagedConnection[" + poolName() + (hasPhysical() ? ", " + lease : ", no physical connection") + (destroyed ? ", destroyed" : "") + "]";
    }
}
