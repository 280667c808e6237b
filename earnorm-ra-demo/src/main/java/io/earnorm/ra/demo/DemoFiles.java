package io.earnorm.ra.demo;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the demo runs, as the Maven build hands it over in system properties (see the demo
 * profile in this module's pom): Payara Micro's jar, the RAR, the sample application and its
 * post-boot commands, the pre-boot commands, and a work folder for logs and temporary files.
 */
record DemoFiles(Path payaraMicroJar, Path rar, Path sampleWar, Path postBootCommands, Path preBootCommands, Path workDir) {

    static DemoFiles fromSystemProperties() {
        return new DemoFiles(existing("earnorm.demo.payara"), existing("earnorm.demo.rar"), existing("earnorm.demo.war"),
                existing("earnorm.demo.postboot"), existing("earnorm.demo.preboot"), Path.of(required("earnorm.demo.workdir")));
    }

    private static Path existing(String property) {
        Path path = Path.of(required(property));
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(property + " names " + path + ", which does not exist; build it first (see the README's demo command)");
        }
        return path;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set; start the demo with the README's command");
        }
        return value;
    }
}
