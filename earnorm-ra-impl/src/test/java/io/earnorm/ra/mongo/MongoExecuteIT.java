package io.earnorm.ra.mongo;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.UpdateResult;
import io.earnorm.ra.api.EarnormBackendException;
import io.earnorm.ra.api.MongoConnection;
import io.earnorm.ra.api.pool.PoolState;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every operation of {@code execute}, against the test server, with the data checked from the side. */
class MongoExecuteIT extends MongoFixture {

    private MongoPool pool;

    @BeforeEach
    void openPool() {
        pool = open(sharedServerPool().maxSize(2));
    }

    private MongoConnection conn() {
        return closeLater(pool.acquire());
    }

    private void seedPeople() {
        admin().getCollection("people").insertMany(List.of(
                new Document("_id", 1).append("name", "John").append("age", 30).append("city", "Oslo"),
                new Document("_id", 2).append("name", "Jane").append("age", 25).append("city", "Bergen"),
                new Document("_id", 3).append("name", "Joe").append("age", 41).append("city", "Oslo"),
                new Document("_id", 4).append("name", "Ann").append("age", 17).append("city", "Tromsø")));
    }

    @Test
    void insertOneReturnsTheIdItGeneratedOrTheOneGiven() {
        MongoConnection conn = conn();
        Document john = new Document("name", "John").append("age", 30);

        Object generated = conn.execute("insert_one", "users", john);
        Map<String, Object> jane = new LinkedHashMap<>();
        jane.put("_id", "jane");
        jane.put("name", "Jane");
        Object given = conn.execute("insert_one", "users", jane);

        assertThat(generated).isInstanceOf(ObjectId.class).isEqualTo(john.get("_id"));
        assertThat(given).isEqualTo("jane");
        assertThat(admin().getCollection("users").find(Filters.eq("_id", generated)).first())
                .containsEntry("name", "John").containsEntry("age", 30);
        assertThat(admin().getCollection("users").find(Filters.eq("_id", "jane")).first()).containsEntry("name", "Jane");
    }

    @Test
    void insertManyReturnsTheIdsInOrder() {
        MongoConnection conn = conn();

        Object ids = conn.execute("insert_many", "users", List.of(
                new Document("name", "a"), Map.of("_id", 7, "name", "b"), new Document("name", "c")));

        assertThat(ids).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(3).element(1).isEqualTo(7);
        List<Document> stored = admin().getCollection("users").find().sort(Sorts.ascending("name")).into(new ArrayList<>());
        assertThat(stored).extracting(d -> d.get("name")).containsExactly("a", "b", "c");
        assertThat(stored).extracting(d -> d.get("_id")).containsExactlyElementsOf(castList(ids));
    }

    @Test
    void findOneReturnsTheFirstMatchProjectedOrNull() {
        seedPeople();
        MongoConnection conn = conn();

        Document john = (Document) conn.execute("find_one", "people", new Document("name", "John"));
        Document projected = (Document) conn.execute("find_one", "people", Map.of("name", "Jane"), Projections.include("age"));
        Object none = conn.execute("find_one", "people", Filters.eq("name", "Nobody"));
        Document any = (Document) conn.execute("find_one", "people");

        assertThat(john).containsEntry("_id", 1).containsEntry("age", 30).containsEntry("city", "Oslo");
        assertThat(projected).containsOnlyKeys("_id", "age").containsEntry("age", 25);
        assertThat(none).isNull();
        assertThat(any).isNotNull().containsKey("name");
    }

