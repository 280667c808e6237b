package io.earnorm.ra.mongo;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.ReadPreference;
import com.mongodb.connection.ConnectionPoolSettings;
import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.pool.PoolConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checking and combining the MongoDB options, and the driver settings derived from them; no server needed. */
class MongoSettingsTest {

    private static final String SECRET = "Correct-Horse-7f3a";

    private static MongoSettings settings(String uri) {
        return MongoSettings.of(uri, null, null, null, null, null);
    }

    @Test
    void theDriversPoolIsSizedAndTimedByThePoolsOptions() {
        PoolConfig pool = PoolConfig.builder().minSize(5).maxSize(20).acquireTimeout(Duration.ofSeconds(30))
                .maxLifetime(Duration.ofHours(1)).idleTimeout(Duration.ofMinutes(5)).maxConnecting(3).build();

        MongoClientSettings driver = settings("mongodb://db.example.org:27017/test").clientSettings(pool);

        ConnectionPoolSettings p = driver.getConnectionPoolSettings();
        assertThat(p.getMaxSize()).isEqualTo(20);
        assertThat(p.getMinSize()).isEqualTo(5);
        assertThat(p.getMaxConnectionLifeTime(TimeUnit.MILLISECONDS)).isEqualTo(Duration.ofHours(1).toMillis());
        assertThat(p.getMaxConnectionIdleTime(TimeUnit.MILLISECONDS)).isEqualTo(Duration.ofMinutes(5).toMillis());
        assertThat(p.getMaxWaitTime(TimeUnit.MILLISECONDS)).isEqualTo(30_000);
        assertThat(p.getMaxConnecting()).isEqualTo(3);
    }

    @Test
    void connectAndServerSelectionTimeoutsAreBoundedByTheValidationTimeout() {
        PoolConfig pool = PoolConfig.builder().validationTimeout(Duration.ofSeconds(2)).build();

        MongoClientSettings defaults = settings("mongodb://h/test").clientSettings(pool);
        MongoClientSettings shorter = settings("mongodb://h/test?connectTimeoutMS=700&serverSelectionTimeoutMS=900").clientSettings(pool);
        MongoClientSettings unbounded = settings("mongodb://h/test?connectTimeoutMS=0").clientSettings(pool);

        assertThat(defaults.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2000);
        assertThat(defaults.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2000);
        assertThat(shorter.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(700);
        assertThat(shorter.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(900);
        assertThat(unbounded.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2000);
    }

    @Test
    void noWaitAndNoLimitsTranslateToTheDriversTerms() {
        PoolConfig pool = PoolConfig.builder().acquireTimeout(Duration.ZERO).maxLifetime(Duration.ZERO).idleTimeout(Duration.ZERO)
                .validationTimeout(Duration.ofMillis(1500)).build();

        ConnectionPoolSettings p = settings("mongodb://h/test").clientSettings(pool).getConnectionPoolSettings();

        // A zero wait would make the driver refuse at once; it waits up to the validation bound instead.
        assertThat(p.getMaxWaitTime(TimeUnit.MILLISECONDS)).isEqualTo(1500);
        assertThat(p.getMaxConnectionLifeTime(TimeUnit.MILLISECONDS)).isZero();
        assertThat(p.getMaxConnectionIdleTime(TimeUnit.MILLISECONDS)).isZero();
    }

    @Test
    void theUriPassesThroughAndTheOperationTimeoutBecomesTheDriversTimeout() {
        MongoSettings s = MongoSettings.of("mongodb://a:27017,b:27018/shop?replicaSet=rs0&readPreference=secondaryPreferred&retryWrites=false",
                null, null, null, null, Duration.ofSeconds(7));

        MongoClientSettings driver = s.clientSettings(PoolConfig.DEFAULTS);

        assertThat(driver.getClusterSettings().getRequiredReplicaSetName()).isEqualTo("rs0");
        assertThat(driver.getReadPreference()).isEqualTo(ReadPreference.secondaryPreferred());
        assertThat(driver.getRetryWrites()).isFalse();
        assertThat(driver.getTimeout(TimeUnit.MILLISECONDS)).isEqualTo(7000);
        assertThat(settings("mongodb://h/test").clientSettings(PoolConfig.DEFAULTS).getTimeout(TimeUnit.MILLISECONDS)).isNull();
        assertThat(s.describe()).isEqualTo("a:27017,b:27018/shop");
    }

    @Test
    void theDatabaseComesFromTheOptionOrTheUriAndIsRequired() {
        assertThat(settings("mongodb://h/fromuri").database()).isEqualTo("fromuri");
        assertThat(MongoSettings.of("mongodb://h/fromuri", "fromoption", null, null, null, null).database()).isEqualTo("fromoption");
        assertThatThrownBy(() -> settings("mongodb://h:27017"))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.option()).isEqualTo("database"))
                .hasMessage("a mongodb pool needs a database: set database, or name it in the uri (mongodb://host:27017/mydb)");
        assertThatThrownBy(() -> MongoSettings.of("mongodb://h", "my.db", null, null, null, null))
                .isInstanceOf(InvalidConfigException.class).hasMessageStartingWith("database 'my.db' is not a valid MongoDB database name");
    }

