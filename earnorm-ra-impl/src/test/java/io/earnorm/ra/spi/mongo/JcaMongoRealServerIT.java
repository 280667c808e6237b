package io.earnorm.ra.spi.mongo;

import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.earnorm.ra.api.MongoConnection;
import io.earnorm.ra.api.MongoConnectionFactory;
import io.earnorm.ra.mongo.MongoPool;
import io.earnorm.ra.mongo.MongoSlot;
import io.earnorm.ra.pool.ConnectionPool;
import io.earnorm.ra.spi.Credential;
import io.earnorm.ra.spi.EarnormManagedConnection;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.LocalTransactionException;
import jakarta.resource.spi.security.PasswordCredential;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

import javax.security.auth.Subject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.earnorm.ra.testsupport.ErrorText.allText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * What needs a real mongod: local transactions (a single-node replica set) and logins (a server
 * with authentication). Runs in containers where a Docker engine answers and is skipped cleanly
 * elsewhere; tagged {@code real-mongo} so it can be selected or excluded on its own.
 */
@Tag("real-mongo")
@Testcontainers(disabledWithoutDocker = true)
class JcaMongoRealServerIT extends JcaMongoFixture {

    private static final String ROOT = "root";
    private static final String ROOT_SECRET = "Root-Horse-7f3a";
    private static final String ALICE_SECRET = "Alice-Battery-91c2";
    private static final String BOB_SECRET = "Bob-Staple-5d08";

    @Container
    private static final MongoDBContainer REPLICA_SET = new MongoDBContainer(DockerImageName.parse("mongo:7.0")).withReplicaSet();

    @Container
    private static final GenericContainer<?> WITH_AUTH = new GenericContainer<>(DockerImageName.parse("mongo:7.0"))
            .withEnv("MONGO_INITDB_ROOT_USERNAME", ROOT)
            .withEnv("MONGO_INITDB_ROOT_PASSWORD", ROOT_SECRET)
            .withExposedPorts(27017)
            // The image starts mongod once to create the user, then again for real.
            .waitingFor(Wait.forLogMessage("(?s).*Waiting for connections.*", 2).withStartupTimeout(Duration.ofMinutes(2)));

    // ------------------------------------------------------------------ transactions

    private MongoManagedConnectionFactory replicaSetDefinition() {
        return definition(REPLICA_SET.getConnectionString());
    }

    /** The test's database on the replica set, outside any pool, with the collection a transaction writes to made beforehand. */
    private MongoCollection<Document> outside(String collection) {
        MongoClient side = closeLater(MongoClients.create(REPLICA_SET.getConnectionString()));
        MongoDatabase db = side.getDatabase(database);
        closeLater(db::drop);
        if (!db.listCollectionNames().into(new java.util.ArrayList<>()).contains(collection)) {
            db.createCollection(collection);
        }
        return db.getCollection(collection);
    }

    @Test
    void whatATransactionWritesThroughExecuteAndTypedAccessIsSeenOutsideOnlyAfterCommit() throws Exception {
        MongoCollection<Document> orders = outside("orders");
        MongoManagedConnectionFactory mcf = replicaSetDefinition();
        EarnormManagedConnection<MongoSlot> mc = managed(mcf, null, null);
        MongoConnection handle = (MongoConnection) mc.getConnection(null, null);
        MongoCollection<Document> gotBeforeBegin = handle.collection("orders");

        mc.getLocalTransaction().begin();
        handle.execute("insert_one", "orders", new Document("_id", 1).append("item", "tea"));
        handle.collection("orders").insertOne(new Document("_id", 2).append("item", "milk"));
        gotBeforeBegin.updateOne(Filters.eq("_id", 1), Updates.set("paid", true));

        assertThat(mc.inTransaction()).isTrue();
        assertThat(handle.execute("count_documents", "orders")).isEqualTo(2L);
        assertThat(handle.database().getCollection("orders").find(Filters.eq("paid", true)).first()).isNotNull();
        assertThat(orders.countDocuments()).isZero();

        // A container may ask for the local transaction again to end it: the transaction lives on the connection.
        mc.getLocalTransaction().commit();

        assertThat(mc.inTransaction()).isFalse();
        assertThat(orders.countDocuments()).isEqualTo(2);
        assertThat(orders.find(Filters.eq("_id", 1)).first()).containsEntry("paid", true);
    }

