package io.earnorm.ra.mongo;

import com.mongodb.client.AggregateIterable;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.earnorm.ra.api.MongoConnection;
import io.earnorm.ra.api.pool.ConnectionClosedException;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code database()} and {@code collection(name)}: the driver's typed API, which stops working once the connection is given back. */
class MongoTypedAccessIT extends MongoFixture {

    private MongoPool pool;

    @BeforeEach
    void openPool() {
        pool = open(sharedServerPool().maxSize(2));
    }

    @Test
    void theDatabaseIsTheConfiguredOneAndItsCollectionsWork() {
        try (MongoConnection conn = pool.acquire()) {
            MongoDatabase db = conn.database();
            MongoCollection<Document> items = db.getCollection("items");
            items.insertMany(List.of(new Document("n", 1).append("kind", "a"), new Document("n", 2).append("kind", "b"),
                    new Document("n", 3).append("kind", "a")));

            assertThat(db.getName()).isEqualTo(database);
            assertThat(db.listCollectionNames().into(new ArrayList<>())).contains("items");
            assertThat(items.countDocuments(Filters.eq("kind", "a"))).isEqualTo(2);
            assertThat(conn.collection("items").find(Filters.eq("n", 2)).first()).containsEntry("kind", "b");
            List<Document> sums = conn.collection("items")
                    .aggregate(List.of(Aggregates.group("$kind", Accumulators.sum("total", "$n")), Aggregates.sort(Sorts.ascending("_id"))))
                    .into(new ArrayList<>());
            assertThat(sums).containsExactly(new Document("_id", "a").append("total", 4), new Document("_id", "b").append("total", 2));
            assertThat(db.runCommand(new Document("ping", 1)).get("ok")).isIn(1, 1.0);
        }
        assertThat(admin().getCollection("items").countDocuments()).isEqualTo(3);
    }

    @Test
    void aCursorReadsInBatchesWhileTheConnectionIsHeld() {
        admin().getCollection("many").insertMany(IntStream.range(0, 25).mapToObj(i -> new Document("i", i)).toList());
        try (MongoConnection conn = pool.acquire()) {
            List<Integer> seen = new ArrayList<>();
            try (MongoCursor<Document> cursor = conn.collection("many").find().sort(Sorts.ascending("i")).batchSize(4).iterator()) {
                while (cursor.hasNext()) {
                    seen.add(cursor.next().getInteger("i"));
                }
            }
            assertThat(seen).containsExactlyElementsOf(IntStream.range(0, 25).boxed().toList());
        }
    }

    @Test
    void nothingObtainedThroughTheConnectionWorksAfterItIsClosed() {
        admin().getCollection("many").insertMany(IntStream.range(0, 10).mapToObj(i -> new Document("i", i)).toList());
        MongoConnection conn = pool.acquire();
        MongoDatabase db = conn.database();
        MongoCollection<Document> collection = conn.collection("many");
        FindIterable<Document> found = collection.find().batchSize(2);
        AggregateIterable<Document> aggregated = collection.aggregate(List.of(Aggregates.match(Filters.gte("i", 0))));
        MongoCursor<Document> cursor = found.iterator();
        assertThat(cursor.next().getInteger("i")).isNotNull();

        conn.close();

        assertThatThrownBy(db::getName).isInstanceOf(ConnectionClosedException.class).hasMessageContaining("was released to the pool");
        assertThatThrownBy(() -> db.getCollection("many")).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(collection::countDocuments).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(() -> collection.insertOne(new Document("late", true))).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(found::first).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(aggregated::first).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(cursor::hasNext).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(conn::database).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(() -> conn.collection("many")).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(() -> conn.execute("count_documents", "many")).isInstanceOf(ConnectionClosedException.class);
        assertThat(admin().getCollection("many").countDocuments(Filters.eq("late", true))).isZero();
    }

    @Test
    void whatTheNextBorrowerGetsIsNotReachableThroughTheOldHandle() {
        MongoConnection first = pool.acquire();
        MongoCollection<Document> old = first.collection("items");
        first.close();

        try (MongoConnection second = pool.acquire()) {
            second.collection("items").insertOne(new Document("by", "second"));
            assertThatThrownBy(() -> old.find().first()).isInstanceOf(ConnectionClosedException.class);
            assertThat(second.collection("items").countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void aCollectionNeedsAName() {
        try (MongoConnection conn = pool.acquire()) {
            assertThatThrownBy(() -> conn.collection(null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a non-blank collection name (name=null)");
            assertThatThrownBy(() -> conn.collection(""))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name=''");
        }
    }
}
