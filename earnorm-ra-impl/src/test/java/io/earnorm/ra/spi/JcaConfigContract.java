package io.earnorm.ra.spi;

import io.earnorm.ra.pool.PoolConfig;
import io.earnorm.ra.pool.PoolOption;
import jakarta.resource.spi.InvalidPropertyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.beans.PropertyDescriptor;
import java.util.List;
import java.util.Set;

import static io.earnorm.ra.testsupport.ErrorText.allText;
import static io.earnorm.ra.testsupport.Serialization.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The config contract every connection definition keeps, run per backend by a subclass: each pool
 * option is a config property with the pool core's default, a wrong one is refused before anything
 * is opened (by validate, createConnectionFactory, createManagedConnection and
 * matchManagedConnections) with a message naming the property, the value and the rule and never the
 * password, and factories are equal by config and survive serialization. No server needed.
 *
 * @param <F> the connection definition's managed connection factory
 */
public abstract class JcaConfigContract<F extends AbstractManagedConnectionFactory<?>> {

    protected static final String SECRET = "Never-Shown-Pw-7f3a";

    /** A factory of the definition that validates, with the pool core's defaults, user {@code app} and password {@link #SECRET}. */
    protected abstract F configured();

    /** The definition's own config properties, beside the pool options, poolName, user and password. */
    protected abstract List<String> backendProperties();

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "minSize|-1|minSize must be >= 0 (minSize=-1)",
            "maxSize|0|maxSize must be >= 1 (maxSize=0)",
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
            "instances|0|instances must be >= 1 (instances=0)"})
    void aWrongPoolOptionIsRefusedEverywhereNamingThePropertyTheValueAndTheRule(String property, String value, String rule) throws Exception {
        F mcf = configured();
        set(mcf, property, value);

        assertRefused(mcf, property + "=" + value, rule);
    }

    @Test
    void minAboveMaxIsRefusedNamingBoth() throws Exception {
        F mcf = configured();
        mcf.setMinSize(5);
        mcf.setMaxSize(2);

        assertRefused(mcf, "maxSize=2", "maxSize must be >= minSize (minSize=5, maxSize=2)");
    }

    @Test
    void theConfiguredFactoryIsValidWithThePoolCoresDefaults() throws Exception {
        F mcf = configured();

        mcf.validate();

        assertThat(mcf.poolConfig()).isEqualTo(PoolConfig.DEFAULTS);
    }

    @Test
    void everyPoolOptionIsAConfigPropertyBesideTheBackendsOwn() {
        List<String> names = AbstractManagedConnectionFactory.configPropertyDescriptors(configured().getClass()).stream()
                .map(PropertyDescriptor::getName).toList();

        assertThat(names).containsAll(PoolOption.names()).contains("poolName", "user", "password").containsAll(backendProperties());
    }

    @Test
    void factoriesAreEqualByConfigSurviveSerializationAndNeverShowThePassword() throws Exception {
        F mcf = configured();
        F other = configured();
        other.setMaxSize(7);

        assertThat(mcf).isEqualTo(configured()).hasSameHashCodeAs(configured()).isNotEqualTo(other);
        assertThat(roundTrip(other)).isEqualTo(other);
        assertThat(roundTrip(mcf).getPassword()).isEqualTo(SECRET);
        assertThat(mcf.toString()).contains("user=app").doesNotContain(SECRET);
    }

    @Test
    void factoriesThatDifferOnlyInTheirPasswordAreNotEqualYetShowTheSame() {
        F one = configured();
        F other = configured();
        other.setPassword("second-" + SECRET);

        assertThat(one).isNotEqualTo(other);
        assertThat(one.configProperties()).isEqualTo(other.configProperties()).containsEntry("password", "****");
        other.setPassword(SECRET);
        assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
    }

    /**
     * {@code mcf}'s config is refused, before any pool is made, by validate and at every first use,
     * as {@code <Factory>: config property <named> is invalid: ...<rule>...}, without the password.
     */
    protected static void assertRefused(AbstractManagedConnectionFactory<?> mcf, String named, String rule) {
        try {
            for (InvalidPropertyException e : List.of(
                    catchThrowableOfType(InvalidPropertyException.class, mcf::validate),
                    catchThrowableOfType(InvalidPropertyException.class, mcf::createConnectionFactory),
                    catchThrowableOfType(InvalidPropertyException.class, () -> mcf.createManagedConnection(null, null)),
                    catchThrowableOfType(InvalidPropertyException.class, () -> mcf.matchManagedConnections(Set.of(), null, null)))) {
                assertThat(e).isNotNull();
                assertThat(e.getMessage()).contains(mcf.getClass().getSimpleName() + ": config property " + named + " is invalid").contains(rule);
                assertThat(allText(e)).noneMatch(text -> text.contains(SECRET));
            }
            assertThat(mcf.pools()).isEmpty();
        } finally {
            mcf.close();
        }
    }

    /** Sets a config property by name, from text as a deployer writes it ({@code null} for unset). */
    protected static void set(Object bean, String property, String value) throws Exception {
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
}