    /**
     * The README's replica-set snippet: reads from secondaries when there are any, majority writes;
     * both reach what a connection exposes, a transaction still reads from the primary and commits,
     * and the plain pool with the same options reports the replica set it found.
     */
    @Test
    void readPreferenceAndWriteConcernReachTheConnectionsAndATransactionStillCommits() throws Exception {
        MongoCollection<Document> orders = outside("orders");
        MongoManagedConnectionFactory mcf = replicaSetDefinition();
        mcf.setReadPreference("secondaryPreferred");
        mcf.setWriteConcern("majority,wtimeout=5s");
        EarnormManagedConnection<MongoSlot> mc = managed(mcf, null, null);
        MongoConnection handle = (MongoConnection) mc.getConnection(null, null);

        assertThat(handle.collection("orders").getReadPreference()).isEqualTo(ReadPreference.secondaryPreferred());
        assertThat(handle.database().getWriteConcern()).isEqualTo(WriteConcern.MAJORITY.withWTimeout(5, TimeUnit.SECONDS));
        mc.getLocalTransaction().begin();
        handle.execute("insert_one", "orders", new Document("_id", 1).append("item", "tea"));
        assertThat(handle.execute("count_documents", "orders")).as("a read inside the transaction").isEqualTo(1L);
        mc.getLocalTransaction().commit();
        assertThat(orders.countDocuments()).isEqualTo(1);
        assertThat(handle.execute("count_documents", "orders")).as("a read outside, secondaryPreferred").isEqualTo(1L);

        MongoPool pool = closeLater(MongoPool.builder().uri(REPLICA_SET.getConnectionString()).database(database)
                .readPreference("secondaryPreferred").writeConcern("majority").acquireTimeout(Duration.ofSeconds(20)).build());
        pool.init();
        assertThat(pool.startupFindings().topology()).startsWith("replica set").contains(" primary", "readPreference=secondaryPreferred");
        try (MongoConnection conn = pool.acquire()) {
            assertThat(conn.collection("orders").getWriteConcern()).isEqualTo(WriteConcern.MAJORITY);
            assertThat(conn.execute("count_documents", "orders")).isEqualTo(1L);
        }
    }

    @Test
    void aRolledBackTransactionLeavesNothingAndTheConnectionThenWorksOutsideAnySession() throws Exception {
        MongoCollection<Document> orders = outside("orders");
        EarnormManagedConnection<MongoSlot> mc = managed(replicaSetDefinition(), null, null);
        MongoConnection handle = (MongoConnection) mc.getConnection(null, null);
        LocalTransaction transaction = mc.getLocalTransaction();

        transaction.begin();
        handle.execute("insert_one", "orders", new Document("_id", 1));
        assertThatThrownBy(transaction::begin).isInstanceOf(LocalTransactionException.class).hasMessageContaining("already active");
        transaction.rollback();

        assertThat(orders.countDocuments()).isZero();
        handle.execute("insert_one", "orders", new Document("_id", 2));
        assertThat(orders.countDocuments()).isEqualTo(1);
        assertThatThrownBy(transaction::commit).isInstanceOf(LocalTransactionException.class).hasMessageContaining("no mongodb transaction is active");
    }

    @Test
    void aCleanupDuringATransactionKeepsTheSlotUntilTheTransactionEnds() throws Exception {
        MongoCollection<Document> orders = outside("orders");
        MongoManagedConnectionFactory mcf = replicaSetDefinition();
        ConnectionPool<MongoSlot> pool = mcf.poolFor(new Credential(null, null));
        EarnormManagedConnection<MongoSlot> mc = managed(mcf, null, null);
        MongoConnection handle = (MongoConnection) mc.getConnection(null, null);

        mc.getLocalTransaction().begin();
        handle.execute("insert_one", "orders", new Document("_id", 1));
        handle.close();
        mc.cleanup();

        assertThat(mc.hasPhysical()).isTrue();
        assertThat(pool.stats().active()).isEqualTo(1);
        mc.getLocalTransaction().commit();
        mc.cleanup();

        assertThat(orders.countDocuments()).isEqualTo(1);
        assertThat(mc.hasPhysical()).isFalse();
        assertThat(pool.stats().active()).isZero();
    }

