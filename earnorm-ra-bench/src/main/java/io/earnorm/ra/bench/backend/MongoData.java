package io.earnorm.ra.bench.backend;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import org.bson.Document;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The MongoDB server and the benchmark's documents: {@link Dataset#ROWS} documents with integer
 * {@code _id}s in a collection of their own, inserted before the first iteration and dropped after
 * the last.
 *
 * <p>Without {@code EARNORM_MONGO_URI} the server is mongo-java-server with its memory backend,
 * started here on a free loopback port: there is no mongod on this machine. It runs inside the
 * benchmark's JVM and shares its two cores with the measured threads, so its absolute figures say
 * nothing about a real mongod; both sides of the pair meet the same server, so the ratio does.
 */
@State(Scope.Benchmark)
public class MongoData {

    static final String DATABASE = "earnorm_bench";
    static final String COLLECTION = "items";

    private MongoServer inProcess;
    private String uri;

    /** The server's connection string, without a database. */
    String uri() {
        return uri;
    }

    @Setup(Level.Trial)
    public void start() {
        uri = Servers.givenMongoUri();
        if (uri == null) {
            inProcess = new MongoServer(new MemoryBackend());
            inProcess.bind(new InetSocketAddress("127.0.0.1", 0));
            uri = "mongodb://127.0.0.1:" + inProcess.getLocalAddress().getPort();
        }
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> items = client.getDatabase(DATABASE).getCollection(COLLECTION);
            items.drop();
            List<Document> documents = new ArrayList<>(Dataset.ROWS);
            for (int id = 0; id < Dataset.ROWS; id++) {
                documents.add(new Document("_id", id).append("name", "item-" + id).append("amount", id * 7));
            }
            items.insertMany(documents);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        try (MongoClient client = MongoClients.create(uri)) {
            client.getDatabase(DATABASE).getCollection(COLLECTION).drop();
        } finally {
            if (inProcess != null) {
                inProcess.shutdownNow();
            }
        }
    }
}
