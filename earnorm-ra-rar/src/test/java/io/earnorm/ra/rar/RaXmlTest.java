package io.earnorm.ra.rar;

import io.earnorm.ra.pool.PoolOption;
import io.earnorm.ra.spi.AbstractManagedConnectionFactory;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.TransactionSupport;
import org.junit.jupiter.api.Test;

import java.beans.PropertyDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ra.xml is the one source of truth for the config properties: this test keeps it in step with
 * the managed connection factories (names, types, defaults) and the README with it.
 */
class RaXmlTest {

    private final RaXml raXml = RaXml.read();

    RaXmlTest() throws Exception {
    }

    @Test
    void theAdapterAndEveryDefinitionNameClassesThatExistAndFit() throws Exception {
        assertThat(ResourceAdapter.class).isAssignableFrom(Class.forName(raXml.resourceAdapterClass()));
        assertThat(raXml.definitions()).extracting(RaXml.Definition::backend).containsExactly("postgres", "mongo", "redis");
        for (RaXml.Definition d : raXml.definitions()) {
            Class<?> mcf = Class.forName(d.managedConnectionFactoryClass());
            assertThat(ManagedConnectionFactory.class).isAssignableFrom(mcf);
            assertThat(Class.forName(d.connectionFactoryInterface())).isAssignableFrom(Class.forName(d.connectionFactoryImplClass()));
            assertThat(Class.forName(d.connectionInterface())).isAssignableFrom(Class.forName(d.connectionImplClass()));
            assertThat(java.io.Serializable.class).isAssignableFrom(Class.forName(d.connectionFactoryImplClass()));
            assertThat(jakarta.resource.Referenceable.class).isAssignableFrom(Class.forName(d.connectionFactoryImplClass()));
        }
    }

    @Test
    void everyConfigPropertyIsABeanPropertyOfTheSameTypeAndDefault() throws Exception {
        for (RaXml.Definition d : raXml.definitions()) {
            Class<?> mcfClass = Class.forName(d.managedConnectionFactoryClass());
            Object fresh = mcfClass.getConstructor().newInstance();
            Map<String, PropertyDescriptor> beans = new LinkedHashMap<>();
            AbstractManagedConnectionFactory.configPropertyDescriptors(mcfClass).forEach(p -> beans.put(p.getName(), p));

            assertThat(d.properties()).extracting(RaXml.Property::name)
                    .as("config properties of %s in ra.xml vs its JavaBean properties", mcfClass.getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(beans.keySet());
            for (RaXml.Property p : d.properties()) {
                PropertyDescriptor bean = beans.get(p.name());
                assertThat(bean.getPropertyType().getName()).as("type of %s.%s", mcfClass.getSimpleName(), p.name()).isEqualTo(p.type());
                Object value = bean.getReadMethod().invoke(fresh);
                assertThat(Objects.toString(value, null)).as("default of %s.%s", mcfClass.getSimpleName(), p.name()).isEqualTo(p.defaultValue());
                assertThat(p.description()).as("description of %s.%s", mcfClass.getSimpleName(), p.name()).isNotBlank();
            }
        }
    }

    /**
     * The pool options are described once, in the table {@link PoolOption}: each definition in
     * ra.xml declares every one of them, in the table's order, with its type, default and meaning.
     */
    @Test
    void everyDefinitionDeclaresThePoolOptionsAsTheTableDescribesThem() {
        for (RaXml.Definition d : raXml.definitions()) {
            List<RaXml.Property> declared = d.properties().stream().filter(p -> PoolOption.named(p.name()).isPresent()).toList();
            assertThat(declared).as("pool options declared in ra.xml by %s, in the table's order", d.backend())
                    .extracting(RaXml.Property::name).containsExactlyElementsOf(PoolOption.names());
            for (RaXml.Property p : declared) {
                PoolOption option = PoolOption.named(p.name()).orElseThrow();
                assertThat(p).as("ra.xml config-property %s of %s", p.name(), d.backend())
                        .isEqualTo(new RaXml.Property(option.optionName(), option.kind().jcaType().getName(), option.defaultText(),
                                option.description(), false));
            }
        }
    }

    /** The README's configuration reference has each pool option's row, and the list of seed spellings, as the table gives them. */
    @Test
    void theReadmesPoolOptionRowsAndSeedSpellingsAreTheTables() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        for (PoolOption option : PoolOption.values()) {
            String row = ConfigurationReference.row(option.optionName(), option.kind().jcaType().getName(), option.defaultText(), option.description());
            assertThat(readme.contains(row)).as("README.md has the row %s", row).isTrue();
        }
        String seedNames = Arrays.stream(PoolOption.values()).flatMap(o -> o.seedName().stream()).map(n -> "`" + n + "`")
                .collect(Collectors.joining(", "));
        String sentence = "(the pool options also in their seed spelling: " + seedNames + ")";
        assertThat(readme.replaceAll("\\s+", " ").contains(sentence)).as("README.md says %s", sentence).isTrue();
    }

