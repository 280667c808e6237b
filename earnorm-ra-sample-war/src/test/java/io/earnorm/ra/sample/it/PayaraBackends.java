package io.earnorm.ra.sample.it;

import io.earnorm.ra.testsupport.TestServers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * What Payara Micro reads when Arquillian starts it (see arquillian.xml), written on the client
 * side before each deployment: the backends' addresses as system properties (the test servers of
 * earnorm-ra-impl: the user's, this machine's, or servers started here), and the post-boot command
 * file, which is the sample application's own (the README's) followed by the tests' additions.
 */
final class PayaraBackends {

    private static final String TEST_COMMANDS = "/payara/test-post-boot-commands.txt";

    private PayaraBackends() {
    }

    static synchronized void publish() {
        publish(Map.of(), "");
    }

    /**
     * As {@link #publish()}, with system properties and post-boot commands of one test class
     * added, so that a test's extra pools exist only in its own server.
     */
    static synchronized void publish(Map<String, String> extraProperties, String extraCommands) {
        Properties p = systemProperties();
        p.setProperty(FlakyRedis.URI_PROPERTY, FlakyRedis.uri());
        extraProperties.forEach(p::setProperty);
        try {
            Files.createDirectories(Path.of(required("payara.tmpdir")));
            try (OutputStream out = Files.newOutputStream(Path.of(required("earnorm.payara.properties")))) {
                p.store(out, "backends of the in-container tests");
            }
            String sampleCommands = Files.readString(Path.of(required("earnorm.sample.postboot")), StandardCharsets.UTF_8);
            String commands = sampleCommands.stripTrailing() + "\n" + testCommands().stripTrailing() + "\n" + extraCommands;
            Files.writeString(Path.of(required("earnorm.payara.postboot")), commands, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write Payara Micro's boot files", e);
        }
    }

    /** The RAR's path and the backends' addresses, as the sample's boot files read them. */
    static Properties systemProperties() {
        PostgresAddress postgres = postgres();
        Properties p = new Properties();
        p.setProperty("earnorm.rar", required("earnorm.rar"));
        p.setProperty("earnorm.postgres.url", postgres.url());
        p.setProperty("earnorm.postgres.user", postgres.user());
        p.setProperty("earnorm.postgres.password", postgres.password());
        p.setProperty("earnorm.redis.uri", TestServers.redisUri());
        p.setProperty("earnorm.mongo.uri", TestServers.mongoUri());
        return p;
    }

    /** The PostgreSQL server the deployments use, for tests that check it from the outside. */
    static PostgresAddress postgres() {
        return PostgresAddress.parse(TestServers.postgresUrl());
    }

    private static String testCommands() throws IOException {
        try (InputStream in = PayaraBackends.class.getResourceAsStream(TEST_COMMANDS)) {
            if (in == null) {
                throw new IllegalStateException(TEST_COMMANDS + " is missing from the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run the in-container tests through Maven (mvn verify)");
        }
        return value;
    }
}
