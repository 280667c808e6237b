package io.earnorm.ra.spi.mongo;

import io.earnorm.ra.pool.PoolConfig;
import io.earnorm.ra.spi.AbstractManagedConnectionFactory;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.beans.PropertyDescriptor;

import static io.earnorm.ra.testsupport.ErrorText.allText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every config property of the MongoDB connection definition is checked before anything is opened; no server needed. */
class JcaMongoConfigTest {

    private static final String SECRET = "S3cret-Pw-4417";

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
            "minSize|-1|minSize must be >= 0",
            "maxSize|0|maxSize must be >= 1",
            "acquireTimeout|30|acquireTimeout needs a unit",
            "maxLifetime|-5s|maxLifetime must be a duration",
            "idleTimeout|PT-1M|idleTimeout must be >= 0",
            "validationTimeout|0s|validationTimeout must be > 0",
            "keepaliveInterval|1 hour|keepaliveInterval must be a duration",
            "maxConnecting|0|maxConnecting must be >= 1",
            "leakDetectionThreshold|1.5s|leakDetectionThreshold must be a duration",
            "probeInterval|0|probeInterval must be > 0",
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

        assertThatThrownBy(mcf::createConnectionFactory)
                .isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("MongoManagedConnectionFactory: config property " + property + "=" + value + " is invalid")
                .hasMessageContaining(rule);
        assertThatThrownBy(() -> mcf.matchManagedConnections(java.util.Set.of(), null, null)).isInstanceOf(InvalidPropertyException.class);
        assertThatThrownBy(() -> mcf.createManagedConnection(null, null)).isInstanceOf(InvalidPropertyException.class);
        assertThat(mcf.pools()).isEmpty();
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

    private static void set(Object bean, String property, String value) throws Exception {
        for (PropertyDescriptor d : AbstractManagedConnectionFactory.configPropertyDescriptors(bean.getClass())) {
            if (d.getName().equals(property)) {
                Class<?> type = d.getPropertyType();
                Object typed = type == Integer.class ? Integer.valueOf(value) : type == Boolean.class ? Boolean.valueOf(value) : value;
                d.getWriteMethod().invoke(bean, typed);
                return;
            }
        }
        throw new IllegalArgumentException("no property " + property);
    }
}
