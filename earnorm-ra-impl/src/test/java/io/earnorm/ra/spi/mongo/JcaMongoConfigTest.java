package io.earnorm.ra.spi.mongo;

import io.earnorm.ra.pool.PoolConfig;
import io.earnorm.ra.spi.JcaConfigContract;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.earnorm.ra.testsupport.ErrorText.allText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every config property of the MongoDB connection definition is checked before anything is
 * opened: the contract every definition keeps ({@link JcaConfigContract}) and the MongoDB
 * properties'. No server needed.
 */
class JcaMongoConfigTest extends JcaConfigContract<MongoManagedConnectionFactory> {

    private final MongoManagedConnectionFactory mcf = new MongoManagedConnectionFactory();

    @AfterEach
    void close() {
        mcf.close();
    }

    @Test
    void theDefaultsAreThoseOfMongoPoolsBuilderAndThePoolCore() throws Exception {
        // Unset, and applied in code (not in ra.xml, where Open Liberty would rewrite it like a path).
        assertThat(mcf.getUri()).isNull();
        assertThat(mcf.defaultsAppliedInCode()).containsExactly(java.util.Map.entry("uri", "mongodb://localhost:27017"));
        assertThat(mcf.getDatabase()).isNull();
        assertThat(mcf.getAuthSource()).isNull();
        assertThat(mcf.getOperationTimeout()).isNull();
        assertThat(mcf.getUser()).isNull();
        assertThat(mcf.getPassword()).isNull();
        assertThat(mcf.poolConfig()).isEqualTo(PoolConfig.DEFAULTS);
        assertThat(mcf.getTransactionSupport()).isEqualTo(TransactionSupportLevel.LocalTransaction);
        assertThat(mcf.configProperties()).containsKeys("uri", "database", "authSource", "operationTimeout", "user", "password",
                "minSize", "maxSize", "acquireTimeout", "maxLifetime", "idleTimeout", "validateOnBorrow", "testOnReturn",
                "validationTimeout", "keepaliveInterval", "maxConnecting", "leakDetectionThreshold", "probeInterval", "poolName");
        // A database is the one thing the defaults lack, as with MongoPool.
        mcf.setDatabase("shop");
        mcf.validate();
        assertThat(mcf.describeBackend()).isEqualTo("localhost:27017/shop");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "uri|http://localhost:27017|mongodb uri 'http://localhost:27017' is malformed",
            "uri|mongodb://localhost:27017/?maxPoolSize=50|set maxSize (max_size) instead",
            "uri|''|a mongodb pool needs a uri",
            "database|''|a mongodb pool needs a database",
            "database|my.shop|is not a valid MongoDB database name",
            "operationTimeout|30|operationTimeout needs a unit",
            "operationTimeout|PT-1S|operationTimeout must be >= 0",
            "authSource|admin|authSource applies to the user option",
            "user|app|user 'app' needs a password"})
    void aWrongValueFailsNamingThePropertyTheValueAndTheRule(String property, String value, String rule) throws Exception {
        mcf.setDatabase("shop");
        set(mcf, property, value);

        assertRefused(mcf, property + "=" + value, rule);
    }

    @Test
    void aPasswordIsNeverInAMessageNotEvenInARefusedUri() {
        mcf.setDatabase("shop");
        mcf.setUri("mongodb://app:" + SECRET + "@localhost:27017/?maxPoolSize=5");

        InvalidPropertyException inUri = catchThrowableOfType(mcf::validate, InvalidPropertyException.class);

        assertThat(inUri).hasMessageContaining("config property uri=mongodb://app:****@localhost:27017/?maxPoolSize=5 is invalid")
                .hasMessageContaining("remove maxPoolSize from the uri");
        assertThat(allText(inUri)).noneMatch(m -> m.contains(SECRET));

        mcf.setUri("mongodb://app:" + SECRET + "@local host:27017");
        assertThat(allText(catchThrowableOfType(mcf::validate, InvalidPropertyException.class))).noneMatch(m -> m.contains(SECRET));

        mcf.setUri("mongodb://localhost:27017");
        mcf.setPassword(SECRET);
        InvalidPropertyException withoutUser = catchThrowableOfType(mcf::validate, InvalidPropertyException.class);
        assertThat(withoutUser).hasMessageContaining("config property password is invalid: password needs a user");
        assertThat(allText(withoutUser)).noneMatch(m -> m.contains(SECRET));

        mcf.setUser("app");
        assertThat(mcf.toString()).contains("user=app").doesNotContain(SECRET);
    }

    @Test
    void credentialsGivenTwiceAreRefused() {
        mcf.setDatabase("shop");
        mcf.setUri("mongodb://app:" + SECRET + "@localhost:27017");
        mcf.setUser("other");
        mcf.setPassword(SECRET);

        assertThatThrownBy(mcf::validate).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("config property user=other is invalid: credentials are given twice")
                .satisfies(e -> assertThat(allText(e)).noneMatch(m -> m.contains(SECRET)));
    }

    @Test
    void aUserWithPasswordAuthSourceAndOperationTimeoutIsValid() throws Exception {
        mcf.setUri("mongodb://db1:27017,db2:27017/?replicaSet=rs0");
        mcf.setDatabase("shop");
        mcf.setUser("app");
        mcf.setPassword(SECRET);
        mcf.setAuthSource("users");
        mcf.setOperationTimeout("PT30S");

        mcf.validate();

        assertThat(mcf.toString()).contains("authSource=users").contains("operationTimeout=PT30S").doesNotContain(SECRET);
    }

    @Override
    protected MongoManagedConnectionFactory configured() {
        MongoManagedConnectionFactory configured = new MongoManagedConnectionFactory();
        configured.setDatabase("shop");
        configured.setUser("app");
        configured.setPassword(SECRET);
        return configured;
    }

    @Override
    protected java.util.List<String> backendProperties() {
        return java.util.List.of("uri", "database", "authSource", "operationTimeout", "readPreference", "writeConcern",
                "tls", "tlsTrustFile", "tlsKeyStore", "tlsKeyStorePassword");
    }
}
