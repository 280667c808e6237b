package io.earnorm.ra;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's topology and TLS snippets are the code the tests run, between their readme markers. */
class ReadmeTopologySnippetsTest {

    @Test
    void thePostgresMultiHostSnippetIsTheFailoverTestsCode() throws IOException {
        assertReadmeShows("postgres/PostgresFailoverIT.java", "postgres-multihost");
    }

    @Test
    void theMongoReplicaSetSnippetIsTheSettingsTestsCode() throws IOException {
        assertReadmeShows("mongo/MongoTopologySettingsTest.java", "mongo-replicaset");
    }

    @Test
    void theRedisTlsSnippetIsTheTlsTestsCode() throws IOException {
        assertReadmeShows("redis/RedisTlsIT.java", "redis-tls");
    }

    @Test
    void theRedisClusterSnippetsAreTheClusterTestsCode() throws IOException {
        assertReadmeShows("redis/RedisClusterIT.java", "redis-cluster");
        assertReadmeShows("redis/RedisClusterIT.java", "redis-cluster-jca");
    }

    @Test
    void theRedisSentinelSnippetsAreTheSentinelTestsCode() throws IOException {
        assertReadmeShows("redis/RedisSentinelIT.java", "redis-sentinel");
        assertReadmeShows("redis/RedisSentinelIT.java", "redis-sentinel-jca");
    }

    @Test
    void theMongoTlsSnippetIsTheTlsTestsCode() throws IOException {
        assertReadmeShows("mongo/MongoTlsIT.java", "mongo-tls");
    }

    private static void assertReadmeShows(String testSource, String name) throws IOException {
        String source = Files.readString(Path.of("src/test/java/io/earnorm/ra", testSource));
        String start = "// readme:" + name + ":start\n";
        int from = source.indexOf(start);
        int to = source.indexOf("// readme:" + name + ":end");
        assertThat(from).as(start.strip() + " in " + testSource).isNotNegative();
        String code = source.substring(from + start.length(), source.lastIndexOf('\n', to) + 1);
        String dedented = Arrays.stream(code.split("\n", -1)).map(l -> l.startsWith("        ") ? l.substring(8) : l)
                .collect(Collectors.joining("\n"));
        assertThat(Files.readString(Path.of("..", "README.md"))).contains("```java\n" + dedented + "```");
    }
}
