package io.earnorm.ra.spi.postgres;

import io.earnorm.ra.spi.AbstractManagedConnectionFactory;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.beans.PropertyDescriptor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

import static io.earnorm.ra.testsupport.ErrorText.allText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every config property of the PostgreSQL connection definition is checked before anything is opened; no server needed. */
class JcaPostgresConfigTest {

    private static final String PASSWORD = "Never-Shown-Pw-7f3a";
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/app";

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', nullValues = "(null)", value = {
            "minSize|-1|minSize=-1 is invalid|minSize must be >= 0",
            "maxSize|0|maxSize=0 is invalid|maxSize must be >= 1",
            "acquireTimeout|30|acquireTimeout=30 is invalid|acquireTimeout needs a unit",
            "maxLifetime|-5s|maxLifetime=-5s is invalid|maxLifetime must be a duration",
            "idleTimeout|PT-1M|idleTimeout=PT-1M is invalid|idleTimeout must be >= 0",
            "validationTimeout|0s|validationTimeout=0s is invalid|validationTimeout must be > 0",
            "keepaliveInterval|1 hour|keepaliveInterval=1 hour is invalid|keepaliveInterval must be a duration",
            "maxConnecting|0|maxConnecting=0 is invalid|maxConnecting must be >= 1",
            "leakDetectionThreshold|1.5s|leakDetectionThreshold=1.5s is invalid|leakDetectionThreshold must be a duration",
            "probeInterval|0|probeInterval=0 is invalid|probeInterval must be > 0",
            "connectTimeout|0s|connectTimeout=0s is invalid|connectTimeout must be at least 1ms",
            "connectTimeout|5|connectTimeout=5 is invalid|connectTimeout needs a unit",
            "socketTimeout|-1s|socketTimeout=-1s is invalid|socketTimeout must be a duration",
            "socketTimeout|PT-1S|socketTimeout=PT-1S is invalid|socketTimeout must be 0 (no bound) or a duration",
            "url|(null)|url=null is invalid|a postgresql pool needs a url",
            "url|postgres://127.0.0.1/app|url=postgres://127.0.0.1/app is invalid|is not a PostgreSQL JDBC URL: it is a libpq connection URI",
            "url|jdbc:mysql://127.0.0.1/app|url=jdbc:mysql://127.0.0.1/app is invalid|it is for another driver",
            "url|jdbc:postgresql://127.0.0.1:99999/app?password=" + PASSWORD + "|url=jdbc:postgresql://127.0.0.1:99999/app?password=**** is invalid|each host needs a port in 1-65535",
            "url|jdbc:postgresql://app:" + PASSWORD + "@127.0.0.1/app|url=jdbc:postgresql://app:****@127.0.0.1/app is invalid|puts user info before the host",
            "url|jdbc:postgresql://127.0.0.1/app?loginTimeout=5&password=" + PASSWORD + "|url=jdbc:postgresql://127.0.0.1/app?loginTimeout=5&password=**** is invalid|set connectTimeout"})
    void aWrongValueFailsNamingThePropertyTheValueAndTheRuleAndNeverThePassword(String property, String value, String named, String rule) throws Exception {
        PostgresManagedConnectionFactory mcf = configured();
        set(mcf, property, value);

        for (InvalidPropertyException e : List.of(
                catchThrowableOfType(InvalidPropertyException.class, mcf::validate),
                catchThrowableOfType(InvalidPropertyException.class, mcf::createConnectionFactory),
                catchThrowableOfType(InvalidPropertyException.class, () -> mcf.createManagedConnection(null, null)),
                catchThrowableOfType(InvalidPropertyException.class, () -> mcf.matchManagedConnections(java.util.Set.of(), null, null)))) {
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("PostgresManagedConnectionFactory: config property " + named).contains(rule);
            assertThat(allText(e)).noneMatch(text -> text.contains(PASSWORD));
        }
        mcf.close();
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
    void theBackendsOwnPropertiesAreConfigPropertiesBesideThoseOfEveryConnectionDefinition() {
        List<String> names = AbstractManagedConnectionFactory.configPropertyDescriptors(PostgresManagedConnectionFactory.class).stream()
                .map(PropertyDescriptor::getName).toList();

        assertThat(names).contains("url", "applicationName", "connectTimeout", "socketTimeout", "xa", "user", "password",
                "minSize", "maxSize", "acquireTimeout", "maxLifetime", "idleTimeout", "validateOnBorrow", "testOnReturn",
                "validationTimeout", "keepaliveInterval", "maxConnecting", "leakDetectionThreshold", "probeInterval", "poolName");
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
    void factoriesAreEqualByConfigSurviveSerializationAndNeverShowThePassword() throws Exception {
        PostgresManagedConnectionFactory mcf = configured();
        PostgresManagedConnectionFactory same = configured();
        PostgresManagedConnectionFactory xa = configured();
        xa.setXa(true);

        assertThat(mcf).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(xa);
        assertThat(roundTrip(xa)).isEqualTo(xa);
        assertThat(mcf.toString()).contains("url=" + URL).doesNotContain(PASSWORD);
        assertThat(roundTrip(mcf).getPassword()).isEqualTo(PASSWORD);
    }

    private static PostgresManagedConnectionFactory configured() {
        PostgresManagedConnectionFactory mcf = new PostgresManagedConnectionFactory();
        mcf.setUrl(URL);
        mcf.setUser("app");
        mcf.setPassword(PASSWORD);
        return mcf;
    }

    private static void set(Object bean, String property, String value) throws Exception {
        for (PropertyDescriptor d : AbstractManagedConnectionFactory.configPropertyDescriptors(bean.getClass())) {
            if (d.getName().equals(property)) {
                Class<?> type = d.getPropertyType();
                Object typed = value == null ? null : type == Integer.class ? Integer.valueOf(value) : type == Boolean.class ? Boolean.valueOf(value) : value;
                d.getWriteMethod().invoke(bean, typed);
                return;
            }
        }
        throw new IllegalArgumentException("no property " + property);
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
