package io.earnorm.ra.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.BSONException;
import org.bson.Document;
import org.bson.codecs.configuration.CodecConfigurationException;

import java.util.Set;

/**
 * What {@code execute(operation, args...)} means for MongoDB: the seed's snake_case collection
 * operations, the collection name always first. Filters, updates, projections, sorts and index
 * keys are a {@link Document}, a {@code Map} or any other {@link org.bson.conversions.Bson} (such
 * as {@code Filters.eq(...)}); documents to store are a {@code Document} or a {@code Map}.
 * {@code null} is never an argument: leave optional ones out, and pass an empty document for "no
 * filter".
 *
 * <table>
 *   <caption>Operations</caption>
 *   <tr><th>operation and arguments</th><th>returns</th></tr>
 *   <tr><td>{@code find_one(collection[, filter[, projection]])}</td><td>the first matching {@code Document}, or {@code null}</td></tr>
 *   <tr><td>{@code find(collection[, filter[, limit | options]])}; options: a Map with {@code sort},
 *       {@code projection}, {@code skip}, {@code limit}</td><td>{@code List<Document>}, all of it read
 *       (at most {@code limit} documents; 0 or none means no limit)</td></tr>
 *   <tr><td>{@code insert_one(collection, document)}</td><td>the document's {@code _id} (the driver
 *       generates an {@code ObjectId} and puts it in a given {@code Document} when it has none)</td></tr>
 *   <tr><td>{@code insert_many(collection, documents)}</td><td>{@code List} of the {@code _id}s, in order</td></tr>
 *   <tr><td>{@code update_one(collection, filter, update[, upsert])}, {@code update_many(...)}; update:
 *       an update document or a pipeline (a List)</td><td>the driver's {@code UpdateResult}
 *       (matched, modified, upserted id)</td></tr>
 *   <tr><td>{@code replace_one(collection, filter, replacement[, upsert])}</td><td>{@code UpdateResult}</td></tr>
 *   <tr><td>{@code delete_one(collection, filter)}, {@code delete_many(collection, filter)}</td><td>the
 *       driver's {@code DeleteResult} (deleted count)</td></tr>
 *   <tr><td>{@code count_documents(collection[, filter])}</td><td>{@code Long}</td></tr>
 *   <tr><td>{@code aggregate(collection, pipeline[, limit])}</td><td>{@code List<Document>}, all of it
 *       read (at most {@code limit}, applied as a final {@code $limit} stage)</td></tr>
 *   <tr><td>{@code distinct(collection, field[, filter])}</td><td>{@code List} of the values, as a
 *       {@code Document} holds them</td></tr>
 *   <tr><td>{@code create_index(collection, keys[, unique])}; keys: a document such as
 *       {@code {name: 1}}, or one field name for an ascending index</td><td>the index name</td></tr>
 *   <tr><td>{@code drop(collection)}</td><td>{@code null}</td></tr>
 * </table>
 *
 * <p>{@code find} and {@code aggregate} read the whole result into memory; for large results use a
 * limit, or the typed {@code collection(name)} and iterate.
 *
 * <p>Failures: an unknown operation is an {@link UnsupportedOperationException} listing the known
 * ones; a wrong argument count or type, or an argument the driver cannot encode, an
 * {@link IllegalArgumentException} naming the operation and its signature. The driver's own
 * exceptions ({@code MongoException}) pass through for the caller to classify.
 */
public final class MongoExecutor {

    private MongoExecutor() {
    }

    /** The operation names {@code execute} knows. */
    public static Set<String> operations() {
        return MongoOperation.names();
    }

    /** Runs {@code operation} on a collection of {@code database}; see the class comment. */
    public static Object execute(MongoDatabase database, String operation, Object... args) {
        MongoOperation op = MongoOperation.named(operation);
        MongoArguments arguments = MongoArguments.of(op, args);
        try {
            MongoCollection<Document> collection = database.getCollection(arguments.collection());
            return op.run(collection, arguments);
        } catch (MongoArgumentException refused) {
            throw refused;
        } catch (IllegalArgumentException | CodecConfigurationException | BSONException e) {
            // The driver refused a value before sending anything: a field name with '$', a type BSON cannot hold.
            throw new IllegalArgumentException("mongodb " + op.signature() + ": " + e.getMessage(), e);
        }
    }
}
