package io.earnorm.ra.spi;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A connection manager that keeps a pool of managed connections of its own, as GlassFish and Payara
 * do with their connector pool on: {@code steadySize} managed connections created up front, each
 * allocation served by the one free the longest (so every one of them is used in turn), and a
 * managed connection whose handle is closed cleaned up and put back to be reused, never destroyed.
 */
final class ServerPoolConnectionManager implements ConnectionManager {

    private static final long serialVersionUID = 1L;

    private final int steadySize;
    private final transient Deque<ManagedConnection> free = new ArrayDeque<>();
    final transient List<ManagedConnection> all = new ArrayList<>();

    ServerPoolConnectionManager(int steadySize) {
        this.steadySize = steadySize;
    }

    @Override
    public synchronized Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info) throws ResourceException {
        if (all.isEmpty()) {
            for (int i = 0; i < steadySize; i++) {
                ManagedConnection mc = factory.createManagedConnection(null, info);
                mc.addConnectionEventListener(new BackToThePool(mc));
                all.add(mc);
                free.add(mc);
            }
        }
        ManagedConnection mc = free.poll();
        if (mc == null) {
            throw new jakarta.resource.spi.ResourceAllocationException("the server pool of " + steadySize + " is exhausted");
        }
        try {
            return mc.getConnection(null, info);
        } catch (ResourceException | RuntimeException e) {
            free.addFirst(mc);
            throw e;
        }
    }

    /** Destroys every managed connection, as a server does when it undeploys. */
    synchronized void destroyAll() throws ResourceException {
        for (ManagedConnection mc : all) {
            mc.destroy();
        }
        all.clear();
        free.clear();
    }

    private final class BackToThePool implements ConnectionEventListener {
        private final ManagedConnection mc;

        BackToThePool(ManagedConnection mc) {
            this.mc = mc;
        }

        @Override
        public void connectionClosed(ConnectionEvent event) {
            try {
                mc.cleanup();
            } catch (ResourceException e) {
                throw new IllegalStateException(e);
            }
            synchronized (ServerPoolConnectionManager.this) {
                free.add(mc);
            }
        }

        @Override
        public void connectionErrorOccurred(ConnectionEvent event) {
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
    }
}
