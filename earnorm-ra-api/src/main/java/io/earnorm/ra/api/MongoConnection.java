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
 * {@code find} and {@code aggregate} return a materialised {@code List<Document>}, never a live cursor.
 */
public interface MongoConnection extends EarnormConnection {

    /** The configured database; it refuses every call once this connection is closed. */
    MongoDatabase database();

    /** A collection of the configured database; it refuses every call once this connection is closed. */
    MongoCollection<Document> collection(String name);
}
