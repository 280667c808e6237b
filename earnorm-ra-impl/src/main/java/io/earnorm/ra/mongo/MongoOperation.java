package io.earnorm.ra.mongo;

import com.mongodb.client.AggregateIterable;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The operations of {@code MongoConnection.execute}, by the seed's snake_case names, each with its
 * signature (the collection name always first) and what it returns. See {@link MongoExecutor}.
 */
enum MongoOperation {

    FIND_ONE("find_one", "collection[, filter[, projection]]", 0, 2) {
        @Override
        Object run(MongoCollection<Document> c, MongoArguments a) {
            FindIterable<Document> found = c.find(a.bsonOrEmpty(0, "filter"));
            if (a.has(1)) {
                found = found.projection(a.bson(1, "projection"));
            }
            return found.first();
        }
    },

    FIND("find", "collection[, filter[, limit | options]]", 0, 2) {
        @Override
        Object run(MongoCollection<Document> c, MongoArguments a) {
            FindIterable<Document> found = c.find(a.bsonOrEmpty(0, "filter"));
            if (a.has(1)) {
                found = MongoFindOptions.apply(found, a.raw(1, "limit | options"), a);
            }
            return found.into(new ArrayList<>());
        }
    },

    INSERT_ONE("insert_one", "collection, document", 1, 1) {
        @Override
        Object run(MongoCollection<Document> c, MongoArguments a) {
            Document document = a.document(0, "document");
            c.insertOne(document);
            // The driver gave the document an _id if it had none.
            return document.get("_id");
        }
    },

    INSERT_MANY("insert_many", "collection, documents", 1, 1) {
        @Override
        Object run(MongoCollection<Document> c, MongoArguments a) {
            List<Document> documents = a.documents(0, "documents");
            c.insertMany(documents);
            List<Object> ids = new ArrayList<>(documents.size());
            documents.forEach(d -> ids.add(d.get("_id")));
            return ids;
        }
    },

    UPDATE_ONE("update_one", "collection, filter, update[, upsert]", 2, 3) {
        @Override
        Object run(MongoCollection<Document> c, MongoArguments a) {
            Bson filter = a.bson(0, "filter");
            UpdateOptions options = new UpdateOptions().upsert(a.flag(2, "upsert"));
            return a.isList(1)
                    ? c.updateOne(filter, a.pipeline(1, "update"), options)
                    : c.updateOne(filter, a.bson(1, "update"), options);
        }
    },

    UPDATE_MANY("update_many", "collection, filter, update[, upsert]", 2, 3) {
        @Override
        Object run(MongoCollection<Document> c, MongoArguments a) {
            Bson filter = a.bson(0, "filter");
            UpdateOptions options = new UpdateOptions().upsert(a.flag(2, "upsert"));
            return a.isList(1)
                    ? c.updateMany(filter, a.pipeline(1, "update"), options)
                    : c.updateMany(filter, a.bson(1, "update"), options);
        }
    },

    REPLACE_ONE("replace_one", "collection, filter, replacement[, upsert]", 2, 3) {
        @Override
        Object run(MongoCollection<Document> c, MongoArguments a) {
            return c.replaceOne(a.bson(0, "filter"), a.document(1, "replacement"), new ReplaceOptions().upsert(a.flag(2, "upsert")));
        }
    },

    DELETE_ONE("delete_one", "collection, filter", 1, 1) {
        @Override
        Object run(MongoCollection<Document> c, MongoArguments a) {
            return c.deleteOne(a.bson(0, "filter"));
        }
    },

    DELETE_MANY("delete_many", "collection, filter", 1, 1) {
        @Override
        Object run(MongoCollection<Document> c, MongoArguments a) {
            return c.deleteMany(a.bson(0, "filter"));
        }
    },

    COUNT_DOCUMENTS("count_documents", "collection[, filter]", 0, 1) {
        @Override
        Object run(MongoCollection<Document> c, MongoArguments a) {
            return c.countDocuments(a.bsonOrEmpty(0, "filter"));
        }
    },

