package io.earnorm.ra.serverbench.app;

import io.earnorm.ra.api.MongoConnection;
import io.earnorm.ra.api.MongoConnectionFactory;
import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.api.PostgresConnectionFactory;
import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.api.RedisConnectionFactory;
import io.earnorm.ra.serverbench.harness.Operation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * Each operation a step can measure, on each side. Both sides of a comparison run the same driver
 * code on the connection they get (JDBC on {@code jdbc()}, Jedis's typed commands, the MongoDB
 * collection API), so that only the way to the connection differs.
 */
@ApplicationScoped
public class Operations {

    /** The operations, by the name the launcher and the table use. */
    public static final List<String> NAMES = List.of("pg-getclose", "pg-getclose-tx", "pg-select1", "pg-select1-tx", "pg-row",
            "pg-row-tx", "redis-get", "redis-set", "mongo-find");

    @Inject
    Factories factories;
    @Inject
    AppRedisClient redisClient;
    @Inject
    AppMongoClient mongoClient;

    Operation of(String name, Side side, Lookup lookup) {
        return switch (name) {
            case "pg-getclose" -> postgres(side, lookup, c -> { });
            case "pg-getclose-tx" -> inTransaction(postgres(side, lookup, c -> { }));
            case "pg-select1" -> postgres(side, lookup, Operations::selectOne);
            case "pg-select1-tx" -> inTransaction(postgres(side, lookup, Operations::selectOne));
            case "pg-row" -> postgres(side, lookup, Operations::selectRow);
            case "pg-row-tx" -> inTransaction(postgres(side, lookup, Operations::selectRow));
            case "redis-get" -> side == Side.NATIVE
                    ? () -> redisClient.client().get(BenchData.randomKey())
                    : redis(factories.redis(side, lookup), true);
            case "redis-set" -> side == Side.NATIVE
                    ? () -> redisClient.client().set(BenchData.randomKey(), BenchData.VALUE)
                    : redis(factories.redis(side, lookup), false);
            case "mongo-find" -> side == Side.NATIVE
                    ? () -> mongoClient.items().find(eq("_id", BenchData.randomId())).first()
                    : mongo(factories.mongo(side, lookup));
            default -> throw new IllegalArgumentException("unknown operation '" + name + "'; operations: " + NAMES);
        };
    }

    /** JDBC work on one connection of the side: the adapter's {@code jdbc()} or Payara's pooled connection. */
    private interface JdbcWork {
        void on(Connection c) throws SQLException;
    }

    private Operation postgres(Side side, Lookup lookup, JdbcWork work) {
        if (side == Side.NATIVE) {
            return () -> {
                try (Connection c = factories.jdbc(lookup).getConnection()) {
                    work.on(c);
                }
            };
        }
        PostgresConnectionFactory factory = factories.postgres(side, lookup);
        return () -> {
            try (PostgresConnection c = factory.getConnection()) {
                work.on(c.jdbc());
            }
        };
    }

    /** The operation inside a JTA transaction: the connection is enlisted (a local transaction on either side) and committed. */
    private Operation inTransaction(Operation operation) {
        return () -> {
            factories.transaction().begin();
            try {
                operation.call();
            } finally {
                if (factories.transaction().getStatus() == Status.STATUS_ACTIVE) {
                    factories.transaction().commit();
                } else {
                    factories.transaction().rollback();
                }
            }
        };
    }

    private static void selectOne(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(BenchData.SELECT_ONE); ResultSet rs = s.executeQuery()) {
            rs.next();
            rs.getInt(1);
        }
    }

    private static void selectRow(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(BenchData.SELECT_ROW)) {
            s.setInt(1, BenchData.randomId());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                rs.getInt(1);
                rs.getString(2);
                rs.getBigDecimal(3);
            }
        }
    }

    private static Operation redis(RedisConnectionFactory factory, boolean get) {
        return () -> {
            try (RedisConnection c = factory.getConnection()) {
                if (get) {
                    c.commands().get(BenchData.randomKey());
                } else {
                    c.commands().set(BenchData.randomKey(), BenchData.VALUE);
                }
            }
        };
    }

    private static Operation mongo(MongoConnectionFactory factory) {
        return () -> {
            try (MongoConnection c = factory.getConnection()) {
                c.collection(BenchData.COLLECTION).find(eq("_id", BenchData.randomId())).first();
            }
        };
    }
}
