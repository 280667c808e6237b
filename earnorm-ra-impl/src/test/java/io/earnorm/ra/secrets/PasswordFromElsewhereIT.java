package io.earnorm.ra.secrets;

import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.api.RedisConnectionFactory;
import io.earnorm.ra.redis.RedisPool;
import io.earnorm.ra.spi.redis.RedisManagedConnectionFactory;
import io.earnorm.ra.testsupport.RedisServerProcess;
import jakarta.resource.spi.InvalidPropertyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A password read from a file or the environment opens connections, in plain Java and through a connection definition. */
class PasswordFromElsewhereIT {

    private static final String SECRET = "From-A-File-5d2e";
    private static RedisServerProcess server;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        server = RedisServerProcess.launch("--requirepass", SECRET);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aPlainJavaPoolReadsItsPasswordFromAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("redis-password"), SECRET + "\n");
        try (RedisPool pool = RedisPool.builder().uri(server.uri()).password("${FILE=" + file + "}").build();
             RedisConnection c = pool.acquire()) {
            assertThat(c.execute("PING")).isEqualTo("PONG");
        }
    }

    @Test
    void aConnectionDefinitionReadsItsPasswordFromAFileAndRefusesAMissingVariableAtDeployment() throws Exception {
        Path file = Files.writeString(dir.resolve("jca-password"), SECRET);
        RedisManagedConnectionFactory mcf = new RedisManagedConnectionFactory();
        mcf.setUri(server.uri());
        mcf.setPassword("${FILE=" + file + "}");
        try (RedisConnection c = ((RedisConnectionFactory) mcf.createConnectionFactory()).getConnection()) {
            assertThat(c.execute("PING")).isEqualTo("PONG");
        } finally {
            mcf.close();
        }

        RedisManagedConnectionFactory missing = new RedisManagedConnectionFactory();
        missing.setUri(server.uri());
        missing.setPassword("${ENV=EARNORM_SURELY_UNSET_PASSWORD}");
        assertThatThrownBy(missing::createConnectionFactory).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("config property password")
                .hasMessageContaining("environment variable EARNORM_SURELY_UNSET_PASSWORD, which is not set");
    }
}
