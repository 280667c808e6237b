package io.earnorm.ra.sample;

import java.time.Instant;

/** A user of the directory, as stored in MongoDB, cached in Redis and returned by the API. */
public record User(String id, String name, String email, Instant createdAt) {
}
