package io.earnorm.ra.redis;

import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.testsupport.RedisServerProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a borrower changes in the server-side session does not reach the next borrower: it is put
 * back on return, or the connection is closed. Every pool here has one connection, so the next
 * borrower gets the same socket (checked by its CLIENT ID) unless it was retired.
 */
class RedisSessionResetIT extends RedisFixture {

    private RedisPool onePool(RedisPool.Builder builder) {
        return open(builder.minSize(0).maxSize(1));
    }

    private static String clientInfo(RedisConnection conn) {
        return (String) conn.execute("CLIENT", "INFO");
    }

    @Test
    void anotherDatabaseIsUnselected() {
        RedisPool pool = onePool(sharedServerPool());
        long id;
        try (RedisConnection conn = pool.acquire()) {
            id = clientId(conn);
            conn.execute("SELECT", DATABASE + 1);
            assertThat(clientInfo(conn)).contains(" db=" + (DATABASE + 1) + " ");
        }
        try (RedisConnection conn = pool.acquire()) {
            assertThat(clientId(conn)).isEqualTo(id);
            assertThat(clientInfo(conn)).contains(" db=" + DATABASE + " ");
        }
    }

    @Test
    void anOpenTransactionIsDiscarded() {
        RedisPool pool = onePool(sharedServerPool());
        long id;
        try (RedisConnection conn = pool.acquire()) {
            id = clientId(conn);
            conn.execute("MULTI");
            assertThat(conn.execute("SET", key("queued"), "never")).isEqualTo("QUEUED");
        }
        try (RedisConnection conn = pool.acquire()) {
            assertThat(clientId(conn)).isEqualTo(id);
            assertThat(conn.execute("SET", key("direct"), "now")).isEqualTo("OK");
            assertThat(conn.execute("EXISTS", key("queued"))).isEqualTo(0L);
        }
    }

    @Test
    void watchesAreDropped() {
        RedisPool pool = onePool(sharedServerPool());
        try (RedisConnection conn = pool.acquire()) {
            conn.execute("WATCH", key("watched"));
        }
        admin().set(key("watched"), "changed by another client");
        try (RedisConnection conn = pool.acquire()) {
            conn.execute("MULTI");
            conn.execute("SET", key("watched"), "mine");

            // A watch still in force would abort the transaction: EXEC would answer nil.
            assertThat(conn.execute("EXEC")).isEqualTo(List.of("OK"));
        }
    }

    @Test
    void theConfiguredClientNameComesBack() {
        RedisPool pool = onePool(sharedServerPool().clientName("earnorm-it"));
        try (RedisConnection conn = pool.acquire()) {
            assertThat(conn.execute("CLIENT", "GETNAME")).isEqualTo("earnorm-it");
            conn.execute("CLIENT", "SETNAME", "borrowers-name");
        }
        try (RedisConnection conn = pool.acquire()) {
            assertThat(conn.execute("CLIENT", "GETNAME")).isEqualTo("earnorm-it");
        }
    }

    @Test
    void aNameSetWhereNoneWasConfiguredIsRemoved() {
        RedisPool pool = onePool(sharedServerPool());
        try (RedisConnection conn = pool.acquire()) {
            conn.execute("CLIENT SETNAME", "borrowers-name");
        }
        try (RedisConnection conn = pool.acquire()) {
            assertThat(conn.execute("CLIENT", "GETNAME")).isNull();
        }
    }

    @Test
    void aSessionChangeThePoolCannotUndoRetiresTheConnection() {
        RedisPool pool = onePool(sharedServerPool());
        long id;
        try (RedisConnection conn = pool.acquire()) {
            id = clientId(conn);
            assertThat(conn.execute("CLIENT", "NO-EVICT", "ON")).isEqualTo("OK");
        }
        try (RedisConnection conn = pool.acquire()) {
            assertThat(clientId(conn)).isNotEqualTo(id);
            assertThat(clientInfo(conn)).doesNotContain("flags=e");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pool.stats().closed()).isEqualTo(1));
    }

    @Test
    void authenticatingAgainRetiresTheConnectionAndLeavesTheUserAlone() {
        RedisServerProcess server = closeLater(RedisServerProcess.launch("--requirepass", "reset-it-Secret-7"));
        RedisPool pool = onePool(RedisPool.builder().uri(server.uri()).password("reset-it-Secret-7"));
        long id;
        try (RedisConnection conn = pool.acquire()) {
            id = clientId(conn);
            conn.execute("ACL", "SETUSER", "other", "on", ">other-pass", "~*", "+@all");
            assertThat(conn.execute("AUTH", "other", "other-pass")).isEqualTo("OK");
            assertThat(conn.execute("ACL", "WHOAMI")).isEqualTo("other");
        }
        try (RedisConnection conn = pool.acquire()) {
            assertThat(clientId(conn)).isNotEqualTo(id);
            assertThat(conn.execute("ACL", "WHOAMI")).isEqualTo("default");
        }
    }
}
