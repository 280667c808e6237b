package io.earnorm.ra.spi.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.earnorm.ra.api.MongoConnection;
import io.earnorm.ra.api.MongoConnectionFactory;
import io.earnorm.ra.api.pool.ConnectionClosedException;
import io.earnorm.ra.mongo.MongoBackend;
import io.earnorm.ra.mongo.MongoSlot;
import io.earnorm.ra.pool.ConnectionPool;
import io.earnorm.ra.spi.Credential;
import io.earnorm.ra.spi.EarnormConnectionRequestInfo;
import io.earnorm.ra.spi.EarnormManagedConnection;
import io.earnorm.ra.spi.JcaContract;
import io.earnorm.ra.testsupport.TestServers;
import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.LocalTransactionException;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import jakarta.resource.spi.security.PasswordCredential;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import javax.security.auth.Subject;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.earnorm.ra.testsupport.ErrorText.allText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The MongoDB connection definition's SPI contract, without an application server (through the
 * adapter's non-managed connection manager, or driving managed connections as a container would),
 * against the shared test server (the user's {@code EARNORM_MONGO_URI}, or the in-process one).
 */
class JcaMongoContractIT extends JcaMongoFixture implements JcaContract<MongoConnection> {

    private final MongoManagedConnectionFactory mcf = sharedServerDefinition();

    @Override
    public MongoManagedConnectionFactory definition() {
        return mcf;
    }

    @Override
    public MongoManagedConnectionFactory sameDefinition() {
        return definition(TestServers.mongoUri());
    }

    @Override
    public MongoManagedConnectionFactory otherDefinition() {
        MongoManagedConnectionFactory other = definition(TestServers.mongoUri());
        other.setDatabase("elsewhere");
        return other;
    }

    @Override
    public Class<?> connectionFactoryType() {
        return MongoConnectionFactory.class;
    }

    @Override
    public Class<?> connectionFactoryImpl() {
        return MongoConnectionFactoryImpl.class;
    }

    @Override
    public void use(MongoConnection handle) {
        assertThat(handle.execute("insert_one", "items", new Document("i", 1))).isNotNull();
    }

    private ConnectionPool<MongoSlot> defaultPool() {
        return mcf.poolFor(new Credential(null, null));
    }

    private MongoConnectionFactory factory() throws Exception {
        return (MongoConnectionFactory) mcf.createConnectionFactory();
    }

    @Test
    void aDefinitionConfiguredInPlainJavaHandsOutConnectionsThatWorkAndGoBackToThePoolCoreOnClose() throws Exception {
        MongoConnectionFactory factory = factory();
        MongoSlot used;

        try (MongoConnection conn = factory.getConnection()) {
            used = slotOf(conn);
            Object id = conn.execute("insert_one", "people", new Document("name", "John").append("age", 30));
            conn.collection("people").insertOne(new Document("name", "Jane").append("age", 25));
            MongoDatabase db = conn.database();

            assertThat(conn.backendType()).isEqualTo("mongodb");
            assertThat(conn.ping()).isTrue();
            assertThat(conn.execute("find_one", "people", new Document("_id", id))).isInstanceOfSatisfying(Document.class,
                    d -> assertThat(d.getString("name")).isEqualTo("John"));
            assertThat(conn.execute("count_documents", "people")).isEqualTo(2L);
            assertThat(db.getName()).isEqualTo(database);
            assertThat(db.getCollection("people").countDocuments(Filters.gte("age", 26))).isEqualTo(1);
            assertThat(defaultPool().stats().active()).isEqualTo(1);
        }

        assertThat(defaultPool().stats().active()).isZero();
        assertThat(defaultPool().stats().available()).isEqualTo(1);
        assertThat(admin().getCollection("people").countDocuments()).isEqualTo(2);
        try (MongoConnection again = factory.getConnection()) {
            assertThat(slotOf(again)).isSameAs(used);
        }
        assertThat(defaultPool().stats().created()).isEqualTo(1);
    }

    @Test
    void aClosedHandleRefusesEveryCallIncludingTypedObjectsGotBeforeItClosed() throws Exception {
        MongoConnection conn = factory().getConnection();
        MongoDatabase db = conn.database();
        MongoCollection<Document> items = conn.collection("items");
        var cursorSource = items.find();

        conn.close();

        assertThat(conn.isClosed()).isTrue();
        assertThatThrownBy(() -> conn.execute("count_documents", "items")).isInstanceOf(ConnectionClosedException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(conn::database).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(() -> conn.collection("items")).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(conn::ping).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(db::listCollectionNames).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(items::countDocuments).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(cursorSource::first).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(conn::close).isInstanceOf(ConnectionClosedException.class);
        assertThat(defaultPool().stats().active()).isZero();
    }

    @Test
    void cleanupInvalidatesEveryHandleAndGivesTheSlotBackUntilTheNextGetConnection() throws Exception {
        EarnormManagedConnection<MongoSlot> mc = managed(mcf, null, null);
        MongoConnection first = (MongoConnection) mc.getConnection(null, null);
        MongoConnection second = (MongoConnection) mc.getConnection(null, null);
        MongoCollection<Document> typed = second.collection("items");
        first.execute("insert_one", "items", new Document("i", 1));

        mc.cleanup();

        assertThatThrownBy(() -> first.execute("count_documents", "items")).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(second::database).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(typed::countDocuments).isInstanceOf(ConnectionClosedException.class);
        assertThat(mc.hasPhysical()).isFalse();
        assertThat(defaultPool().stats().active()).isZero();
        assertThat(defaultPool().stats().available()).isEqualTo(1);

        MongoConnection third = (MongoConnection) mc.getConnection(null, null);
        assertThat(third.execute("count_documents", "items")).isEqualTo(1L);
        assertThat(defaultPool().stats().active()).isEqualTo(1);
        mc.destroy();
        assertThat(defaultPool().stats().active()).isZero();
    }

    @Test
    void matchingAndValidationFollowTheCredentialAndThePoolCoresRules() throws Exception {
        EarnormManagedConnection<MongoSlot> healthy = managed(mcf, null, null);
        healthy.getConnection(null, null); // a physical connection is taken at the first getConnection
        Subject alice = subject("alice", "alice-secret");

        assertThat(mcf.matchManagedConnections(Set.of(healthy), null, null)).isSameAs(healthy);
        assertThat(mcf.matchManagedConnections(Set.of(healthy), alice, null)).isNull();
        assertThat(mcf.matchManagedConnections(Set.of(healthy), null, new EarnormConnectionRequestInfo(new Credential("bob", "b")))).isNull();
        assertThat(mcf.getInvalidConnections(Set.of(healthy))).isEmpty();

        // A cleared pool retires every connection of the generation: the container must drop them too.
        defaultPool().clear();
        defaultPool().ready();

        assertThat(mcf.getInvalidConnections(Set.of(healthy))).containsExactly(healthy);
        assertThat(mcf.matchManagedConnections(Set.of(healthy), null, null)).isNull();
    }

    @Test
    void eachCredentialHasASubPoolAndAClientOfItsOwnAndManagedConnectionsAreNeverLentAcross() throws Exception {
        // The in-process server has no authentication: this checks the sub-pools, not a login (see JcaMongoRealServerIT).
        EarnormManagedConnection<MongoSlot> anonymous = managed(mcf, null, null);
        Subject alice = subject("alice", "alice-secret");

        ConnectionPool<MongoSlot> alices = mcf.poolFor(new Credential("alice", "alice-secret"));
        ConnectionPool<MongoSlot> bobs = mcf.poolFor(new Credential("bob", "bob-secret"));

        assertThat(mcf.pools()).hasSize(3).doesNotHaveDuplicates();
        String address = "mongodb:" + TestServers.mongoUri().substring("mongodb://".length()) + "/" + database;
        assertThat(mcf.pools()).extracting(ConnectionPool::name)
                .containsExactlyInAnyOrder(address, address + "[alice]", address + "[bob]");
        assertThat(List.of(defaultPool(), alices, bobs)).extracting(p -> ((MongoBackend) p.backend()).clientSettings().getCredential())
                .extracting(c -> c == null ? null : c.getUserName())
                .containsExactly(null, "alice", "bob");
        assertThat(alices.backend()).isNotSameAs(bobs.backend()).isNotSameAs(defaultPool().backend());
        assertThat(mcf.matchManagedConnections(Set.of(anonymous), alice, null)).isNull();
        assertThatThrownBy(() -> anonymous.getConnection(alice, null)).isInstanceOf(jakarta.resource.spi.SecurityException.class)
                .hasMessageContaining("cannot serve alice");
        assertThat(mcf.toString()).doesNotContain("alice-secret");
        assertThat(String.valueOf(alices)).doesNotContain("alice-secret");
    }

    @Test
    void credentialsInTheUriAndFromTheCallerAreRefusedAsASecurityProblem() throws Exception {
        MongoManagedConnectionFactory inUri = definition(TestServers.mongoUri().replace("mongodb://", "mongodb://app:app-secret@"));
        inUri.setAcquireTimeout("1s");

        jakarta.resource.spi.SecurityException refused = catchThrowableOfType(
                () -> inUri.createManagedConnection(null, new EarnormConnectionRequestInfo(new Credential("alice", "alice-secret"))),
                jakarta.resource.spi.SecurityException.class);

        assertThat(refused).hasMessageContaining("credentials are given twice");
        assertThat(allText(refused)).noneMatch(m -> m.contains("alice-secret") || m.contains("app-secret"));
    }

    @Test
    void aLocalTransactionAgainstAServerWithoutReplicaSetFailsAtBeginSayingItNeedsOne() throws Exception {
        EarnormManagedConnection<MongoSlot> mc = managed(mcf, null, null);
        MongoConnection handle = (MongoConnection) mc.getConnection(null, null);
        LocalTransaction transaction = mc.getLocalTransaction();

        assertThat(mcf.getTransactionSupport()).isEqualTo(TransactionSupportLevel.LocalTransaction);
        if (TestServers.realMongo()) {
            return; // the user's server may well be a replica set; JcaMongoRealServerIT covers transactions
        }
        assertThatThrownBy(transaction::begin).isInstanceOf(LocalTransactionException.class)
                .hasMessageContaining("mongodb could not begin a local transaction")
                .hasMessageContaining("transactions need a replica set")
                .hasMessageContaining("standalone");
        assertThat(mc.inTransaction()).isFalse();
        // Nothing is left half begun: the connection works outside any session, and there is nothing to commit.
        handle.execute("insert_one", "items", new Document("i", 1));
        assertThat(admin().getCollection("items").countDocuments()).isEqualTo(1);
        assertThatThrownBy(transaction::commit).isInstanceOf(LocalTransactionException.class).hasMessageContaining("no mongodb transaction is active");
        assertThatThrownBy(transaction::rollback).isInstanceOf(LocalTransactionException.class).hasMessageContaining("no mongodb transaction is active");
        assertThatThrownBy(mc::getXAResource).isInstanceOf(NotSupportedException.class).hasMessageContaining("XA");
    }

    @Test
    void closingTheDefinitionShutsTheClientOfEverySubPoolDownABorrowedOneWhenItComesBack() throws Exception {
        MongoConnectionFactory factory = factory();
        factory.getConnection().close();
        MongoConnection held = factory.getConnection();
        // The in-process server refuses every login, but alice's sub-pool and its client are made trying.
        assertThat(catchThrowable(() -> factory.getConnection("alice", "alice-secret"))).isInstanceOf(jakarta.resource.spi.CommException.class);
        MongoBackend defaultBackend = (MongoBackend) defaultPool().backend();
        MongoBackend alicesBackend = (MongoBackend) mcf.poolFor(new Credential("alice", "alice-secret")).backend();
        assertThat(mcf.pools()).hasSize(2);

        mcf.close();

        assertThat(mcf.pools()).isEmpty();
        assertThat(alicesBackend.isShutDown()).isTrue();
        // The borrowed slot keeps its client until it comes back.
        assertThat(defaultBackend.isShutDown()).isFalse();
        assertThat(held.execute("count_documents", "items")).isEqualTo(0L);
        held.close();
        // The pool core closes a returned slot in the background.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(defaultBackend.isShutDown()).isTrue());
    }

    private Subject subject(String user, String password) {
        Subject subject = new Subject();
        PasswordCredential credential = new PasswordCredential(user, password.toCharArray());
        credential.setManagedConnectionFactory(mcf);
        subject.getPrivateCredentials().add(credential);
        return subject;
    }
}
