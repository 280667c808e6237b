package io.earnorm.ra.mongo;

import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The arguments of one {@code execute} call after the collection name, read by position and
 * checked by type. Every refusal is an {@link IllegalArgumentException} that names the operation,
 * its signature and what the argument should have been. {@code null} is never an argument: an
 * optional one is left out, and "no filter" is an empty document.
 */
final class MongoArguments {

    private final MongoOperation operation;
    private final String collection;
    private final Object[] args;

    private MongoArguments(MongoOperation operation, String collection, Object[] args) {
        this.operation = operation;
        this.collection = collection;
        this.args = args;
    }

    /** Checks the count and the collection name ({@code all[0]}). */
    static MongoArguments of(MongoOperation operation, Object[] all) {
        Object[] given = all == null ? new Object[0] : all;
        int min = operation.minArguments() + 1;
        int max = operation.maxArguments() + 1;
        if (given.length < min || given.length > max) {
            String expected = min == max ? min + (min == 1 ? " argument" : " arguments") : min + " to " + max + " arguments";
            throw refusal(operation, "expects " + expected + " but got " + given.length);
        }
        if (!(given[0] instanceof String name)) {
            throw refusal(operation, "the first argument must be the collection name, a non-blank String, not " + describe(given[0]));
        }
        if (name.isBlank()) {
            throw refusal(operation, "the collection name must not be blank");
        }
        Object[] rest = new Object[given.length - 1];
        System.arraycopy(given, 1, rest, 0, rest.length);
        return new MongoArguments(operation, name, rest);
    }

    String collection() {
        return collection;
    }

    boolean has(int index) {
        return index < args.length;
    }

    /** A filter, projection, sort or key document: a {@link Bson} (such as a {@link Document}) or a {@code Map}. */
    Bson bson(int index, String name) {
        return toBson(present(index, name), name);
    }

    /** As {@link #bson}, or an empty document when the argument was left out. */
    Bson bsonOrEmpty(int index, String name) {
        return has(index) ? bson(index, name) : new Document();
    }

    /** A document to store: a {@link Document}, or a {@code Map} copied into one. */
    Document document(int index, String name) {
        return toDocument(present(index, name), name);
    }

    /** A non-empty list of documents to store. */
    List<Document> documents(int index, String name) {
        List<?> list = list(index, name);
        if (list.isEmpty()) {
            throw refusal(name + " must hold at least one document");
        }
        List<Document> documents = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            documents.add(toDocument(element(list, i, name), name + "[" + i + "]"));
        }
        return documents;
    }

    /** An aggregation pipeline: a list of stages, each a {@link Bson} or a {@code Map}. */
    List<Bson> pipeline(int index, String name) {
        List<?> list = list(index, name);
        List<Bson> stages = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            stages.add(toBson(element(list, i, name), name + "[" + i + "]"));
        }
        return stages;
    }

    /** True when the argument is a list (an update pipeline) rather than an update document. */
    boolean isList(int index) {
        return has(index) && args[index] instanceof List<?>;
    }

    /** {@code true}/{@code false}, or {@code false} when left out. */
    boolean flag(int index, String name) {
        if (!has(index)) {
            return false;
        }
        if (present(index, name) instanceof Boolean b) {
            return b;
        }
        throw refusal(name + " must be a Boolean, not " + describe(args[index]));
    }

    /** A whole number from 0 up. */
    int count(int index, String name) {
        return count(present(index, name), name);
    }

    /** A non-blank String. */
    String text(int index, String name) {
        if (present(index, name) instanceof String s && !s.isBlank()) {
            return s;
        }
        throw refusal(name + " must be a non-blank String, not " + describe(args[index]));
    }

    /** The argument as given, for operations that accept several kinds. */
    Object raw(int index, String name) {
        return present(index, name);
    }

    Bson toBson(Object value, String name) {
        if (value instanceof Bson bson) {
            return bson;
        }
        if (value instanceof Map<?, ?> map) {
            return fromMap(map, name);
        }
        throw refusal(name + " must be a Document, a Map or another Bson, not " + describe(value));
    }

    int count(Object value, String name) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long n = ((Number) value).longValue();
            if (n >= 0 && n <= Integer.MAX_VALUE) {
                return (int) n;
            }
            throw refusal(name + " must be between 0 and " + Integer.MAX_VALUE + " (" + name + "=" + n + ")");
        }
        throw refusal(name + " must be a whole number (Integer or Long), not " + describe(value));
    }

    private Document toDocument(Object value, String name) {
        if (value instanceof Document document) {
            return document;
        }
        if (value instanceof Map<?, ?> map) {
            return fromMap(map, name);
        }
        throw refusal(name + " must be a Document or a Map, not " + describe(value));
    }

    private Document fromMap(Map<?, ?> map, String name) {
        Document document = new Document();
        map.forEach((key, value) -> {
            if (!(key instanceof String field)) {
                throw refusal(name + " has a key that is " + describe(key) + "; field names must be Strings");
            }
            document.put(field, value);
        });
        return document;
    }

    private List<?> list(int index, String name) {
        if (present(index, name) instanceof List<?> list) {
            return list;
        }
        throw refusal(name + " must be a List, not " + describe(args[index]));
    }

    private Object element(List<?> list, int i, String name) {
        Object value = list.get(i);
        if (value == null) {
            throw refusal(name + "[" + i + "] must not be null");
        }
        return value;
    }

    private Object present(int index, String name) {
        if (!has(index)) {
            throw refusal(name + " is missing");
        }
        if (args[index] == null) {
            throw refusal(name + " must not be null" + ("filter".equals(name) ? " (for no filter pass an empty Document)" : ""));
        }
        return args[index];
    }

    MongoArgumentException refusal(String what) {
        return refusal(operation, what);
    }

    private static MongoArgumentException refusal(MongoOperation operation, String what) {
        return new MongoArgumentException("mongodb " + operation.signature() + ": " + what);
    }

    /** The type of a value, never the value: arguments can carry personal data. */
    private static String describe(Object value) {
        return value == null ? "null" : "a " + value.getClass().getName();
    }
}
