package io.earnorm.ra.mongo;

import io.earnorm.ra.api.pool.BackendUnavailableException;
import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.pool.PoolManager;
import io.earnorm.ra.testsupport.FreePorts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.earnorm.ra.testsupport.ErrorText.allText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A server that is not there and a malformed address: each a clear error that names mongodb and
 * the address, never the password. (A wrong password needs a server with authentication, which the
 * in-process one lacks: see {@link MongoRealServerIT}.)
 */
class MongoConfigErrorsIT extends MongoFixture {

    private static final String SECRET = "Correct-Horse-7f3a";

    private static Throwable initFailure(MongoPool pool) {
        return catchThrowable(() -> within10s(() -> {
            pool.init();
            return null;
        }));
    }

    @Test
    void aClosedPortFailsInitAsUnavailableNamingTheAddressButNotThePassword() {
        int port = FreePorts.next();
        MongoPool pool = closeLater(MongoPool.builder().uri("mongodb://alice:" + SECRET + "@127.0.0.1:" + port + "/shop")
                .acquireTimeout(Duration.ofSeconds(30)).validationTimeout(Duration.ofSeconds(1)).build());

        Throwable failure = initFailure(pool);

        assertThat(failure).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("mongodb at alice@127.0.0.1:" + port + "/shop")
                .cause().isInstanceOfSatisfying(MongoOpenException.class, open -> assertThat(open.serverUnreachable()).isTrue())
                .hasMessageStartingWith("no server accepted a connection: ")
                .hasMessageContaining("Connection refused");
        assertThat(failure).rootCause().as("the refusal itself, not a server-selection timeout waited out after it")
                .isInstanceOf(java.net.ConnectException.class);
        assertThat(allText(failure)).noneMatch(m -> m.contains("Timed out while waiting for a server"));
        assertThat(allText(failure)).isNotEmpty().noneMatch(m -> m.contains(SECRET));
    }

    @Test
    void aClosedPortFailsCreatePoolAndNothingIsRegistered() {
        int port = FreePorts.next();
        PoolManager manager = closeLater(new PoolManager());
        manager.registerPoolType("mongodb", MongoPool::new);

        Throwable failure = catchThrowable(() -> within10s(() -> manager.createPool("mongodb", "users",
                Map.of("uri", "mongodb://127.0.0.1:" + port, "database", "users", "user", "bob", "password", SECRET,
                        "validationTimeout", "1s"))));

        assertThat(failure).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("mongodb at bob@127.0.0.1:" + port + "/users");
        assertThat(allText(failure)).noneMatch(m -> m.contains(SECRET));
        assertThat(manager.getPool("users")).isEmpty();
    }

    @Test
    void aMalformedUriIsRefusedBeforeAnyPoolExistsAndKeepsThePasswordOut() {
        PoolManager manager = closeLater(new PoolManager());
        manager.registerPoolType("mongodb", MongoPool::new);

        Throwable noScheme = catchThrowable(() -> manager.createPool("mongodb", "users",
                Map.of("uri", "mongodb//alice:" + SECRET + "@127.0.0.1/shop")));
        Throwable wrongScheme = catchThrowable(() -> MongoPool.builder().uri("http://alice:" + SECRET + "@127.0.0.1/shop").build());
        Throwable badPort = catchThrowable(() -> MongoPool.builder().uri("mongodb://alice:" + SECRET + "@127.0.0.1:port/shop").build());

        assertThat(noScheme).isInstanceOfSatisfying(InvalidConfigException.class, e -> {
            assertThat(e.option()).isEqualTo("uri");
            assertThat(e.value()).isEqualTo("mongodb//alice:****@127.0.0.1/shop");
            assertThat(e.getMessage()).startsWith("mongodb uri 'mongodb//alice:****@127.0.0.1/shop' is malformed: ")
                    .contains("must start with either 'mongodb://' or 'mongodb+srv://");
        });
        assertThat(wrongScheme).isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("mongodb uri 'http://alice:****@127.0.0.1/shop' is malformed");
        assertThat(badPort).isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("mongodb uri 'mongodb://alice:****@127.0.0.1:port/shop' is malformed")
                .hasMessageContaining("port");
        for (Throwable failure : new Throwable[] {noScheme, wrongScheme, badPort}) {
            assertThat(allText(failure)).noneMatch(m -> m.contains(SECRET));
        }
        assertThat(manager.getPool("users")).isEmpty();
    }
}
