package io.earnorm.ra.spi;

import jakarta.resource.spi.InvalidPropertyException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.beans.PropertyDescriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every pool option of every connection definition is checked, with a message naming property, value and rule. */
class ConfigPropertyValidationTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "minSize|-1|minSize must be >= 0",
            "maxSize|0|maxSize must be >= 1",
            "maxSize|-1|maxSize must be >= 1",
            "acquireTimeout|30|acquireTimeout needs a unit",
            "acquireTimeout|soon|acquireTimeout must be a duration",
            "maxLifetime|-5s|maxLifetime must be a duration",
            "idleTimeout|PT-1M|idleTimeout must be >= 0",
            "validationTimeout|0s|validationTimeout must be > 0",
            "keepaliveInterval|1 hour|keepaliveInterval must be a duration",
            "maxConnecting|0|maxConnecting must be >= 1",
            "leakDetectionThreshold|1.5s|leakDetectionThreshold must be a duration",
            "probeInterval|0|probeInterval must be > 0",
            "address|http://x|address must start with fake://"})
    void aWrongValueFailsNamingThePropertyTheValueAndTheRule(String property, String value, String rule) throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        set(mcf, property, value);

        assertThatThrownBy(mcf::createConnectionFactory)
                .isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("config property " + property + "=" + value + " is invalid")
                .hasMessageContaining(rule);
        assertThatThrownBy(() -> mcf.matchManagedConnections(java.util.Set.of(), null, null)).isInstanceOf(InvalidPropertyException.class);
        assertThatThrownBy(() -> mcf.createManagedConnection(null, null)).isInstanceOf(InvalidPropertyException.class);
    }

    @Test
    void minAboveMaxIsRefusedNamingBoth() {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        mcf.setMinSize(5);
        mcf.setMaxSize(2);

        assertThatThrownBy(mcf::validate).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("maxSize must be >= minSize (minSize=5, maxSize=2)");
    }

    @Test
    void factoriesThatDifferOnlyInTheirPasswordAreNotEqualYetShowTheSame() {
        FakeManagedConnectionFactory one = new FakeManagedConnectionFactory();
        FakeManagedConnectionFactory other = new FakeManagedConnectionFactory();
        one.setPassword("first-secret");
        other.setPassword("second-secret");

        assertThat(one).isNotEqualTo(other);
        assertThat(one.configProperties()).isEqualTo(other.configProperties()).containsEntry("password", "****");
        other.setPassword("first-secret");
        assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
    }

    @Test
    void theDefaultsAreValidAndThoseOfThePoolCore() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        mcf.setAcquireTimeout("30s");

        mcf.validate();

        assertThat(mcf.poolConfig()).isEqualTo(io.earnorm.ra.pool.PoolConfig.DEFAULTS);
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
