package io.earnorm.ra.spi;

import io.earnorm.ra.backend.BackendPoolBuilder;
import io.earnorm.ra.pool.Durations;
import io.earnorm.ra.pool.PoolConfig;
import io.earnorm.ra.pool.PoolOption;
import org.junit.jupiter.params.ParameterizedTest;
import io.earnorm.ra.spi.mongo.MongoManagedConnectionFactory;
import io.earnorm.ra.spi.postgres.PostgresManagedConnectionFactory;
import io.earnorm.ra.spi.redis.RedisManagedConnectionFactory;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.beans.PropertyDescriptor;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every row of the table {@link PoolOption} reaches every place an option is set: the pool core's
 * accessor and builder setter, the backends' builders (setter and options map, seed name
 * included), and the JCA config property with the table's default. A row added to the table
 * without one of them fails here, naming what is missing.
 */
class PoolOptionTableTest {

    @ParameterizedTest
    @EnumSource(PoolOption.class)
    void thePoolCoreReadsTheOptionWithTheTablesDefault(PoolOption option) throws Exception {
        Object accessor = PoolConfig.class.getMethod(option.optionName()).invoke(PoolConfig.DEFAULTS);

        assertThat(accessor).as("PoolConfig.%s() of the defaults", option.optionName()).isEqualTo(option.defaultValue());
        assertThat(PoolConfig.DEFAULTS.get(option)).isEqualTo(option.defaultValue());
        assertThat(PoolConfig.DEFAULTS.asMap()).containsEntry(option.optionName(), option.defaultText());
    }

    @ParameterizedTest
    @EnumSource(PoolOption.class)
    void thePoolCoresBuilderSetsTheOptionByItsSetterAndByEveryName(PoolOption option) throws Exception {
        Object changed = anotherValue(option);
        PoolConfig.Builder bySetter = PoolConfig.builder();
        PoolConfig.Builder.class.getMethod(option.optionName(), primitive(option)).invoke(bySetter, changed);
        PoolConfig expected = bySetter.build();

        assertThat(expected.get(option)).as("%s set by PoolConfig.Builder.%s", option, option.optionName()).isEqualTo(changed);
        assertThat(PoolConfig.builder().set(option.optionName(), option.format(changed)).build()).isEqualTo(expected);
        option.seedName().ifPresent(seed -> assertThat(PoolConfig.fromMap(Map.of(seed, option.format(changed)))).isEqualTo(expected));
    }

    @ParameterizedTest
    @EnumSource(PoolOption.class)
    void theBackendsBuildersSetTheOptionByTheirSetterAndTheirOptionsMap(PoolOption option) throws Exception {
        Object changed = anotherValue(option);
        Probe bySetter = new Probe();
        Object returned = BackendPoolBuilder.class.getMethod(option.optionName(), primitive(option)).invoke(bySetter, changed);

        assertThat(returned).isSameAs(bySetter);
        assertThat(bySetter.config().get(option)).as("%s set by BackendPoolBuilder.%s", option, option.optionName()).isEqualTo(changed);
        String key = option.seedName().orElse(option.optionName());
        assertThat(new Probe().options(Map.of(key, option.format(changed))).config().get(option)).isEqualTo(changed);
    }

    static Stream<Arguments> definitionsAndOptions() {
        return Stream.of(PostgresManagedConnectionFactory.class, MongoManagedConnectionFactory.class, RedisManagedConnectionFactory.class)
                .flatMap(definition -> Arrays.stream(PoolOption.values()).map(option -> arguments(definition.getSimpleName(), definition, option)));
    }

    @ParameterizedTest(name = "{0}.{2}")
    @MethodSource("definitionsAndOptions")
    void everyConnectionDefinitionHasTheOptionAsAConfigPropertyWithTheTablesDefault(String name, Class<? extends AbstractManagedConnectionFactory<?>> definition,
                                                                                   PoolOption option) throws Exception {
        AbstractManagedConnectionFactory<?> mcf = definition.getConstructor().newInstance();
        PropertyDescriptor property = AbstractManagedConnectionFactory.configPropertyDescriptors(definition).stream()
                .filter(d -> d.getName().equals(option.optionName())).findFirst()
                .orElseThrow(() -> new AssertionError("no config property " + option.optionName() + " on " + name));

        assertThat(property.getPropertyType()).isEqualTo(option.kind().jcaType());
        assertThat(property.getReadMethod().invoke(mcf)).as("JCA default of %s", option.optionName()).isEqualTo(option.jcaDefault());
        Object changed = anotherValue(option);
        property.getWriteMethod().invoke(mcf, changed instanceof Duration d ? Durations.format(d) : changed);
        assertThat(mcf.poolConfig().get(option)).as("%s set as a config property", option).isEqualTo(changed);
    }

    /** A value that keeps every rule and differs from the default. */
    private static Object anotherValue(PoolOption option) {
        return switch (option.kind()) {
            case INTEGER -> (Integer) option.defaultValue() + 1;
            case BOOLEAN -> !(Boolean) option.defaultValue();
            case DURATION -> ((Duration) option.defaultValue()).plusSeconds(1);
        };
    }

    private static Class<?> primitive(PoolOption option) {
        return switch (option.kind()) {
            case INTEGER -> int.class;
            case BOOLEAN -> boolean.class;
            case DURATION -> Duration.class;
        };
    }

    /** The shared part of a backend's builder, with nothing of its own. */
    private static final class Probe extends BackendPoolBuilder<Probe> {

        PoolConfig config() {
            return poolConfig();
        }

        @Override
        protected boolean backendOption(String key, Object value) {
            return false;
        }

        @Override
        protected Set<String> backendOptionNames() {
            return Set.of();
        }

        @Override
        protected String backendType() {
            return "probe";
        }
    }
}
