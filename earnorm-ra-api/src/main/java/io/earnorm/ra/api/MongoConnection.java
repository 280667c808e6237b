package io.earnorm.ra.api;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * A borrowed MongoDB connection: a lease on the factory's one {@code MongoClient}, bound to the
 * configured database.
 *
 * <p>{@code execute} takes the seed's operation names with the collection name first:
 * {@code find_one}, {@code find}, {@code insert_one}, {@code insert_many}, {@code update_one},
 * {@code update_many}, {@code replace_one}, {@code delete_one}, {@code delete_many},
 * {@code count_documents}, {@code aggregate}, {@code distinct}, {@code create_index}, {@code drop}.
 * Filters, updates and keys are a {@code Document}, a {@code Map} or any {@code Bson}; null is never an
 * argument (leave optional ones out; "no filter" is an empty Document).
 * {@code find(collection[, filter[, limit | {sort, projection, skip, limit}]])} and
 * {@code aggregate(collection, pipeline[, limit])} return a materialised {@code List<Document>} of at most
 * {@code limit} documents (0 or none: no limit), never a live cursor; {@code find_one} a Document or null;
 * {@code insert_one} the {@code _id}; {@code insert_many} the list of ids; {@code update_*}/{@code replace_one}
 * the driver's {@code UpdateResult}, {@code delete_*} its {@code DeleteResult}; {@code count_documents} a Long;
 * {@code distinct(collection, field[, filter])} a List; {@code create_index(collection, keys[, unique])} the
 * index name; {@code drop} null.
 */
public interface MongoConnection extends EarnormConnection {

    /** The configured database; it refuses every call once this connection is closed. */
    MongoDatabase database();

    /** A collection of the configured database; it refuses every call once this connection is closed. */
    MongoCollection<Document> collection(String name);
}
