package io.earnorm.ra.postgres;

import io.earnorm.ra.api.pool.InvalidConfigException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Options and settings of a PostgreSQL pool; nothing here connects to a server. */
class PostgresPoolOptionsTest {

    private static final String URL = "jdbc:postgresql://h:5433/app";

    @Test
    void separateOptionsWinOverTheUrlsParameters() {
        PostgresSettings settings = PostgresPool.builder()
                .url(URL + "?user=fromurl&password=fromurl&ApplicationName=fromurl&connectTimeout=7&socketTimeout=9&sslmode=disable")
                .user("bob").password("given").applicationName("app-1")
                .connectTimeout(Duration.ofMillis(1500)).socketTimeout(Duration.ofMillis(2500))
                .settings();

        assertThat(settings.user()).isEqualTo("bob");
        assertThat(settings.password()).isEqualTo("given");
        assertThat(settings.applicationName()).isEqualTo("app-1");
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(settings.socketTimeout()).isEqualTo(Duration.ofMillis(2500));
        Properties driver = settings.driverProperties();
        assertThat(driver.getProperty("user")).isEqualTo("bob");
        assertThat(driver.getProperty("password")).isEqualTo("given");
        assertThat(driver.getProperty("ApplicationName")).isEqualTo("app-1");
        assertThat(driver.getProperty("sslmode")).isEqualTo("disable");
        // The open is bounded exactly by loginTimeout; pgjdbc's whole-second timeouts round up.
        assertThat(driver.getProperty("loginTimeout")).isEqualTo("1.500");
        assertThat(driver.getProperty("connectTimeout")).isEqualTo("2");
        assertThat(driver.getProperty("socketTimeout")).isEqualTo("2");
    }

    @Test
    void theUrlsParametersServeWhenNoOptionIsGiven() {
        PostgresSettings settings = PostgresPool.builder().url(URL + "?user=alice&password=pw&connectTimeout=3&socketTimeout=20").settings();

        assertThat(settings.user()).isEqualTo("alice");
        assertThat(settings.password()).isEqualTo("pw");
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.socketTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.describe()).isEqualTo("alice@h:5433/app");
    }

    @Test
    void theConnectTimeoutDefaultsToHalfTheAcquireTimeoutBetweenOneAndTenSeconds() {
        assertThat(PostgresPool.builder().url(URL).settings().connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(PostgresPool.builder().url(URL).acquireTimeout(Duration.ofSeconds(3)).settings().connectTimeout())
                .isEqualTo(Duration.ofMillis(1500));
        assertThat(PostgresPool.builder().url(URL).acquireTimeout(Duration.ofMillis(400)).settings().connectTimeout())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(PostgresPool.builder().url(URL).acquireTimeout(Duration.ZERO).settings().connectTimeout())
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(PostgresPool.builder().url(URL).settings().socketTimeout()).isZero();
    }

    @Test
    void theMapConstructorReadsSeedAndJavaNames() {
        try (PostgresPool pool = new PostgresPool("users", Map.of("url", URL, "user", "app", "password", "pw",
                "application_name", "svc", "socketTimeout", "750ms", "connect_timeout", Duration.ofSeconds(1),
                "min_size", 0, "maxSize", 3, "timeout", "5s"))) {
            assertThat(pool.name()).isEqualTo("users");
            assertThat(pool.backendType()).isEqualTo("postgresql");
            assertThat(pool.config().maxSize()).isEqualTo(3);
            assertThat(pool.config().acquireTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(pool.settings().applicationName()).isEqualTo("svc");
            assertThat(pool.settings().connectTimeout()).isEqualTo(Duration.ofSeconds(1));
            assertThat(pool.settings().socketTimeout()).isEqualTo(Duration.ofMillis(750));
        }
    }

    @Test
    void anUnknownKeyIsRefusedByNameListingTheOptions() {
        assertThatThrownBy(() -> new PostgresPool("users", Map.of("url", URL, "databse", "app")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("unknown option 'databse' for a postgresql pool")
                .hasMessageContaining("url").hasMessageContaining("socketTimeout").hasMessageContaining("maxSize");
    }

    @Test
    void badValuesNameTheOption() {
        assertThatThrownBy(() -> PostgresPool.builder().build()).isInstanceOf(InvalidConfigException.class).hasMessageContaining("needs a url");
        assertThatThrownBy(() -> PostgresPool.builder().url(URL).connectTimeout(Duration.ZERO).settings())
                .hasMessageContaining("connectTimeout must be at least 1ms");
        assertThatThrownBy(() -> PostgresPool.builder().url(URL).socketTimeout(Duration.ofSeconds(-1)).settings())
                .hasMessageContaining("socketTimeout must be 0 (no bound)");
        assertThatThrownBy(() -> new PostgresPool("p", Map.of("url", URL, "socket_timeout", "2"))).hasMessageContaining("needs a unit");
        assertThatThrownBy(() -> PostgresPool.builder().url(URL + "?connectTimeout=soon").settings())
                .hasMessageContaining("url parameter connectTimeout must be whole seconds");
        InvalidConfigException login = catchThrowableOfType(InvalidConfigException.class, () -> PostgresPool.builder().url(URL + "?loginTimeout=3&password=Pw-1").settings());
        assertThat(login.option()).isEqualTo("url");
        assertThat(login.getMessage()).contains("loginTimeout").contains("set connectTimeout").doesNotContain("Pw-1");
    }

    @Test
    void aPasswordOfTheWrongTypeIsRefusedWithoutShowingIt() {
        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class, () -> new PostgresPool("users", Map.of("url", URL, "password", "sekrit".toCharArray())));

        assertThat(e.option()).isEqualTo("password");
        assertThat(e.getMessage()).contains("password must be text").doesNotContain("sekrit");
        assertThat(e.value()).doesNotContain("sekrit");
    }

    @Test
    void describeAndToStringNeverShowThePassword() {
        PostgresSettings settings = PostgresPool.builder().url(URL + "?password=Pa55-url").user("alice").password("Pa55-word").settings();

        assertThat(settings.describe()).isEqualTo("alice@h:5433/app");
        assertThat(settings.toString()).doesNotContain("Pa55").contains("password=****");
        assertThat(new PostgresBackend(settings).toString()).doesNotContain("Pa55");
        assertThat(settings.scrub("FATAL: bad password Pa55-word")).isEqualTo("FATAL: bad password ****");
        try (PostgresPool pool = PostgresPool.builder().url(URL + "?password=Pa55-url").user("alice").build()) {
            assertThat(pool.toString()).doesNotContain("Pa55").contains("alice@h:5433/app");
        }
    }
}