    AGGREGATE("aggregate", "collection, pipeline[, limit]", 1, 2) {
        @Override
        Object run(MongoCollection<Document> c, MongoArguments a) {
            List<Bson> pipeline = a.pipeline(0, "pipeline");
            int limit = a.has(1) ? a.count(1, "limit") : 0;
            if (limit > 0) {
                if (!pipeline.isEmpty() && writesOut(pipeline.get(pipeline.size() - 1), c)) {
                    throw a.refusal("a limit cannot follow a $out or $merge stage");
                }
                pipeline = new ArrayList<>(pipeline);
                pipeline.add(new Document("$limit", limit));
            }
            AggregateIterable<Document> results = c.aggregate(pipeline);
            return results.into(new ArrayList<>());
        }

        private boolean writesOut(Bson stage, MongoCollection<Document> c) {
            BsonDocument document = stage.toBsonDocument(Document.class, c.getCodecRegistry());
            return !document.isEmpty() && (document.getFirstKey().equals("$out") || document.getFirstKey().equals("$merge"));
        }
    },

    DISTINCT("distinct", "collection, field[, filter]", 1, 2) {
        @Override
        Object run(MongoCollection<Document> c, MongoArguments a) {
            List<BsonValue> values = c.distinct(a.text(0, "field"), a.bsonOrEmpty(1, "filter"), BsonValue.class).into(new ArrayList<>());
            return MongoValues.toJava(values, c.getCodecRegistry());
        }
    },

    CREATE_INDEX("create_index", "collection, keys[, unique]", 1, 2) {
        @Override
        Object run(MongoCollection<Document> c, MongoArguments a) {
            Object keys = a.raw(0, "keys");
            Bson index = keys instanceof String field && !field.isBlank() ? Indexes.ascending(field) : a.toBson(keys, "keys (or a field name)");
            return c.createIndex(index, new IndexOptions().unique(a.flag(1, "unique")));
        }
    },

    DROP("drop", "collection", 0, 0) {
        @Override
        Object run(MongoCollection<Document> c, MongoArguments a) {
            c.drop();
            return null;
        }
    };

    private static final Map<String, MongoOperation> BY_NAME = byName();

    private final String operationName;
    private final String parameters;
    private final int minArguments;
    private final int maxArguments;

    MongoOperation(String operationName, String parameters, int minArguments, int maxArguments) {
        this.operationName = operationName;
        this.parameters = parameters;
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
    }

    /** Runs the operation; {@code a} holds the arguments after the collection name. */
    abstract Object run(MongoCollection<Document> c, MongoArguments a);

    /**
     * The operation named {@code name}.
     *
     * @throws IllegalArgumentException      for a null name
     * @throws UnsupportedOperationException naming the known operations, for an unknown name
     */
    static MongoOperation named(String name) {
        if (name == null) {
            throw new IllegalArgumentException("mongodb execute needs an operation name; the operations are " + names());
        }
        MongoOperation operation = BY_NAME.get(name);
        if (operation == null) {
            throw new UnsupportedOperationException("mongodb has no operation '" + name + "'; the operations are " + names());
        }
        return operation;
    }

    /** The operation names, sorted. */
    static Set<String> names() {
        return new TreeSet<>(BY_NAME.keySet());
    }

    String operationName() {
        return operationName;
    }

    /** {@code find_one(collection[, filter[, projection]])}, for messages. */
    String signature() {
        return operationName + "(" + parameters + ")";
    }

    /** Arguments after the collection name. */
    int minArguments() {
        return minArguments;
    }

    int maxArguments() {
        return maxArguments;
    }

    private static Map<String, MongoOperation> byName() {
        return Map.copyOf(Arrays.stream(values()).collect(Collectors.toMap(o -> o.operationName, o -> o)));
    }
}
