package io.earnorm.ra.mongo;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How operations reach the transaction's session: checked against recording stand-ins for the
 * driver's interfaces, since the in-process test server has no sessions (the real thing runs in
 * {@code JcaMongoRealServerIT} where Docker is available).
 */
class MongoSessionBindingTest {

    /** What the driver was asked: the method and whether a session came first. */
    private record Call(String method, boolean withSession, List<Class<?>> parameters) {
    }

    private final List<Call> calls = new ArrayList<>();
    private final ClientSession session = (ClientSession) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ClientSession.class}, (p, m, a) -> m.getName().equals("toString") ? "session" : null);
    private final AtomicReference<ClientSession> current = new AtomicReference<>();
    private final MongoDatabase database = MongoSessionBinding.database(recording(MongoDatabase.class), current::get);

    @SuppressWarnings("unchecked")
    private <T> T recording(Class<T> type) {
        return (T) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            if (m.getDeclaringClass() == Object.class) {
                return m.getName().equals("hashCode") ? System.identityHashCode(p) : m.getName().equals("equals") ? p == a[0] : type.getSimpleName();
            }
            calls.add(new Call(m.getName(), m.getParameterCount() > 0 && m.getParameterTypes()[0] == ClientSession.class && a[0] == session,
                    Arrays.asList(m.getParameterTypes())));
            return returnFor(m);
        });
    }

    private Object returnFor(Method m) {
        Class<?> returned = m.getReturnType();
        if (returned == MongoCollection.class) {
            return recording(MongoCollection.class);
        }
        if (returned == MongoDatabase.class) {
            return recording(MongoDatabase.class);
        }
        if (returned == long.class) {
            return 0L;
        }
        if (returned == String.class) {
            return "name";
        }
        return null;
    }

    @Test
    void withoutASessionEveryCallGoesThroughUnchanged() {
        MongoCollection<Document> items = database.getCollection("items");
        items.countDocuments(new Document());
        items.insertOne(new Document("i", 1));

        assertThat(calls).extracting(Call::method).containsExactly("getCollection", "countDocuments", "insertOne");
        assertThat(calls).noneMatch(Call::withSession);
    }

    @Test
    void withASessionEveryOperationGoesToItsOverloadTakingTheSessionFirst() {
        current.set(session);
        MongoCollection<Document> items = database.getCollection("items");

        items.countDocuments(new Document());
        items.insertOne(new Document("i", 1));
        items.updateOne(new Document(), List.of(new Document("$set", new Document("a", 1))), new UpdateOptions());
        items.find(new Document());
        database.runCommand(new Document("ping", 1));
        items.getNamespace();

        assertThat(calls).extracting(Call::method)
                .containsExactly("getCollection", "countDocuments", "insertOne", "updateOne", "find", "runCommand", "getNamespace");
        // Getting a collection or a namespace has no session overload; every operation has one.
        assertThat(calls).filteredOn(Call::withSession).extracting(Call::method)
                .containsExactly("countDocuments", "insertOne", "updateOne", "find", "runCommand");
        assertThat(calls.get(3).parameters()).containsExactly(ClientSession.class, org.bson.conversions.Bson.class, List.class, UpdateOptions.class);
    }

    @Test
    void theSessionIsLookedUpAtEachCallSoObjectsGotBeforeATransactionRunInIt() {
        MongoCollection<Document> gotBefore = database.withTimeout(1, TimeUnit.SECONDS).getCollection("items").withDocumentClass(Document.class);

        gotBefore.countDocuments();
        current.set(session);
        gotBefore.countDocuments();
        current.set(null);
        gotBefore.countDocuments();

        assertThat(calls).filteredOn(c -> c.method().equals("countDocuments")).extracting(Call::withSession).containsExactly(false, true, false);
    }
}
