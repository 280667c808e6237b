package io.earnorm.ra.mongo;

import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.api.pool.PoolState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.earnorm.ra.testsupport.ErrorText.allText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seed-style options map of a MongoDB pool; building a pool opens nothing. */
class MongoPoolOptionsTest {

    private static final String SECRET = "Correct-Horse-7f3a";

    @Test
    void readsBackendOptionsBySeedOrJavaNamesAndPoolOptionsBesides() {
        try (MongoPool pool = new MongoPool("orders", Map.of("uri", "mongodb://127.0.0.1:1", "database", "shop",
                "user", "alice", "password", SECRET, "auth_source", "shop", "operation_timeout", "20s",
                "min_size", 0, "max_size", 7, "timeout", "3s"))) {
            assertThat(pool.name()).isEqualTo("orders");
            assertThat(pool.backendType()).isEqualTo("mongodb");
            assertThat(pool.config().maxSize()).isEqualTo(7);
            assertThat(pool.config().acquireTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(pool.settings().database()).isEqualTo("shop");
            assertThat(pool.settings().user()).isEqualTo("alice");
            assertThat(pool.settings().authSource()).isEqualTo("shop");
            assertThat(pool.settings().operationTimeout()).isEqualTo(Duration.ofSeconds(20));
            assertThat(pool.backend().clientSettings().getConnectionPoolSettings().getMaxSize()).isEqualTo(7);
            assertThat(pool.toString()).doesNotContain(SECRET);
            assertThat(pool.settings().toString()).doesNotContain(SECRET);
            // Nothing was opened: the shared client is made by the first open.
            assertThat(pool.stats().created()).isZero();
            assertThat(pool.state()).isEqualTo(PoolState.READY);
        }
        try (MongoPool camel = new MongoPool("camel", Map.of("uri", "mongodb://h/db", "authSource", "admin", "user", "u",
                "password", "p", "operationTimeout", Duration.ofSeconds(2)))) {
            assertThat(camel.settings().authSource()).isEqualTo("admin");
            assertThat(camel.settings().operationTimeout()).isEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void anUnknownKeyIsRefusedByNameListingTheKnownOnes() {
        assertThatThrownBy(() -> new MongoPool("p", Map.of("uri", "mongodb://h/db", "replica_set", "rs0")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.option()).isEqualTo("replica_set"))
                .hasMessageStartingWith("unknown option 'replica_set' for a mongodb pool; the options are [")
                .hasMessageContaining("uri").hasMessageContaining("database").hasMessageContaining("authSource")
                .hasMessageContaining("maxSize");
    }

    @Test
    void valuesOfTheWrongKindAreRefusedAndAPasswordIsNeverEchoed() {
        assertThatThrownBy(() -> new MongoPool("p", Map.of("uri", 27017)))
                .isInstanceOf(InvalidConfigException.class).hasMessageStartingWith("uri must be text");
        assertThatThrownBy(() -> new MongoPool("p", Map.of("uri", "mongodb://h/db", "user", "u", "password", SECRET.toCharArray())))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("password must be text")
                .satisfies(e -> assertThat(allText(e)).noneMatch(m -> m.contains(SECRET)));
        assertThatThrownBy(() -> new MongoPool("p", Map.of("uri", "mongodb://h/db", "operation_timeout", "5")))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("needs a unit");
        assertThatThrownBy(() -> new MongoPool("p", Map.of("uri", "mongodb://h/db", "max_size", 0)))
                .isInstanceOf(InvalidConfigException.class).hasMessage("maxSize must be >= 1 (maxSize=0)");
    }

    @Test
    void theBuilderDefaultsToLocalhostAndNeedsADatabase() {
        try (MongoPool pool = MongoPool.builder().database("test").build()) {
            assertThat(pool.settings().describe()).isEqualTo("localhost:27017/test");
            assertThat(pool.name()).isEqualTo("mongodb");
        }
        assertThatThrownBy(() -> MongoPool.builder().build())
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.option()).isEqualTo("database"));
    }
}