    @Test
    void findReturnsEveryMatchOrAsManyAsTheLimitOrTheOptionsSay() {
        seedPeople();
        MongoConnection conn = conn();

        List<Document> oslo = castList(conn.execute("find", "people", new Document("city", "Oslo")));
        List<Document> all = castList(conn.execute("find", "people"));
        List<Document> two = castList(conn.execute("find", "people", new Document(), 2));
        List<Document> page = castList(conn.execute("find", "people", Filters.gte("age", 18),
                Map.of("sort", Sorts.descending("age"), "skip", 1, "limit", 1, "projection", Map.of("name", 1, "_id", 0))));
        List<Document> unlimited = castList(conn.execute("find", "people", new Document(), Map.of("limit", 0)));

        assertThat(oslo).extracting(d -> d.get("name")).containsExactlyInAnyOrder("John", "Joe");
        assertThat(all).hasSize(4);
        assertThat(two).hasSize(2);
        assertThat(page).containsExactly(new Document("name", "John"));
        assertThat(unlimited).hasSize(4);
    }

    @Test
    void updatesReturnTheDriversResultWithMatchedModifiedAndUpsertedCounts() {
        seedPeople();
        MongoConnection conn = conn();

        UpdateResult one = (UpdateResult) conn.execute("update_one", "people", new Document("city", "Oslo"),
                new Document("$set", new Document("country", "NO")));
        UpdateResult many = (UpdateResult) conn.execute("update_many", "people", Filters.eq("city", "Oslo"),
                Map.of("$inc", Map.of("age", 1)));
        UpdateResult missed = (UpdateResult) conn.execute("update_one", "people", new Document("name", "Nobody"),
                new Document("$set", new Document("x", 1)));
        UpdateResult upserted = (UpdateResult) conn.execute("update_one", "people", new Document("_id", 9),
                new Document("$set", new Document("name", "Upsy")), true);

        assertThat(one.getMatchedCount()).isEqualTo(1);
        assertThat(one.getModifiedCount()).isEqualTo(1);
        assertThat(many.getMatchedCount()).isEqualTo(2);
        assertThat(many.getModifiedCount()).isEqualTo(2);
        assertThat(missed.getMatchedCount()).isZero();
        assertThat(missed.getUpsertedId()).isNull();
        assertThat(upserted.getUpsertedId()).isNotNull();
        assertThat(upserted.getUpsertedId().asInt32().getValue()).isEqualTo(9);
        assertThat(admin().getCollection("people").find(Filters.eq("_id", 1)).first())
                .containsEntry("age", 31).containsEntry("country", "NO");
        assertThat(admin().getCollection("people").find(Filters.eq("_id", 3)).first()).containsEntry("age", 42);
        assertThat(admin().getCollection("people").find(Filters.eq("_id", 9)).first()).containsEntry("name", "Upsy");
    }

    @Test
    void replaceOneReplacesTheWholeDocumentAndCanUpsert() {
        seedPeople();
        MongoConnection conn = conn();

        UpdateResult replaced = (UpdateResult) conn.execute("replace_one", "people", new Document("_id", 2),
                Map.of("name", "Janet"));
        UpdateResult upserted = (UpdateResult) conn.execute("replace_one", "people", new Document("_id", 10),
                new Document("name", "New"), true);

        assertThat(replaced.getModifiedCount()).isEqualTo(1);
        assertThat(admin().getCollection("people").find(Filters.eq("_id", 2)).first())
                .isEqualTo(new Document("_id", 2).append("name", "Janet"));
        assertThat(upserted.getUpsertedId()).isNotNull();
        assertThat(admin().getCollection("people").countDocuments(Filters.eq("name", "New"))).isEqualTo(1);
    }

    @Test
    void deletesReturnTheDeletedCount() {
        seedPeople();
        MongoConnection conn = conn();

        DeleteResult one = (DeleteResult) conn.execute("delete_one", "people", new Document("city", "Oslo"));
        DeleteResult many = (DeleteResult) conn.execute("delete_many", "people", Filters.lt("age", 30));
        DeleteResult none = (DeleteResult) conn.execute("delete_many", "people", new Document("city", "Paris"));

        assertThat(one.getDeletedCount()).isEqualTo(1);
        assertThat(many.getDeletedCount()).isEqualTo(2);
        assertThat(none.getDeletedCount()).isZero();
        assertThat(admin().getCollection("people").countDocuments()).isEqualTo(1);
    }

