package io.earnorm.ra.servers.it;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The backends every deployment of the suite points at, at fixed addresses (they are written in the
 * deployment files): the machine's PostgreSQL (127.0.0.1:5432, database test, user postgres, trust
 * auth) and Redis (127.0.0.1:6379), which .ci/prepare-machine starts, and an in-process MongoDB
 * wire-protocol server (mongo-java-server) on 127.0.0.1:18017, started here once per test JVM.
 */
final class Backends {

    static final int MONGO_PORT = 18017;
    private static MongoServer mongo;

    private Backends() {
    }

    /** Skips the calling test when PostgreSQL or Redis is not there; starts MongoDB. */
    static synchronized void require() {
        assumeTrue(answers(5432), "no PostgreSQL on 127.0.0.1:5432 (.ci/prepare-machine starts one): servers suite skipped");
        assumeTrue(answers(6379), "no Redis on 127.0.0.1:6379 (.ci/prepare-machine starts one): servers suite skipped");
        if (mongo == null) {
            mongo = new MongoServer(new MemoryBackend());
            mongo.bind("127.0.0.1", MONGO_PORT);
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::shutdownNow, "stop-mongo-java-server"));
        }
    }

    private static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
