import com.mongodb.client.MongoCollection;
import io.earnorm.ra.api.MongoConnection;
import io.earnorm.ra.mongo.MongoPool;
import org.bson.Document;

import java.time.Duration;

public class MongoQuickStart {

    public static void main(String[] args) {
        String uri = args.length > 0 ? args[0] : "mongodb://localhost:27017";
        MongoPool pool = MongoPool.builder().uri(uri).database("test")
                .minSize(5).maxSize(20).acquireTimeout(Duration.ofSeconds(30))
                .maxLifetime(Duration.ofHours(1)).idleTimeout(Duration.ofMinutes(5))
                .validateOnBorrow(true).testOnReturn(true).build();
        pool.init();                                    // opens minSize (at least one): a bad address fails here
        try (MongoConnection conn = pool.acquire()) {   // closing the connection releases it
            conn.execute("insert_one", "users", new Document("name", "John").append("age", 30));
            Document john = (Document) conn.execute("find_one", "users", new Document("name", "John"));
            System.out.println("found " + john.getString("name") + ", " + john.getInteger("age"));
            MongoCollection<Document> users = conn.collection("users");   // typed access, until close
            System.out.println("users: " + users.countDocuments());
        }
        pool.close();
    }
}