    /**
     * Open Liberty treats a config-property-value of ra.xml like a path: redis://127.0.0.1:6379
     * reaches the factory as redis:/127.0.0.1:6379. Such defaults are applied in code instead;
     * ra.xml (and so the README's reference) names them in the description, equal to the code's.
     */
    @Test
    void noDefaultIsAnAddressAndTheDefaultsAppliedInCodeAreTheDocumentedOnes() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        int codeDefaults = 0;
        for (RaXml.Definition d : raXml.definitions()) {
            assertThat(d.properties()).filteredOn(p -> p.defaultValue() != null)
                    .as("config-property-values of %s in ra.xml", d.backend())
                    .allSatisfy(p -> assertThat(p.defaultValue()).as(p.name()).doesNotContain("//").doesNotContain(":/"));
            AbstractManagedConnectionFactory<?> mcf = (AbstractManagedConnectionFactory<?>)
                    Class.forName(d.managedConnectionFactoryClass()).getConstructor().newInstance();
            for (Map.Entry<String, String> inCode : mcf.defaultsAppliedInCode().entrySet()) {
                codeDefaults++;
                RaXml.Property p = d.properties().stream().filter(q -> q.name().equals(inCode.getKey())).findFirst().orElseThrow();
                String documented = "Default when unset: " + inCode.getValue() + " ";
                assertThat(p.defaultValue()).as("ra.xml value of %s.%s", d.backend(), p.name()).isNull();
                assertThat(p.description()).as("ra.xml description of %s.%s", d.backend(), p.name()).contains(documented);
                assertThat(readme).as("README reference row of %s.%s", d.backend(), p.name())
                        .contains("| `" + p.name() + "` | String |  | " + p.description().substring(0, 20));
                assertThat(readme).contains(documented);
            }
        }
        assertThat(codeDefaults).as("the MongoDB and Redis uri defaults").isEqualTo(2);
    }

    @Test
    void everyPasswordIsConfidentialAndNothingElseIs() {
        for (RaXml.Definition d : raXml.definitions()) {
            assertThat(d.properties()).filteredOn(RaXml.Property::confidential).extracting(RaXml.Property::name)
                    .contains("password").allMatch(name -> name.toLowerCase(java.util.Locale.ROOT).endsWith("password"));
            assertThat(d.properties()).filteredOn(p -> p.name().toLowerCase(java.util.Locale.ROOT).endsWith("password"))
                    .allMatch(RaXml.Property::confidential);
        }
    }

    @Test
    void theAdapterDeclaresTheMostAnyDefinitionSupportsAndEachDefinitionItsOwn() throws Exception {
        assertThat(raXml.transactionSupport()).isEqualTo("XATransaction");
        Map<String, TransactionSupport.TransactionSupportLevel> levels = new LinkedHashMap<>();
        for (RaXml.Definition d : raXml.definitions()) {
            TransactionSupport mcf = (TransactionSupport) Class.forName(d.managedConnectionFactoryClass()).getConstructor().newInstance();
            levels.put(d.backend(), mcf.getTransactionSupport());
        }
        assertThat(levels).containsEntry("postgres", TransactionSupport.TransactionSupportLevel.LocalTransaction)
                .containsEntry("mongo", TransactionSupport.TransactionSupportLevel.LocalTransaction)
                .containsEntry("redis", TransactionSupport.TransactionSupportLevel.NoTransaction);
    }

    @Test
    void theReadmesConfigurationReferenceIsTheOneRaXmlGives() throws Exception {
        Path readmeFile = Path.of("../README.md");
        String readme = Files.readString(readmeFile);
        String expected = ConfigurationReference.render(raXml);
        int start = readme.indexOf(ConfigurationReference.START);
        int end = readme.indexOf(ConfigurationReference.END);
        if (Boolean.getBoolean("updateReadme") && start >= 0 && end > start) {
            // mvn -pl earnorm-ra-rar test -Dtest=RaXmlTest -DupdateReadme=true rewrites the section after ra.xml changed.
            readme = readme.substring(0, start) + expected + readme.substring(end + ConfigurationReference.END.length());
            Files.writeString(readmeFile, readme);
            end = readme.indexOf(ConfigurationReference.END);
        }

        assertThat(start).as("README.md has the configuration reference markers; paste this there:%n%s", expected).isNotNegative();
        assertThat(readme.substring(start, end + ConfigurationReference.END.length()))
                .as("README.md's configuration reference is out of step with ra.xml; replace it with the expected text")
                .isEqualTo(expected);
    }
}