    @Test
    void countDocumentsCountsAllOrTheMatches() {
        seedPeople();
        MongoConnection conn = conn();

        assertThat(conn.execute("count_documents", "people")).isEqualTo(4L);
        assertThat(conn.execute("count_documents", "people", Map.of("city", "Oslo"))).isEqualTo(2L);
        assertThat(conn.execute("count_documents", "nothing-here")).isEqualTo(0L);
    }

    @Test
    void aggregateReturnsThePipelinesResultUpToTheLimit() {
        seedPeople();
        MongoConnection conn = conn();
        List<Object> byCity = List.of(
                Map.of("$group", Map.of("_id", "$city", "people", Map.of("$sum", 1))),
                new Document("$sort", new Document("people", -1).append("_id", 1)));

        List<Document> all = castList(conn.execute("aggregate", "people", byCity));
        List<Document> top = castList(conn.execute("aggregate", "people", byCity, 1));

        assertThat(all).containsExactly(
                new Document("_id", "Oslo").append("people", 2),
                new Document("_id", "Bergen").append("people", 1),
                new Document("_id", "Tromsø").append("people", 1));
        assertThat(top).containsExactly(new Document("_id", "Oslo").append("people", 2));
    }

    @Test
    void distinctReturnsTheValuesAsJavaValues() {
        seedPeople();
        MongoConnection conn = conn();

        assertThat(castList(conn.execute("distinct", "people", "city"))).containsExactlyInAnyOrder("Oslo", "Bergen", "Tromsø");
        assertThat(castList(conn.execute("distinct", "people", "age", Filters.eq("city", "Oslo")))).containsExactlyInAnyOrder(30, 41);
    }

    @Test
    void createIndexReturnsItsNameAndAUniqueIndexRefusesADuplicateWithoutHarmingTheConnection() {
        MongoConnection conn = conn();

        assertThat(conn.execute("create_index", "users", new Document("email", 1), true)).isEqualTo("email_1");
        assertThat(conn.execute("create_index", "users", "name")).isEqualTo("name_1");
        conn.execute("insert_one", "users", new Document("email", "a@example.org"));

        EarnormBackendException duplicate = catchThrowableOfType(
                () -> conn.execute("insert_one", "users", new Document("email", "a@example.org")), EarnormBackendException.class);

        assertThat(duplicate.connectionLost()).isFalse();
        assertThat(duplicate.backendType()).isEqualTo("mongodb");
        assertThat(duplicate.operation()).isEqualTo("insert_one");
        assertThat(duplicate).hasMessageStartingWith("mongodb insert_one failed: ").hasMessageContaining("E11000");
        assertThat(duplicate.getCause()).isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
        assertThat(conn.isStale()).isFalse();
        assertThat(conn.execute("count_documents", "users")).isEqualTo(1L);
        assertThat(pool.state()).isEqualTo(PoolState.READY);
        List<String> indexes = admin().getCollection("users").listIndexes().map(d -> d.getString("name")).into(new ArrayList<>());
        assertThat(indexes).contains("email_1", "name_1");
    }

    @Test
    void aServerRefusalIsABackendErrorThatKeepsTheConnection() {
        seedPeople();
        MongoConnection conn = conn();

        EarnormBackendException refused = catchThrowableOfType(() -> conn.execute("update_one", "people",
                new Document("_id", 1), new Document("$nonsense", new Document("x", 1))), EarnormBackendException.class);

        assertThat(refused.connectionLost()).isFalse();
        assertThat(refused.operation()).isEqualTo("update_one");
        assertThat(conn.isStale()).isFalse();
        assertThat(conn.execute("count_documents", "people")).isEqualTo(4L);
    }

    @Test
    void dropRemovesTheCollection() {
        seedPeople();
        MongoConnection conn = conn();

        assertThat(conn.execute("drop", "people")).isNull();

        assertThat(admin().listCollectionNames().into(new ArrayList<>())).doesNotContain("people");
        assertThat(conn.execute("count_documents", "people")).isEqualTo(0L);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> castList(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<T>) value;
    }
}
