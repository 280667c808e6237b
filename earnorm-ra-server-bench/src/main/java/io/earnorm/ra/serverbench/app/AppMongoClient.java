package io.earnorm.ra.serverbench.app;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.concurrent.TimeUnit;

/**
 * The MongoDB side a Payara user would write without the adapter: one {@link MongoClient} held by
 * the application, its pool 8 connections (minimum = maximum), the same 30 s wait limit.
 */
@ApplicationScoped
public class AppMongoClient {

    private MongoClient client;
    private MongoCollection<Document> items;

    @PostConstruct
    void open() {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(Sizes.required("earnorm.mongo.uri")))
                .applyToConnectionPoolSettings(p -> p.maxSize(Sizes.CONNECTIONS).minSize(Sizes.CONNECTIONS)
                        .maxWaitTime(Sizes.WAIT_LIMIT_SECONDS, TimeUnit.SECONDS))
                .build();
        client = MongoClients.create(settings);
        items = client.getDatabase(BenchData.MONGO_DATABASE).getCollection(BenchData.COLLECTION);
    }

    MongoCollection<Document> items() {
        return items;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
