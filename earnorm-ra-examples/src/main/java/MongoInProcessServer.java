import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** No mongod at hand: an in-process MongoDB wire-protocol server on a free loopback port, for trying things out. */
public class MongoInProcessServer {

    public static void main(String[] args) {
        MongoServer server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();   // mongodb://127.0.0.1:<free port>
        try {
            MongoQuickStart.main(new String[] {uri});
        } finally {
            server.shutdownNow();
        }
    }
}
