package io.earnorm.ra.postgres;

import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.api.pool.BackendUnavailableException;
import io.earnorm.ra.api.pool.ConnectionOpenException;
import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.pool.PoolManager;
import io.earnorm.ra.testsupport.FreePorts;
import io.earnorm.ra.testsupport.PostgresServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.earnorm.ra.testsupport.ErrorText.allText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A wrong password, a server that is not there, an unknown database, a malformed URL: each a clear
 * error that names postgresql and the address, never the password. The machine's server trusts
 * every local connection, so the password tests run against a server of their own that checks
 * passwords (scram-sha-256).
 */
class PostgresConfigErrorsIT extends PostgresFixture {

    private static final String SECRET = "Correct-Horse-7f3a";
    private static final String WRONG = "Wrong-Battery-91c2";
    private static PostgresServerProcess server;

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static synchronized PostgresServerProcess server() {
        Assumptions.assumeTrue(PostgresServerProcess.available(), "no PostgreSQL server binaries on this machine");
        if (server == null) {
            server = PostgresServerProcess.start(SECRET);
        }
        return server;
    }

    private static Throwable initFailure(PostgresPool pool) {
        return catchThrowable(() -> within10s(() -> {
            pool.init();
            return null;
        }));
    }

    @Test
    void aWrongPasswordFailsInitNamingPostgresqlAndTheAddressButNotThePassword() throws Exception {
        PostgresServerProcess db = server();
        PostgresPool pool = closeLater(PostgresPool.builder().url(db.url()).user("postgres").password(WRONG).build());

        Throwable failure = initFailure(pool);

        assertThat(failure).isInstanceOf(ConnectionOpenException.class)
                .hasMessageContaining("postgresql at postgres@127.0.0.1:" + db.port() + "/postgres")
                .hasMessageContaining("refused the credentials of user 'postgres'")
                .hasMessageContaining("SQLState 28P01");
        assertThat(failure.getCause()).isInstanceOf(PostgresOpenException.class);
        assertThat(allText(failure)).isNotEmpty().noneMatch(m -> m.contains(WRONG) || m.contains(SECRET));
        // A refusal is not an outage: the pool is not paused.
        assertThat(pool.state()).isEqualTo(PoolState.READY);

        PostgresPool good = open(PostgresPool.builder().url(db.url()).user("postgres").password(SECRET));
        try (PostgresConnection conn = good.acquire()) {
            assertThat(conn.fetchVal("SELECT current_user")).isEqualTo("postgres");
        }
    }

    @Test
    void aWrongPasswordInTheUrlFailsCreatePoolAndNothingIsRegistered() {
        PostgresServerProcess db = server();
        PoolManager manager = closeLater(new PoolManager());
        manager.registerPoolType("postgresql", PostgresPool::new);

        Throwable failure = catchThrowable(() -> manager.createPool("postgresql", "users",
                Map.of("url", db.url() + "?user=postgres&password=" + WRONG, "timeout", "5s")));

        assertThat(failure).isInstanceOf(ConnectionOpenException.class)
                .hasMessageContaining("postgresql at postgres@127.0.0.1:" + db.port())
                .hasMessageContaining("password authentication failed");
        assertThat(allText(failure)).noneMatch(m -> m.contains(WRONG) || m.contains(SECRET));
        assertThat(manager.getPool("users")).isEmpty();
    }

    @Test
    void noPasswordForAServerThatNeedsOneFailsInit() {
        PostgresServerProcess db = server();
        PostgresPool pool = closeLater(PostgresPool.builder().url(db.url()).user("postgres").build());

        Throwable failure = initFailure(pool);

        assertThat(failure).isInstanceOf(ConnectionOpenException.class)
                .hasMessageContaining("postgresql at postgres@127.0.0.1:" + db.port())
                .hasMessageContaining("password");
    }

    @Test
    void aClosedPortFailsInitAsUnavailableNamingTheAddress() {
        int port = FreePorts.next();
        PostgresPool pool = closeLater(PostgresPool.builder().url("jdbc:postgresql://127.0.0.1:" + port + "/app")
                .user("app").password(SECRET).acquireTimeout(Duration.ofSeconds(30)).build());

        Throwable failure = initFailure(pool);

        assertThat(failure).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("postgresql at app@127.0.0.1:" + port + "/app")
                .cause().isInstanceOfSatisfying(PostgresOpenException.class, e -> {
                    assertThat(e.serverUnavailable()).isTrue();
                    assertThat(e.sqlState()).isEqualTo("08001");
                    assertThat(e).hasMessageContaining("the server is unavailable: Connection to 127.0.0.1:" + port + " refused");
                });
        assertThat(allText(failure)).noneMatch(m -> m.contains(SECRET));
        assertThat(pool.state()).isEqualTo(PoolState.PAUSED);
    }

    @Test
    void anUnknownDatabaseFailsInitWithTheServersReason() {
        String missing = name("missing");
        PostgresPool pool = closeLater(sharedServerPool().url(serverUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + missing + "$1")).build());

        Throwable failure = initFailure(pool);

        assertThat(failure).isInstanceOf(ConnectionOpenException.class)
                .hasMessageContaining("/" + missing + ":")
                .hasMessageContaining("the database does not exist")
                .hasMessageContaining("SQLState 3D000");
        assertThat(pool.state()).isEqualTo(PoolState.READY);
    }

    @Test
    void malformedUrlsAreRefusedBeforeAnyPoolExistsNamingPostgresqlAndKeepingThePasswordOut() {
        PoolManager manager = closeLater(new PoolManager());
        manager.registerPoolType("postgresql", PostgresPool::new);
        Map<String, String> expectations = Map.of(
                "jdbc:mysql://127.0.0.1:3306/app?password=" + WRONG, "for another driver (jdbc:mysql:)",
                "postgres://app:" + WRONG + "@127.0.0.1/app", "libpq connection URI",
                "garbage", "does not start with jdbc:postgresql://",
                "jdbc:postgresql://127.0.0.1:99999/app?password=" + WRONG, "port in 1-65535",
                "jdbc:postgresql://app:" + WRONG + "@127.0.0.1/app", "user info before the host");

        expectations.forEach((url, reason) -> {
            Throwable failure = catchThrowable(() -> manager.createPool("postgresql", "users", Map.of("url", url)));

            assertThat(failure).as(reason).isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                assertThat(e.option()).isEqualTo("url");
                assertThat(e.getMessage()).startsWith("postgresql url ").contains(reason);
                assertThat(e.value()).doesNotContain(WRONG);
            });
            assertThat(allText(failure)).as(reason).noneMatch(m -> m.contains(WRONG));
        });
        assertThat(manager.poolNames()).isEmpty();
    }
}
