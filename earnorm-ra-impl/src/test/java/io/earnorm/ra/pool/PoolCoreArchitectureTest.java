package io.earnorm.ra.pool;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.earnorm.ra.pool.planted.PlantedMetricsImport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DESIGN.md: the pool core imports nothing from Jakarta, from a driver, from an observer or from
 * any other package of the adapter but the api; it is built of parts each under 400 lines.
 */
class PoolCoreArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.earnorm.ra");

    /** The packages the core must not reach, by their real names. */
    static final ArchRule CORE_STAYS_GENERIC = noClasses().that().resideInAPackage("io.earnorm.ra.pool..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.earnorm.ra.metrics..", "io.earnorm.ra.jmx..", "io.earnorm.ra.backend..", "io.earnorm.ra.spi..",
                    "io.earnorm.ra.mongo..", "io.earnorm.ra.redis..", "io.earnorm.ra.postgres..",
                    "jakarta..", "javax.resource..", "javax.transaction..", "javax.management..",
                    "com.mongodb..", "org.bson..", "redis.clients..", "org.postgresql..",
                    "org.eclipse.microprofile..", "io.micrometer..");

    @Test
    void thePoolCoreDependsOnNoObserverBackendJcaLayerServerApiOrDriver() {
        assertThat(MAIN.containPackage("io.earnorm.ra.pool")).isTrue();
        CORE_STAYS_GENERIC.check(MAIN);
    }

    @Test
    void theRuleFailsOnAPlantedImport() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedMetricsImport.class);

        assertThatThrownBy(() -> CORE_STAYS_GENERIC.check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedMetricsImport")
                .hasMessageContaining("io.earnorm.ra.metrics.PoolMetricsRecorder");
    }

    @Test
    void everyFileOfThePoolCoreIsUnder400Lines() throws IOException {
        Path core = Path.of("src/main/java/io/earnorm/ra/pool");
        assertThat(core).isDirectory();
        List<String> tooLong;
        try (Stream<Path> files = Files.list(core)) {
            tooLong = files.filter(f -> f.toString().endsWith(".java")).filter(f -> lines(f) >= 400)
                    .map(f -> f.getFileName() + " (" + lines(f) + " lines)").toList();
        }
        assertThat(tooLong).isEmpty();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
