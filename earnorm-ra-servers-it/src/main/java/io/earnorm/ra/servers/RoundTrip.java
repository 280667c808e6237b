package io.earnorm.ra.servers;

import io.earnorm.ra.api.EarnormConnection;
import io.earnorm.ra.api.EarnormConnectionFactory;
import io.earnorm.ra.api.PostgresConnection;

import java.util.Map;
import java.util.UUID;

/**
 * One real request through a connection of each backend, whose answer is checked: PostgreSQL
 * computes, Redis counts a fresh key twice, MongoDB inserts and counts a fresh document.
 */
final class RoundTrip {

    static final String MONGO_COLLECTION = "servers_it";

    private RoundTrip() {
    }

    /** Borrows a connection from {@code factory}, runs the backend's round trip on it, closes it. */
    static void through(EarnormConnectionFactory<?> factory, Definition.Backend backend) throws Exception {
        try (EarnormConnection c = factory.getConnection()) {
            on(c, backend);
        }
    }

    static void on(EarnormConnection c, Definition.Backend backend) {
        String key = "earnorm:servers-it:" + UUID.randomUUID();
        switch (backend) {
            case POSTGRES -> expect(((PostgresConnection) c).fetchVal("select ?::int + 1", 41), 42, "select 41 + 1");
            case REDIS -> {
                expect(c.execute("INCR", key), 1L, "first INCR of a new key");
                expect(c.execute("INCR", key), 2L, "second INCR");
                c.execute("DEL", key);
            }
            case MONGO -> {
                c.execute("insert_one", MONGO_COLLECTION, Map.of("k", key));
                expect(c.execute("count_documents", MONGO_COLLECTION, Map.of("k", key)), 1L, "documents counted after insert_one");
                c.execute("delete_many", MONGO_COLLECTION, Map.of("k", key));
            }
        }
    }

    /** A call that needs the connection open: it must be refused once the handle is closed. */
    static Object touch(EarnormConnection c, Definition.Backend backend) {
        return switch (backend) {
            case POSTGRES -> ((PostgresConnection) c).fetchVal("select 1");
            case REDIS -> c.execute("PING");
            case MONGO -> c.execute("count_documents", MONGO_COLLECTION, Map.of());
        };
    }

    private static void expect(Object actual, Object expected, String what) {
        Object normalised = actual instanceof Number n && expected instanceof Number
                ? (expected instanceof Long ? (Object) n.longValue() : (Object) n.intValue())
                : actual;
        if (!expected.equals(normalised)) {
            throw new AssertionError(what + ": expected " + expected + " but got " + actual);
        }
    }
}
