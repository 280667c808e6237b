package io.earnorm.ra.spi;

import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the connection events a managed connection sends, as a container would receive them. */
public final class RecordingConnectionEvents implements ConnectionEventListener {

    public final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();

    public List<Integer> ids() {
        return events.stream().map(ConnectionEvent::getId).toList();
    }

    @Override
    public void connectionClosed(ConnectionEvent event) {
        events.add(event);
    }

    @Override
    public void localTransactionStarted(ConnectionEvent event) {
        events.add(event);
    }

    @Override
    public void localTransactionCommitted(ConnectionEvent event) {
        events.add(event);
    }

    @Override
    public void localTransactionRolledback(ConnectionEvent event) {
        events.add(event);
    }

    @Override
    public void connectionErrorOccurred(ConnectionEvent event) {
        events.add(event);
    }
}
