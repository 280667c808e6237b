package io.earnorm.ra.demo;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The demo's servers start on a machine with nothing but a JDK (and this machine's binaries when
 * it has them), answer on the loopback, and are all gone after close.
 */
class BackendsIT {

    @Test
    void withNothingNamedTheDemoStartsAllThreeAndStopsThemAll() throws Exception {
        Properties p;
        try (Backends backends = Backends.start(Map.of())) {
            p = backends.systemProperties(Path.of("earnorm-ra.rar"));
            assertThat(FreePort.answers(port(p.getProperty("earnorm.mongo.uri")))).isTrue();
            assertThat(FreePort.answers(port(p.getProperty("earnorm.redis.uri")))).isTrue();
            assertThat(selectOne(p)).isEqualTo(1);
        }
        assertThat(FreePort.answers(port(p.getProperty("earnorm.mongo.uri")))).isFalse();
        assertThat(FreePort.answers(port(p.getProperty("earnorm.redis.uri")))).isFalse();
        assertThat(FreePort.answers(port(p.getProperty("earnorm.postgres.url").replace("jdbc:", "")))).isFalse();
    }

    @Test
    void serversTheEnvironmentNamesAreUsedAsGiven() {
        try (Backends backends = Backends.start(Map.of(
                Backends.MONGO_ENV, "mongodb://db.example:27017",
                Backends.REDIS_ENV, "redis://cache.example:6379",
                Backends.POSTGRES_ENV, "jdbc:postgresql://sql.example:5432/app?user=app&password=secret"))) {
            Properties p = backends.systemProperties(Path.of("earnorm-ra.rar"));
            assertThat(p.getProperty("earnorm.mongo.uri")).isEqualTo("mongodb://db.example:27017");
            assertThat(p.getProperty("earnorm.redis.uri")).isEqualTo("redis://cache.example:6379");
            assertThat(p.getProperty("earnorm.postgres.url")).isEqualTo("jdbc:postgresql://sql.example:5432/app");
            assertThat(p.getProperty("earnorm.postgres.user")).isEqualTo("app");
            assertThat(p.getProperty("earnorm.postgres.password")).isEqualTo("secret");
            assertThat(backends.descriptions()).noneMatch(d -> d.contains("secret"));
        }
    }

    /** The path of a fresh machine run as root: zonky's bundled binaries, run as an unprivileged user. */
    @Test
    void asRootTheBundledPostgresBinariesRunAsAnotherUser() throws Exception {
        assumeTrue(Processes.isRoot(), "only root needs another user for PostgreSQL");
        PostgresAddress address;
        try (PostgresAsOtherUser server = PostgresAsOtherUser.start(PostgresBinaries.bundled())) {
            address = server.address();
            Properties p = new Properties();
            p.setProperty("earnorm.postgres.url", address.url());
            p.setProperty("earnorm.postgres.user", address.user());
            p.setProperty("earnorm.postgres.password", address.password());
            assertThat(selectOne(p)).isEqualTo(1);
        }
        assertThat(FreePort.answers(port(address.url().replace("jdbc:", "")))).isFalse();
    }

    private static int selectOne(Properties p) throws Exception {
        try (Connection conn = DriverManager.getConnection(p.getProperty("earnorm.postgres.url"), p.getProperty("earnorm.postgres.user"),
                p.getProperty("earnorm.postgres.password"));
             Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("select 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int port(String uri) {
        return URI.create(uri).getPort();
    }
}
