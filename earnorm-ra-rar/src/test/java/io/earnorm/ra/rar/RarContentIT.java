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

    /**
     * Jedis and the MongoDB driver log through SLF4J: without a provider beside slf4j-api their
     * records are dropped (and SLF4J warns at deployment). The RAR holds exactly one, for
     * java.util.logging (the server's log everywhere), and an slf4j-api of the same 2.x line, which
     * finds providers by META-INF/services (a 1.7 API would not see it).
     */
    @Test
    void itHoldsOneSlf4jProviderForJavaUtilLoggingBesideAnSlf4jApiThatFindsIt() throws IOException {
        Path rar = Path.of(System.getProperty("rar.file", "target/earnorm-ra.rar"));
        List<String> providers = new java.util.ArrayList<>();
        try (ZipFile zip = new ZipFile(rar.toFile())) {
            for (ZipEntry jar : zip.stream().filter(e -> e.getName().endsWith(".jar")).toList()) {
                try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(zip.getInputStream(jar))) {
                    for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                        if (e.getName().equals("META-INF/services/org.slf4j.spi.SLF4JServiceProvider")) {
                            providers.add(jar.getName() + ": " + new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim());
                        }
                    }
                }
            }
            List<String> jars = zip.stream().map(ZipEntry::getName).filter(n -> n.startsWith("slf4j-")).toList();
            assertThat(jars).filteredOn(n -> n.startsWith("slf4j-api-")).singleElement().asString().startsWith("slf4j-api-2.");
            String apiVersion = jars.stream().filter(n -> n.startsWith("slf4j-api-")).findFirst().orElseThrow().substring("slf4j-api-".length());
            assertThat(jars).contains("slf4j-jdk14-" + apiVersion);
        }
        assertThat(providers).singleElement().asString().startsWith("slf4j-jdk14-").endsWith("org.slf4j.jul.JULServiceProvider");
    }

    @Test
    void itHoldsNothingTheServerProvides() throws IOException {
        assertThat(entries()).filteredOn(e -> e.endsWith(".jar"))
                .noneMatch(e -> e.startsWith("jakarta.") || e.startsWith("javax.") || e.contains("microprofile")
                        || e.startsWith("junit") || e.startsWith("assertj"));
    }
}
