package io.earnorm.ra.spi;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;

import java.lang.System.Logger.Level;

/**
 * The adapter's own connection manager for use without an application server: every
 * {@code getConnection} creates a managed connection (a lease on the pool core, so no connection is
 * opened needlessly) and destroys it when the application closes the handle or the connection
 * fails, which gives the physical connection back to the pool core. There is no container pool in
 * between and no transaction enlistment; local transactions are the application's to demarcate.
 */
public final class NonManagedConnectionManager implements ConnectionManager {

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(NonManagedConnectionManager.class.getName());

    @Override
    public Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info) throws ResourceException {
        ManagedConnection managed = factory.createManagedConnection(null, info);
        managed.addConnectionEventListener(new DestroyWhenDone(managed));
        try {
            return managed.getConnection(null, info);
        } catch (ResourceException | RuntimeException e) {
            managed.destroy();
            throw e;
        }
    }

    /** Gives the physical connection back when the application is done with the handle. */
    private record DestroyWhenDone(ManagedConnection managed) implements ConnectionEventListener {

        @Override
        public void connectionClosed(ConnectionEvent event) {
            destroy();
        }

        @Override
        public void connectionErrorOccurred(ConnectionEvent event) {
            // The handle stays usable for the error to be reported; the connection is marked
            // broken and is closed instead of reused when the handle is closed.
        }

        @Override
        public void localTransactionStarted(ConnectionEvent event) {
        }

        @Override
        public void localTransactionCommitted(ConnectionEvent event) {
        }

        @Override
        public void localTransactionRolledback(ConnectionEvent event) {
        }

        private void destroy() {
            try {
                managed.destroy();
            } catch (ResourceException e) {
                LOG.log(Level.WARNING, "destroying " + managed + " failed", e);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NonManagedConnectionManager;
    }

    @Override
    public int hashCode() {
        return NonManagedConnectionManager.class.hashCode();
    }
}
