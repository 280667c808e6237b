package io.earnorm.ra.redis;

import io.earnorm.ra.backend.Secrets;
import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.api.pool.BackendUnavailableException;
import io.earnorm.ra.api.pool.ConnectionOpenException;
import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.pool.PoolManager;
import io.earnorm.ra.testsupport.FreePorts;
import io.earnorm.ra.testsupport.RedisServerProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.earnorm.ra.testsupport.ErrorText.allText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A wrong password, a server that is not there, a malformed address: each a clear error that names redis and the address, never the password. */
class RedisConfigErrorsIT extends RedisFixture {

    private static final String SECRET = "Correct-Horse-7f3a";
    private static final String WRONG = "Wrong-Battery-91c2";

    private static Throwable initFailure(RedisPool pool) {
        return catchThrowable(() -> within10s(() -> {
            pool.init();
            return null;
        }));
    }

    @Test
    void aWrongPasswordFailsInitNamingRedisAndTheAddressButNotThePassword() {
        RedisServerProcess server = closeLater(RedisServerProcess.launch("--requirepass", SECRET));
        RedisPool pool = closeLater(RedisPool.builder().uri(server.uri()).password(WRONG).build());

        Throwable failure = initFailure(pool);

        assertThat(failure).isInstanceOf(ConnectionOpenException.class)
                .hasMessageContaining("redis at 127.0.0.1:" + server.port())
                .hasMessageContaining("refused the credentials of user 'default'");
        assertThat(allText(failure)).isNotEmpty().noneMatch(m -> m.contains(WRONG) || m.contains(SECRET));

        RedisPool good = open(RedisPool.builder().uri("redis://:" + SECRET + "@127.0.0.1:" + server.port()));
        try (RedisConnection conn = good.acquire()) {
            assertThat(conn.execute("PING")).isEqualTo("PONG");
        }
    }

    @Test
    void aPasswordThatIsPartOfTheServersReplyLeavesTheReplyReadable() {
        // The password WRONG is the start of Redis's own WRONGPASS code: masking must not garble it.
        RedisServerProcess server = closeLater(RedisServerProcess.launch("--requirepass", SECRET));
        RedisPool pool = closeLater(RedisPool.builder().uri(server.uri()).password("WRONG").build());

        Throwable failure = initFailure(pool);

        assertThat(failure).isInstanceOf(ConnectionOpenException.class)
                .hasMessageContaining("refused the credentials of user 'default'")
                .hasMessageContaining("WRONGPASS invalid username-password pair")
                .hasMessageNotContaining(Secrets.MASK + "PASS");
        assertThat(allText(failure)).noneMatch(m -> m.matches("(?s).*(?<![A-Za-z0-9])WRONG(?![A-Za-z0-9]).*"));
    }

    @Test
    void aWrongPasswordInTheUriFailsCreatePoolAndNothingIsRegistered() {
        RedisServerProcess server = closeLater(RedisServerProcess.launch("--requirepass", SECRET));
        PoolManager manager = closeLater(new PoolManager());
        manager.registerPoolType("redis", RedisPool::new);

        Throwable failure = catchThrowable(() -> manager.createPool("redis", "cache",
                Map.of("uri", "redis://alice:" + WRONG + "@127.0.0.1:" + server.port(), "timeout", "5s")));

        assertThat(failure).isInstanceOf(ConnectionOpenException.class)
                .hasMessageContaining("redis at alice@127.0.0.1:" + server.port())
                .hasMessageContaining("refused the credentials of user 'alice'");
        assertThat(allText(failure)).noneMatch(m -> m.contains(WRONG) || m.contains(SECRET));
        assertThat(manager.getPool("cache")).isEmpty();
    }

    @Test
    void noPasswordForAServerThatNeedsOneFailsInit() {
        RedisServerProcess server = closeLater(RedisServerProcess.launch("--requirepass", SECRET));
        RedisPool pool = closeLater(RedisPool.builder().uri(server.uri()).build());

        Throwable failure = initFailure(pool);

        assertThat(failure).isInstanceOf(ConnectionOpenException.class)
                .hasMessageContaining("redis at 127.0.0.1:" + server.port())
                .hasMessageContaining("requires a password");
    }

    @Test
    void aClosedPortFailsInitAsUnavailableNamingTheAddress() {
        int port = FreePorts.next();
        RedisPool pool = closeLater(RedisPool.builder().uri("redis://:" + SECRET + "@127.0.0.1:" + port)
                .acquireTimeout(Duration.ofSeconds(30)).build());

        Throwable failure = initFailure(pool);

        assertThat(failure).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("redis at 127.0.0.1:" + port)
                .cause().isInstanceOf(RedisOpenException.class)
                .hasMessage("the server is unreachable: Failed to connect to 127.0.0.1:" + port + ". (java.net.ConnectException: Connection refused)");
        assertThat(allText(failure)).noneMatch(m -> m.contains(SECRET));
    }

    @Test
    void aDatabaseOutOfRangeFailsInitWithTheServersReason() {
        RedisPool pool = closeLater(sharedServerPool().database(9999).build());

        Throwable failure = initFailure(pool);

        assertThat(failure).isInstanceOf(ConnectionOpenException.class)
                .hasMessageContaining("/9999")
                .hasMessageContaining("DB index is out of range");
    }

    @Test
    void aMalformedUriIsRefusedBeforeAnyPoolExistsAndKeepsThePasswordOut() {
        PoolManager manager = closeLater(new PoolManager());
        manager.registerPoolType("redis", RedisPool::new);

        Throwable failure = catchThrowable(() -> manager.createPool("redis", "cache",
                Map.of("uri", "redis://alice:" + WRONG + "@127.0.0.1:6379:junk")));

        assertThat(failure).isInstanceOfSatisfying(InvalidConfigException.class, e -> {
            assertThat(e.option()).isEqualTo("uri");
            assertThat(e.getMessage()).contains("redis://alice:****@127.0.0.1:6379:junk");
        });
        assertThat(allText(failure)).noneMatch(m -> m.contains(WRONG));
        assertThat(manager.getPool("cache")).isEmpty();
        assertThat(catchThrowable(() -> RedisPool.builder().uri("rediss://127.0.0.1:6380").tlsTrustFile("/no/such/ca.pem").build()))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("tlsTrustFile");
    }
}