    @Test
    void aUserGivenApartNeedsAPasswordAndAuthenticatesAtAdminUnlessToldOtherwise() {
        MongoSettings s = MongoSettings.of("mongodb://h/shop", null, "alice", SECRET, null, null);
        MongoSettings own = MongoSettings.of("mongodb://h/shop", null, "alice", SECRET, "shop", null);

        MongoCredential credential = s.clientSettings(PoolConfig.DEFAULTS).getCredential();
        assertThat(credential.getUserName()).isEqualTo("alice");
        assertThat(credential.getSource()).isEqualTo("admin");
        assertThat(credential.getPassword()).isEqualTo(SECRET.toCharArray());
        assertThat(own.clientSettings(PoolConfig.DEFAULTS).getCredential().getSource()).isEqualTo("shop");
        assertThat(s.describe()).isEqualTo("alice@h:27017/shop");
        assertThat(s.toString()).contains("password=****").doesNotContain(SECRET);

        assertThatThrownBy(() -> MongoSettings.of("mongodb://h/shop", null, "alice", null, null, null))
                .isInstanceOf(InvalidConfigException.class).hasMessage("user 'alice' needs a password: set password too");
        assertThatThrownBy(() -> MongoSettings.of("mongodb://h/shop", null, null, SECRET, null, null))
                .isInstanceOf(InvalidConfigException.class).hasMessageStartingWith("password needs a user")
                .satisfies(e -> assertThat(((InvalidConfigException) e).value()).isEqualTo("****"));
        assertThatThrownBy(() -> MongoSettings.of("mongodb://h/shop", null, null, null, "admin", null))
                .isInstanceOf(InvalidConfigException.class).hasMessageStartingWith("authSource applies to the user option");
    }

    @Test
    void credentialsInTheUriAreTheDriversAndNeverShown() {
        MongoSettings s = settings("mongodb://bob:" + SECRET + "@h:27019/shop?authSource=users");

        assertThat(s.user()).isEqualTo("bob");
        assertThat(s.authSource()).isEqualTo("users");
        assertThat(s.describe()).isEqualTo("bob@h:27019/shop");
        assertThat(s.toString()).doesNotContain(SECRET);
        assertThat(s.scrub("the driver said " + SECRET)).isEqualTo("the driver said ****");
        assertThatThrownBy(() -> MongoSettings.of("mongodb://bob:" + SECRET + "@h/shop", null, "alice", "x", null, null))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("credentials are given twice: in the uri (user 'bob') and as the user option ('alice'); give them in one place")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aUriThatSizesTheDriversPoolIsRefusedNamingThePoolOptionToUse() {
        assertThatThrownBy(() -> settings("mongodb://u:" + SECRET + "@h/shop?maxPoolSize=50"))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.option()).isEqualTo("uri");
                    assertThat(e.value()).isEqualTo("mongodb://u:****@h/shop?maxPoolSize=50");
                })
                .hasMessage("mongodb uri sets maxPoolSize, but the driver's pool is sized by this pool's options;"
                        + " remove maxPoolSize from the uri and set maxSize (max_size) instead");
        assertThatThrownBy(() -> settings("mongodb://h/shop?maxIdleTimeMS=1000"))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("set idleTimeout (idle_timeout) instead");
        assertThatThrownBy(() -> settings("mongodb://h/shop?waitQueueTimeoutMS=1000"))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("set acquireTimeout (timeout) instead");
    }

    @Test
    void aMalformedOrMissingUriIsRefusedWithThePasswordMasked() {
        assertThatThrownBy(() -> settings("mongodb//u:" + SECRET + "@h/shop"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("mongodb uri 'mongodb//u:****@h/shop' is malformed: ")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> settings("mongodb://u:" + SECRET + "@h/shop?maxPoolSize=lots"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("'mongodb://u:****@h/shop?maxPoolSize=lots' is malformed")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> settings(null)).isInstanceOf(InvalidConfigException.class).hasMessageContaining("needs a uri");
        assertThatThrownBy(() -> MongoSettings.of("mongodb://h/shop", null, null, null, null, Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidConfigException.class).hasMessageStartingWith("operationTimeout must be >= 0");
    }

    @Test
    void masksPasswordsAlsoInUrisTheDriverCannotRead() {
        assertThat(MongoSettings.maskUri("mongodb://u:" + SECRET + "@h/db")).isEqualTo("mongodb://u:****@h/db");
        assertThat(MongoSettings.maskUri("mongodb//u:" + SECRET + "@h/db")).isEqualTo("mongodb//u:****@h/db");
        assertThat(MongoSettings.maskUri("u:" + SECRET + "@h")).isEqualTo("u:****@h");
        assertThat(MongoSettings.maskUri("mongodb://h/db")).isEqualTo("mongodb://h/db");
    }
}
