package io.earnorm.ra.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * An in-process MongoDB wire-protocol server ({@code mongo-java-server}, memory backend) of a
 * test's own, on a free loopback port, for tests that stop and restart the server. It lacks
 * {@code hello}, sessions, transactions and {@code $text}; data lives in memory and is gone after
 * {@link #stop()}.
 */
public final class MongoTestServer implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final int port;
    private MongoServer server;

    private MongoTestServer(int port) {
        this.port = port;
    }

    /** Starts a server on a free loopback port. */
    public static MongoTestServer launch() {
        MongoTestServer s = new MongoTestServer(FreePorts.next());
        s.start();
        return s;
    }

    public int port() {
        return port;
    }

    /** {@code mongodb://127.0.0.1:<port>}, without a database. */
    public String uri() {
        return "mongodb://" + HOST + ":" + port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Starts the server (again) on its port, empty. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        MongoServer s = new MongoServer(new MemoryBackend());
        s.bind(HOST, port);
        server = s;
    }

    /** Stops listening and drops every open connection, as a crashed server would. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "MongoTestServer[" + uri() + (isRunning() ? "" : ", stopped") + "]";
    }
}