    @Test
    void destroyingAManagedConnectionDuringATransactionAbortsItAndRetiresTheSlot() throws Exception {
        MongoCollection<Document> orders = outside("orders");
        orders.insertOne(new Document("_id", 1).append("n", 0));
        MongoManagedConnectionFactory mcf = replicaSetDefinition();
        ConnectionPool<MongoSlot> pool = mcf.poolFor(new Credential(null, null));
        EarnormManagedConnection<MongoSlot> mc = managed(mcf, null, null);
        MongoConnection handle = (MongoConnection) mc.getConnection(null, null);
        mc.getLocalTransaction().begin();
        handle.execute("update_one", "orders", new Document("_id", 1), new Document("$set", new Document("n", 1)));

        mc.destroy();

        // Were the transaction still open, it would hold the document and this write would wait it out.
        orders.withTimeout(5, TimeUnit.SECONDS).updateOne(Filters.eq("_id", 1), Updates.set("n", 2));
        assertThat(orders.find().first()).containsEntry("n", 2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pool.stats().closed()).isEqualTo(1));
    }

    // ------------------------------------------------------------------ logins

    private static String authAddress() {
        return WITH_AUTH.getHost() + ":" + WITH_AUTH.getMappedPort(27017);
    }

    private MongoManagedConnectionFactory authenticatedDefinition() {
        try (MongoClient root = MongoClients.create("mongodb://" + ROOT + ":" + ROOT_SECRET + "@" + authAddress() + "/?authSource=admin")) {
            MongoDatabase admin = root.getDatabase("admin");
            for (String[] user : new String[][] {{"alice", ALICE_SECRET}, {"bob", BOB_SECRET}}) {
                if (admin.runCommand(new Document("usersInfo", user[0])).getList("users", Document.class).isEmpty()) {
                    admin.runCommand(new Document("createUser", user[0]).append("pwd", user[1])
                            .append("roles", List.of(new Document("role", "readWriteAnyDatabase").append("db", "admin"))));
                }
            }
        }
        MongoManagedConnectionFactory mcf = definition("mongodb://" + authAddress());
        mcf.setUser(ROOT);
        mcf.setPassword(ROOT_SECRET);
        mcf.setAcquireTimeout("20s");
        return mcf;
    }

    private static String whoami(MongoConnection connection) {
        Document status = connection.database().runCommand(new Document("connectionStatus", 1));
        List<Document> users = status.get("authInfo", Document.class).getList("authenticatedUsers", Document.class);
        assertThat(users).hasSize(1);
        return users.get(0).getString("user");
    }

    @Test
    void eachUserGetsConnectionsAuthenticatedAsThemselvesNeverAnotherUsers() throws Exception {
        MongoManagedConnectionFactory mcf = authenticatedDefinition();
        MongoConnectionFactory factory = (MongoConnectionFactory) mcf.createConnectionFactory();
        Subject bob = new Subject();
        PasswordCredential bobs = new PasswordCredential("bob", BOB_SECRET.toCharArray());
        bobs.setManagedConnectionFactory(mcf);
        bob.getPrivateCredentials().add(bobs);

        for (int round = 0; round < 3; round++) {
            try (MongoConnection asRoot = factory.getConnection();
                 MongoConnection asAlice = factory.getConnection("alice", ALICE_SECRET)) {
                EarnormManagedConnection<MongoSlot> asBob = managed(mcf, bob, null);
                MongoConnection bobHandle = (MongoConnection) asBob.getConnection(bob, null);

                assertThat(whoami(asRoot)).isEqualTo(ROOT);
                assertThat(whoami(asAlice)).isEqualTo("alice");
                assertThat(whoami(bobHandle)).isEqualTo("bob");
                asBob.destroy();
            }
        }
        assertThat(mcf.pools()).hasSize(3);
        assertThat(mcf.pools()).allSatisfy(p -> assertThat(p.stats().created()).isEqualTo(1));
    }

    @Test
    void aWrongPasswordFailsTheGetConnectionWithoutShowingIt() throws Exception {
        MongoManagedConnectionFactory mcf = authenticatedDefinition();
        MongoConnectionFactory factory = (MongoConnectionFactory) mcf.createConnectionFactory();

        ResourceException refused = catchThrowableOfType(() -> factory.getConnection("alice", BOB_SECRET), ResourceException.class);

        assertThat(refused).hasMessageContaining("refused the credentials of user 'alice'");
        assertThat(allText(refused)).noneMatch(m -> m.contains(BOB_SECRET) || m.contains(ALICE_SECRET) || m.contains(ROOT_SECRET));
        try (MongoConnection alice = factory.getConnection("alice", ALICE_SECRET)) {
            assertThat(whoami(alice)).isEqualTo("alice");
        }
    }
}
