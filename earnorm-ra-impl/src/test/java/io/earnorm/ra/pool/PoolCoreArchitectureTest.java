package io.earnorm.ra.pool;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** DESIGN.md: the pool core imports nothing from Jakarta, from a driver or from a metrics library. */
class PoolCoreArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.earnorm.ra");

    @Test
    void thePoolCoreDependsOnNoServerDriverOrMetricsLibrary() {
        noClasses().that().resideInAPackage("io.earnorm.ra.pool..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta..", "javax.resource..", "javax.transaction..",
                        "com.mongodb..", "org.bson..", "redis.clients..", "org.postgresql..",
                        "org.eclipse.microprofile..", "io.micrometer..", "javax.management..")
                .check(MAIN);
    }

    @Test
    void thePoolCoreDependsOnNoOtherPackageOfTheAdapter() {
        noClasses().that().resideInAPackage("io.earnorm.ra.pool..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.earnorm.ra.spi..", "io.earnorm.ra.observe..", "io.earnorm.ra.mongo..",
                        "io.earnorm.ra.redis..", "io.earnorm.ra.postgres..")
                .check(MAIN);
    }
}
