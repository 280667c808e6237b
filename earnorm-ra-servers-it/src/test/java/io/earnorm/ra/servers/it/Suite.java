package io.earnorm.ra.servers.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where the suite finds what Maven prepared (see the pom), and small file chores. */
final class Suite {

    private Suite() {
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run the servers suite through Maven (mvn verify)");
        }
        return value;
    }

    static Path path(String property) {
        return Path.of(property(property)).toAbsolutePath();
    }

    static Path rar() {
        return path("earnorm.rar");
    }

    static Path war() {
        return path("earnorm.servers.war");
    }

    /** Where Maven unpacked or copied the distributions. */
    static Path serversDir() {
        return path("earnorm.servers.dir");
    }

    /** A deployment file of one server, as the README shows it: src/main/servers/{server}/{file}. */
    static Path config(String server, String file) {
        return path("earnorm.servers.config").resolve(server).resolve(file);
    }

    static Path log(String server) {
        return serversDir().resolve("logs").resolve(server + ".log");
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
