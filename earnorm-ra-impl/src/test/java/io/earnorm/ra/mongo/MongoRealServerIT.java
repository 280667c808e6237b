package io.earnorm.ra.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.result.UpdateResult;
import io.earnorm.ra.api.MongoConnection;
import io.earnorm.ra.api.pool.ConnectionOpenException;
import io.earnorm.ra.pool.PoolManager;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.earnorm.ra.testsupport.ErrorText.allText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What needs a real mongod, which the in-process server is not: authentication (a wrong password)
 * and operations it lacks (pipeline updates, {@code $text}). Runs in a container where a Docker
 * engine answers and is skipped cleanly elsewhere; tagged {@code real-mongo} so it can be selected
 * or excluded on its own.
 */
@Tag("real-mongo")
@Testcontainers(disabledWithoutDocker = true)
class MongoRealServerIT extends MongoFixture {

    private static final String ROOT = "root";
    private static final String SECRET = "Correct-Horse-7f3a";
    private static final String WRONG = "Wrong-Battery-91c2";

    @Container
    private static final GenericContainer<?> MONGOD = new GenericContainer<>(DockerImageName.parse("mongo:7.0"))
            .withEnv("MONGO_INITDB_ROOT_USERNAME", ROOT)
            .withEnv("MONGO_INITDB_ROOT_PASSWORD", SECRET)
            .withExposedPorts(27017)
            // The image starts mongod once to create the user, then again for real.
            .waitingFor(Wait.forLogMessage("(?s).*Waiting for connections.*", 2).withStartupTimeout(Duration.ofMinutes(2)));

    private static String address() {
        return MONGOD.getHost() + ":" + MONGOD.getMappedPort(27017);
    }

    private MongoPool.Builder authenticated() {
        return MongoPool.builder().uri("mongodb://" + address()).database(database).user(ROOT).password(SECRET)
                .acquireTimeout(Duration.ofSeconds(20));
    }

    @Test
    void aWrongPasswordFailsInitNamingMongodbAndTheAddressButNotThePassword() {
        MongoPool pool = closeLater(MongoPool.builder().uri("mongodb://" + address()).database("shop").user(ROOT).password(WRONG)
                .acquireTimeout(Duration.ofSeconds(20)).build());

        Throwable failure = catchThrowable(() -> within10s(() -> {
            pool.init();
            return null;
        }));

        assertThat(failure).isInstanceOf(ConnectionOpenException.class)
                .hasMessageContaining("mongodb at root@" + address() + "/shop")
                .hasMessageContaining("refused the credentials of user 'root' (authSource 'admin')");
        assertThat(allText(failure)).isNotEmpty().noneMatch(m -> m.contains(WRONG) || m.contains(SECRET));
    }

    @Test
    void aWrongPasswordInTheUriFailsCreatePoolAndNothingIsRegistered() {
        PoolManager manager = closeLater(new PoolManager());
        manager.registerPoolType("mongodb", MongoPool::new);

        Throwable failure = catchThrowable(() -> within10s(() -> manager.createPool("mongodb", "shop",
                Map.of("uri", "mongodb://" + ROOT + ":" + WRONG + "@" + address() + "/shop?authSource=admin", "timeout", "20s"))));

        assertThat(failure).isInstanceOf(ConnectionOpenException.class)
                .hasMessageContaining("mongodb at root@" + address() + "/shop");
        assertThat(allText(failure)).noneMatch(m -> m.contains(WRONG) || m.contains(SECRET));
        assertThat(manager.getPool("shop")).isEmpty();
    }

    @Test
    void withTheRightPasswordTheOperationsRunIncludingWhatTheInProcessServerLacks() {
        MongoPool pool = open(authenticated().minSize(1).maxSize(3));
        try (MongoConnection conn = pool.acquire()) {
            conn.execute("insert_many", "people", List.of(
                    new Document("_id", 1).append("name", "John").append("bio", "likes cheese").append("age", 30),
                    new Document("_id", 2).append("name", "Jane").append("bio", "likes hiking").append("age", 25)));

            UpdateResult piped = (UpdateResult) conn.execute("update_one", "people", new Document("_id", 1),
                    List.of(new Document("$set", new Document("nextAge", new Document("$add", List.of("$age", 1))))));
            conn.execute("create_index", "people", new Document("bio", "text"));
            List<Document> hikers = conn.collection("people").find(Filters.text("hiking")).into(new java.util.ArrayList<>());

            assertThat(piped.getModifiedCount()).isEqualTo(1);
            assertThat(conn.execute("find_one", "people", new Document("_id", 1))).isInstanceOfSatisfying(Document.class,
                    d -> assertThat(d.get("nextAge")).isEqualTo(31));
            assertThat(hikers).extracting(d -> d.get("name")).containsExactly("Jane");
            assertThat(conn.execute("count_documents", "people")).isEqualTo(2L);
            assertThat(conn.ping()).isTrue();
        }
        try (MongoClient side = MongoClients.create("mongodb://" + ROOT + ":" + SECRET + "@" + address() + "/?authSource=admin")) {
            assertThat(side.getDatabase(database).getCollection("people").countDocuments()).isEqualTo(2);
            side.getDatabase(database).drop();
        }
    }
}
