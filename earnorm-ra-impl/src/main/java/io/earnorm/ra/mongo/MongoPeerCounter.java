package io.earnorm.ra.mongo;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.earnorm.ra.backend.NamedCountingConnection;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Counts a pool's fleet on MongoDB: the {@code appName}s that {@code $currentOp} (with
 * {@code allUsers} and {@code idleConnections}) shows for the server's connections, over a client
 * of its own whose {@code appName} is the instance's counting name (a new client when that name
 * changes, since a client's {@code appName} is fixed). Seeing other users' connections needs the
 * {@code inprog} privilege (role {@code clusterMonitor}); without it the server refuses and the
 * pool keeps to its static share. The driver's monitoring connections carry the pool client's
 * {@code appName} too, so each instance counts one or two connections per server more than its
 * pooled ones. A sharded cluster's mongos shows only its own connections. mongo-java-server has
 * no {@code aggregate} command: there every count fails, and the pool keeps to the static share.
 */
final class MongoPeerCounter extends NamedCountingConnection<MongoClient> {

    private final MongoClientSettings settings;

    MongoPeerCounter(MongoClientSettings settings) {
        this.settings = settings;
    }

    @Override
    protected MongoClient open(String name) {
        return MongoClients.create(MongoClientSettings.builder(settings).applicationName(name)
                .applyToConnectionPoolSettings(p -> p.maxSize(1).minSize(0)).build());
    }

    @Override
    protected boolean rename(MongoClient client, String name) {
        return false;
    }

    @Override
    protected List<String> list(MongoClient client, String prefix) {
        List<Document> pipeline = List.of(
                new Document("$currentOp", new Document("allUsers", true).append("idleConnections", true)),
                new Document("$match", new Document("appName", new Document("$regex", "^" + Pattern.quote(prefix)))),
                new Document("$project", new Document("appName", 1)));
        List<String> names = new ArrayList<>();
        for (Document d : client.getDatabase("admin").aggregate(pipeline)) {
            names.add(d.getString("appName"));
        }
        return names;
    }
}
