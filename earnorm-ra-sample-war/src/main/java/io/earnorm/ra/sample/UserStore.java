package io.earnorm.ra.sample;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.earnorm.ra.api.MongoConnection;
import io.earnorm.ra.api.MongoConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.resource.ResourceException;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** The users, one MongoDB document each, through a factory the container injects. */
@ApplicationScoped
public class UserStore {

    static final String JNDI_NAME = "java:app/eis/users";
    private static final String COLLECTION = "users";

    @Resource(lookup = JNDI_NAME)
    private MongoConnectionFactory users;

    public void insert(User user) {
        try (MongoConnection conn = open()) {
            conn.collection(COLLECTION).insertOne(new Document("_id", user.id())
                    .append("name", user.name())
                    .append("email", user.email())
                    .append("createdAt", Date.from(user.createdAt())));
        }
    }

    public Optional<User> find(String id) {
        try (MongoConnection conn = open()) {
            return Optional.ofNullable(conn.collection(COLLECTION).find(Filters.eq("_id", id)).first()).map(UserStore::user);
        }
    }

    /** The first {@code limit} users, oldest first. */
    public List<User> list(int limit) {
        try (MongoConnection conn = open()) {
            return conn.collection(COLLECTION).find().sort(Sorts.ascending("createdAt")).limit(limit)
                    .map(UserStore::user).into(new ArrayList<>());
        }
    }

    /** True when there was such a user. */
    public boolean delete(String id) {
        try (MongoConnection conn = open()) {
            return conn.collection(COLLECTION).deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
        }
    }

    public boolean ping() {
        try (MongoConnection conn = open()) {
            return conn.ping();
        }
    }

    private MongoConnection open() {
        try {
            return users.getConnection();
        } catch (ResourceException e) {
            throw ApiException.unavailable("mongodb", e);
        }
    }

    private static User user(Document d) {
        return new User(d.getString("_id"), d.getString("name"), d.getString("email"), d.getDate("createdAt").toInstant());
    }
}
