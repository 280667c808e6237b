import io.earnorm.ra.testsupport.TestServers;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs each README example as a user would, through its main method, against the test servers
 * (PostgreSQL and Redis: the user's, this machine's or embedded ones; MongoDB: the in-process
 * server), and checks what it printed.
 */
class ExamplesIT {

    @Test
    void theMongoExampleInsertsAndFindsJohn() throws Exception {
        assertThat(run(() -> MongoQuickStart.main(new String[] {TestServers.mongoUri()})))
                .contains("found John, 30").containsPattern("users: [1-9]");
    }

    @Test
    void theMongoExampleRunsOnTheInProcessServerTheReadmeSuggests() throws Exception {
        assertThat(run(() -> MongoInProcessServer.main(new String[0]))).contains("found John, 30", "users: 1");
    }

    @Test
    void theRedisExampleSetsGetsAndCounts() throws Exception {
        assertThat(run(() -> RedisQuickStart.main(new String[] {TestServers.redisUri()})))
                .containsPattern("greeting=hello, visits=[1-9]\\d*");
    }

    @Test
    void thePostgresExampleCreatesItsTableAndWritesTheAuditTrail() throws Exception {
        assertThat(run(() -> PostgresQuickStart.main(new String[] {TestServers.postgresUrl()})))
                .containsPattern("inserted 1, john has [1-9]\\d* row\\(s\\), audit has [1-9]\\d* on PostgreSQL");
    }

    @Test
    void thePoolManagerExampleOpensMinSizeAndClosesEverything() throws Exception {
        assertThat(run(() -> PoolManagerQuickStart.main(new String[] {TestServers.mongoUri()}))).contains("pool users is READY, keeping at least 5 connections open");
    }

    @Test
    void theJcaExampleWorksWithoutAnApplicationServer() throws Exception {
        assertThat(run(() -> JcaWithoutServer.main(new String[] {TestServers.postgresUrl()}))).contains("select 1 -> 1");
    }

    interface Example {
        void run() throws Exception;
    }

    private static String run(Example example) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            example.run();
        } finally {
            System.setOut(original);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        original.print(text);
        return text;
    }
}
