package io.earnorm.ra.rar;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged .rar holds ra.xml, the adapter's jars and the drivers, and nothing the server provides. */
class RarContentIT {

    private static List<String> entries() throws IOException {
        Path rar = Path.of(System.getProperty("rar.file", "target/earnorm-ra.rar"));
        try (ZipFile zip = new ZipFile(rar.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void itHoldsRaXmlTheAdapterAndTheDrivers() throws IOException {
        List<String> entries = entries();

        assertThat(entries).contains("META-INF/ra.xml");
        assertThat(entries).anyMatch(e -> e.matches("earnorm-ra-impl-.*\\.jar"))
                .anyMatch(e -> e.matches("earnorm-ra-api-.*\\.jar"))
                .anyMatch(e -> e.matches("mongodb-driver-sync-.*\\.jar"))
                .anyMatch(e -> e.matches("mongodb-driver-core-.*\\.jar"))
                .anyMatch(e -> e.matches("bson-.*\\.jar"))
                .anyMatch(e -> e.matches("jedis-.*\\.jar"))
                .anyMatch(e -> e.matches("postgresql-.*\\.jar"));
    }

    @Test
    void itHoldsNothingTheServerProvides() throws IOException {
        assertThat(entries()).filteredOn(e -> e.endsWith(".jar"))
                .noneMatch(e -> e.startsWith("jakarta.") || e.startsWith("javax.") || e.contains("microprofile")
                        || e.startsWith("junit") || e.startsWith("assertj"));
    }
}
