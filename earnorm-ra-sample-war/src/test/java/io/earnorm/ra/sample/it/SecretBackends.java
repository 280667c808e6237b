package io.earnorm.ra.sample.it;

import io.earnorm.ra.testsupport.FreePorts;
import io.earnorm.ra.testsupport.TestServers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * On the client side, before {@link SecretsInContainerIT}'s server boots: a PostgreSQL role whose
 * password is the distinctive one (so that the password is really checked where the server checks
 * passwords, and accepted where it trusts the loopback), and the addresses that
 * {@link SecretDefinitions} read, each carrying the password.
 */
final class SecretBackends {

    static final String ROLE = "earnorm_secrets";
    private static final String COMMANDS = "/payara/secrets-post-boot-commands.txt";

    private SecretBackends() {
    }

    /** The system properties of the server: addresses with {@code password} in them, and the password itself. */
    static Map<String, String> properties(String password) {
        createRole(password);
        String url = PayaraBackends.postgres().url();
        String redis = TestServers.redisUri();
        String mongo = TestServers.mongoUri();
        return Map.of(
                SecretDefinitions.USER_PROPERTY, ROLE,
                SecretDefinitions.PASSWORD_PROPERTY, password,
                "earnorm.it.secrets.postgres.url-with-password", url + (url.contains("?") ? "&" : "?") + "user=" + ROLE + "&password=" + password,
                "earnorm.it.secrets.postgres.no-database", url.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1earnorm_no_such_database"),
                "earnorm.it.secrets.postgres.closed-port", url.replaceFirst("^jdbc:postgresql://[^/]+/", "jdbc:postgresql://127.0.0.1:" + FreePorts.next() + "/"),
                "earnorm.it.secrets.mongo.uri-with-password", mongo.replace("mongodb://", "mongodb://app:" + password + "@") + "/secrets?authSource=admin",
                "earnorm.it.secrets.redis.uri-with-password", redis.replace("redis://", "redis://:" + password + "@"));
    }

    /**
     * The post-boot commands of the administrator's pools with the password: one reads it from a
     * file (written here, beside Payara's temporary files), one takes it in {@code --property}.
     */
    static String commands(String password) {
        try (InputStream in = SecretBackends.class.getResourceAsStream(COMMANDS)) {
            if (in == null) {
                throw new IllegalStateException(COMMANDS + " is missing from the test class path");
            }
            Path file = Path.of(System.getProperty("payara.tmpdir")).resolveSibling("earnorm-it-secret-password");
            Files.createDirectories(file.getParent());
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@PASSWORD_FILE@", file.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createRole(String password) {
        PostgresAddress admin = PayaraBackends.postgres();
        try (Connection c = DriverManager.getConnection(admin.url(), admin.user(), admin.password());
             Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + ROLE + "') THEN CREATE ROLE " + ROLE
                    + " LOGIN; END IF; END $$");
            s.execute("ALTER ROLE " + ROLE + " LOGIN PASSWORD '" + password + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the PostgreSQL role " + ROLE + " at " + admin, e);
        }
    }
}
