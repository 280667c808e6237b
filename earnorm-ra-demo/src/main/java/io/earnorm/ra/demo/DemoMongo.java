package io.earnorm.ra.demo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The demo's MongoDB: the in-process wire-protocol server {@code de.bwaldvogel:mongo-java-server},
 * keeping its data in memory, on a free loopback port.
 */
final class DemoMongo implements AutoCloseable {

    private final MongoServer server;
    private final int port;

    private DemoMongo(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static DemoMongo start() {
        MongoServer server = new MongoServer(new MemoryBackend());
        int port = FreePort.next();
        server.bind("127.0.0.1", port);
        return new DemoMongo(server, port);
    }

    String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    String describe() {
        return "in-process mongo-java-server on 127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
