package io.earnorm.ra.serverbench.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes what the steps read (a table, keys, a collection; names of their own) before a run, and
 * removes it after. Written through the native side, read back by every side before measuring.
 */
@ApplicationScoped
public class Dataset {

    @Inject
    Factories factories;
    @Inject
    AppRedisClient redisClient;
    @Inject
    AppMongoClient mongoClient;

    void create() throws SQLException {
        try (Connection c = factories.jdbc(Lookup.GLOBAL).getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + BenchData.TABLE);
                s.execute("CREATE TABLE " + BenchData.TABLE + " (id integer PRIMARY KEY, name text NOT NULL, amount numeric(12, 2) NOT NULL)");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + BenchData.TABLE + " VALUES (?, ?, ?)")) {
                for (int i = 0; i < BenchData.ROWS; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "item " + i);
                    insert.setBigDecimal(3, BigDecimal.valueOf(i, 2));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        for (int i = 0; i < BenchData.ROWS; i++) {
            redisClient.client().set(BenchData.key(i), BenchData.VALUE);
        }
        mongoClient.items().drop();
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < BenchData.ROWS; i++) {
            documents.add(new Document("_id", i).append("name", "item " + i).append("amount", i));
        }
        mongoClient.items().insertMany(documents);
    }

    void remove() throws SQLException {
        try (Connection c = factories.jdbc(Lookup.GLOBAL).getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + BenchData.TABLE);
        }
        String[] keys = new String[BenchData.ROWS];
        for (int i = 0; i < BenchData.ROWS; i++) {
            keys[i] = BenchData.key(i);
        }
        redisClient.client().del(keys);
        mongoClient.items().drop();
    }
}
