package io.earnorm.ra.sample;

import io.earnorm.ra.api.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.time.Duration;
import java.util.Optional;

/** A read-through cache of users in Redis: one JSON string per user, for a minute. */
@ApplicationScoped
public class UserCache {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);
    private static final String PREFIX = "earnorm:sample:user:";

    private final Jsonb jsonb = JsonbBuilder.create();

    @Inject
    RedisConnections redis;

    public Optional<User> get(String id) {
        try (RedisConnection conn = redis.open()) {
            Object json = conn.execute("GET", PREFIX + id);
            return json == null ? Optional.empty() : Optional.of(jsonb.fromJson((String) json, User.class));
        }
    }

    public void put(User user) {
        try (RedisConnection conn = redis.open()) {
            conn.execute("SET", PREFIX + user.id(), jsonb.toJson(user), "EX", TIME_TO_LIVE.toSeconds());
        }
    }

    public void evict(String id) {
        try (RedisConnection conn = redis.open()) {
            conn.execute("DEL", PREFIX + id);
        }
    }
}
