package io.earnorm.ra.spi.postgres;

import io.earnorm.ra.spi.JcaConfigContract;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.earnorm.ra.testsupport.Serialization.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every config property of the PostgreSQL connection definition is checked before anything is
 * opened: the contract every definition keeps ({@link JcaConfigContract}) and the PostgreSQL
 * properties'. No server needed.
 */
class JcaPostgresConfigTest extends JcaConfigContract<PostgresManagedConnectionFactory> {

    private static final String PASSWORD = SECRET;
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/app";

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', nullValues = "(null)", value = {
            "connectTimeout|0s|connectTimeout=0s|connectTimeout must be at least 1ms",
            "connectTimeout|5|connectTimeout=5|connectTimeout needs a unit",
            "socketTimeout|-1s|socketTimeout=-1s|socketTimeout must be a duration",
            "socketTimeout|PT-1S|socketTimeout=PT-1S|socketTimeout must be 0 (no bound) or a duration",
            "url|(null)|url=null|a postgresql pool needs a url",
            "url|postgres://127.0.0.1/app|url=postgres://127.0.0.1/app|is not a PostgreSQL JDBC URL: it is a libpq connection URI",
            "url|jdbc:mysql://127.0.0.1/app|url=jdbc:mysql://127.0.0.1/app|it is for another driver",
            "url|jdbc:postgresql://127.0.0.1:99999/app?password=" + PASSWORD + "|url=jdbc:postgresql://127.0.0.1:99999/app?password=****|each host needs a port in 1-65535",
            "url|jdbc:postgresql://app:" + PASSWORD + "@127.0.0.1/app|url=jdbc:postgresql://app:****@127.0.0.1/app|puts user info before the host",
            "url|jdbc:postgresql://127.0.0.1/app?loginTimeout=5&password=" + PASSWORD + "|url=jdbc:postgresql://127.0.0.1/app?loginTimeout=5&password=****|set connectTimeout"})
    void aWrongValueFailsNamingThePropertyTheValueAndTheRuleAndNeverThePassword(String property, String value, String named, String rule) throws Exception {
        PostgresManagedConnectionFactory mcf = configured();
        set(mcf, property, value);

        assertRefused(mcf, named, rule);
    }

    @Test
    void theDefaultsAreValidAndThoseOfThePlainPool() throws Exception {
        PostgresManagedConnectionFactory mcf = new PostgresManagedConnectionFactory();
        mcf.setUrl(URL);

        mcf.validate();

        assertThat(mcf.getXa()).isFalse();
        assertThat(mcf.getApplicationName()).isNull();
        assertThat(mcf.getConnectTimeout()).isNull();
        assertThat(mcf.getSocketTimeout()).isNull();
        assertThat(mcf.poolConfig()).isEqualTo(io.earnorm.ra.pool.PoolConfig.DEFAULTS);
        assertThat(mcf.settings().connectTimeout()).hasSeconds(10);
        assertThat(mcf.settings().socketTimeout()).isZero();
        assertThat(mcf.getTransactionSupport()).isEqualTo(TransactionSupportLevel.LocalTransaction);
        mcf.setXa(true);
        assertThat(mcf.getTransactionSupport()).isEqualTo(TransactionSupportLevel.XATransaction);
    }

    @Test
    void theSettingsAreThoseThePlainPoolWouldMake() throws Exception {
        PostgresManagedConnectionFactory mcf = configured();
        mcf.setUrl(URL + "?user=fromurl&ApplicationName=fromurl&socketTimeout=7&sslmode=disable");
        mcf.setUser(null);
        mcf.setApplicationName("billing");
        mcf.setConnectTimeout("1500ms");
        mcf.setAcquireTimeout("4s");

        mcf.validate();

        assertThat(mcf.settings().user()).isEqualTo("fromurl");
        assertThat(mcf.settings().applicationName()).isEqualTo("billing");
        assertThat(mcf.settings().connectTimeout()).hasMillis(1500);
        assertThat(mcf.settings().socketTimeout()).hasSeconds(7);
        assertThat(mcf.settings().url().parameters()).containsEntry("sslmode", "disable");
    }

    @Test
    void anXaFactoryIsAnotherOneAndSurvivesSerialization() throws Exception {
        PostgresManagedConnectionFactory mcf = configured();
        PostgresManagedConnectionFactory xa = configured();
        xa.setXa(true);

        assertThat(mcf).isNotEqualTo(xa);
        assertThat(roundTrip(xa)).isEqualTo(xa);
        assertThat(mcf.toString()).contains("url=" + URL).doesNotContain(PASSWORD);
    }

    @Override
    protected List<String> backendProperties() {
        return List.of("url", "applicationName", "connectTimeout", "socketTimeout", "xa");
    }

    @Override
    protected PostgresManagedConnectionFactory configured() {
        PostgresManagedConnectionFactory mcf = new PostgresManagedConnectionFactory();
        mcf.setUrl(URL);
        mcf.setUser("app");
        mcf.setPassword(PASSWORD);
        return mcf;
    }
}
