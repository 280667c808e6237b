package io.earnorm.ra.spi.redis;

import io.earnorm.ra.pool.PoolConfig;
import io.earnorm.ra.redis.RedisPool;
import io.earnorm.ra.redis.RedisSettings;
import io.earnorm.ra.spi.JcaConfigContract;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.earnorm.ra.testsupport.ErrorText.allText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every config property of the Redis connection definition is checked before anything is opened:
 * the contract every definition keeps ({@link JcaConfigContract}) and the Redis properties'. No
 * server needed.
 */
class JcaRedisConfigTest extends JcaConfigContract<RedisManagedConnectionFactory> {

    private final RedisManagedConnectionFactory mcf = new RedisManagedConnectionFactory();

    @AfterEach
    void close() {
        mcf.close();
    }

    @Test
    void theDefaultsAreThoseOfRedisPoolsBuilderAndThePoolCore() throws Exception {
        RedisPool pool = RedisPool.builder().build();
        RedisSettings builderDefaults = pool.settings();
        pool.close();

        // Unset, and applied in code (not in ra.xml, where Open Liberty would rewrite it like a path).
        assertThat(mcf.getUri()).isNull();
        assertThat(mcf.defaultsAppliedInCode()).containsExactly(java.util.Map.entry("uri", "redis://localhost:6379"));
        assertThat(mcf.describeBackend()).isEqualTo(builderDefaults.describe());
        assertThat(mcf.getDatabase()).isNull();
        assertThat(mcf.getClientName()).isNull();
        assertThat(mcf.getConnectTimeout()).isEqualTo("2s");
        assertThat(mcf.getSocketTimeout()).isEqualTo("2s");
        assertThat(mcf.getUser()).isNull();
        assertThat(mcf.getPassword()).isNull();
        assertThat(builderDefaults.describe()).isEqualTo("localhost:6379/0");
        assertThat(builderDefaults.connectTimeout()).hasSeconds(2);
        assertThat(builderDefaults.socketTimeout()).hasSeconds(2);
        assertThat(builderDefaults.clientName()).isNull();
        assertThat(mcf.poolConfig()).isEqualTo(PoolConfig.DEFAULTS);
        assertThat(mcf.getTransactionSupport()).isEqualTo(TransactionSupportLevel.NoTransaction);
        assertThat(mcf.configProperties()).containsKeys("uri", "database", "clientName", "connectTimeout", "socketTimeout", "user", "password",
                "minSize", "maxSize", "acquireTimeout", "maxLifetime", "idleTimeout", "validateOnBorrow", "testOnReturn",
                "validationTimeout", "keepaliveInterval", "maxConnecting", "leakDetectionThreshold", "probeInterval", "poolName");
        mcf.validate();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "uri|http://localhost:6379|must start with redis://",
            "tlsTrustFile|/no/such/ca.pem|tlsTrustFile names a file that cannot be read",
            "uri|redis://localhost:6379/x|the path can only be a database number",
            "uri|redis://localhost:6379?timeout=5|must not have a query",
            "uri|''|uri is empty",
            "database|-1|database must be >= 0",
            "clientName|my client|clientName must be printable ASCII without spaces",
            "connectTimeout|0s|connectTimeout must be at least 1ms",
            "connectTimeout|2|connectTimeout needs a unit",
            "socketTimeout|soon|socketTimeout must be a duration",
            "user|app|user 'app' needs a password"})
    void aWrongValueFailsNamingThePropertyTheValueAndTheRule(String property, String value, String rule) throws Exception {
        set(mcf, property, value);

        assertRefused(mcf, property + "=" + value, rule);
    }

    @Test
    void aPasswordIsNeverInAMessageNotEvenInARefusedUri() {
        mcf.setUri("redis://app:" + SECRET + "@localhost:6379/x");
        InvalidPropertyException badPath = catchThrowableOfType(mcf::validate, InvalidPropertyException.class);
        assertThat(badPath).hasMessageContaining("config property uri=redis://app:****@localhost:6379/x is invalid");
        assertThat(allText(badPath)).noneMatch(m -> m.contains(SECRET));

        mcf.setUri("redis://app:" + SECRET + "@local host:6379");
        InvalidPropertyException malformed = catchThrowableOfType(mcf::validate, InvalidPropertyException.class);
        assertThat(malformed).hasMessageContaining("config property uri=");
        assertThat(allText(malformed)).noneMatch(m -> m.contains(SECRET));

        mcf.setUri("redis://app:" + SECRET + "@localhost:6379");
        mcf.setPassword(SECRET);
        assertThat(mcf.toString()).doesNotContain(SECRET).contains("password=****");
    }

    @Test
    void aPasswordWithoutUserIsTheDefaultUsersAndValid() throws Exception {
        mcf.setUri("redis://cache.example:6380/2");
        mcf.setPassword(SECRET);
        mcf.setClientName("orders");
        mcf.setConnectTimeout("500ms");
        mcf.setSocketTimeout("PT5S");

        mcf.validate();

        assertThat(mcf.toString()).contains("uri=redis://cache.example:6380/2").contains("clientName=orders").doesNotContain(SECRET);
    }

    @Override
    protected RedisManagedConnectionFactory configured() {
        RedisManagedConnectionFactory configured = new RedisManagedConnectionFactory();
        configured.setUser("app");
        configured.setPassword(SECRET);
        return configured;
    }

    @Override
    protected java.util.List<String> backendProperties() {
        return java.util.List.of("uri", "database", "clientName", "connectTimeout", "socketTimeout", "cluster", "sentinels", "masterName",
                "sentinelPassword", "tls", "tlsTrustFile", "tlsKeyStore", "tlsKeyStorePassword");
    }
}
