package io.earnorm.ra.spi.redis;

import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.api.RedisConnectionFactory;
import io.earnorm.ra.pool.ConnectionPool;
import io.earnorm.ra.redis.RedisSession;
import io.earnorm.ra.spi.Credential;
import io.earnorm.ra.spi.EarnormManagedConnection;
import io.earnorm.ra.testsupport.RedisServerProcess;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.security.PasswordCredential;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.security.auth.Subject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.earnorm.ra.testsupport.ErrorText.allText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Connections authenticated as one ACL user are never handed to another: application-managed
 * sign-on ({@code getConnection(user, password)}) and container-managed sign-on (a
 * {@code PasswordCredential} in the {@code Subject}) each get connections of their own user, from
 * a sub-pool of that user's own. Runs a Redis server of its own with two ACL users.
 */
class JcaRedisCredentialsIT extends JcaRedisFixture {

    private static final String ALICE_SECRET = "alice-Pw-8c1e";
    private static final String BOB_SECRET = "bob-Pw-22f9";

    private static RedisServerProcess server;

    @BeforeAll
    static void startServerWithUsers() {
        server = RedisServerProcess.launch(
                "--user", "alice", "on", ">" + ALICE_SECRET, "~*", "&*", "+@all",
                "--user", "bob", "on", ">" + BOB_SECRET, "~*", "&*", "+@all");
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    private Subject subject(RedisManagedConnectionFactory mcf, String user, String password) {
        Subject subject = new Subject();
        PasswordCredential credential = new PasswordCredential(user, password.toCharArray());
        credential.setManagedConnectionFactory(mcf);
        subject.getPrivateCredentials().add(credential);
        return subject;
    }

    private static String whoami(RedisConnection connection) {
        return (String) connection.execute("ACL", "WHOAMI");
    }

    @Test
    void applicationAndContainerManagedSignOnGetConnectionsOfTheirOwnUserNeverCrossed() throws Exception {
        RedisManagedConnectionFactory mcf = definition(server.uri());
        RedisConnectionFactory factory = (RedisConnectionFactory) mcf.createConnectionFactory();
        Subject bob = subject(mcf, "bob", BOB_SECRET);
        Set<Long> alicesSockets = new HashSet<>();
        Set<Long> bobsSockets = new HashSet<>();

        for (int round = 0; round < 3; round++) {
            List<RedisConnection> alices = new ArrayList<>();
            List<RedisConnection> bobs = new ArrayList<>();
            List<EarnormManagedConnection<RedisSession>> bobsManaged = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                alices.add(factory.getConnection("alice", ALICE_SECRET));
                EarnormManagedConnection<RedisSession> asBob = managed(mcf, bob, null);
                bobsManaged.add(asBob);
                bobs.add((RedisConnection) asBob.getConnection(bob, null));
            }
            try (RedisConnection anonymous = factory.getConnection()) {
                assertThat(whoami(anonymous)).isEqualTo("default");
            }
            for (RedisConnection c : alices) {
                assertThat(whoami(c)).isEqualTo("alice");
                alicesSockets.add(clientId(c));
                c.close();
            }
            for (RedisConnection c : bobs) {
                assertThat(whoami(c)).isEqualTo("bob");
                bobsSockets.add(clientId(c));
                c.close();
            }
            // As a container that keeps its own pool does once the handles are closed.
            for (EarnormManagedConnection<RedisSession> mc : bobsManaged) {
                mc.cleanup();
            }
        }

        assertThat(alicesSockets).hasSize(2).doesNotContainAnyElementsOf(bobsSockets);
        assertThat(bobsSockets).hasSize(2);
        String address = "redis:127.0.0.1:" + server.port() + "/" + DATABASE;
        assertThat(mcf.pools()).extracting(ConnectionPool::name)
                .containsExactlyInAnyOrder(address, address + "[alice]", address + "[bob]");
        assertThat(mcf.poolFor(new Credential("alice", ALICE_SECRET)).stats().created()).isEqualTo(2);
        assertThat(mcf.poolFor(new Credential("bob", BOB_SECRET)).stats().created()).isEqualTo(2);
    }

    @Test
    void aManagedConnectionOfOneUserIsNeverMatchedToNorServesAnother() throws Exception {
        RedisManagedConnectionFactory mcf = definition(server.uri());
        Subject alice = subject(mcf, "alice", ALICE_SECRET);
        Subject bob = subject(mcf, "bob", BOB_SECRET);
        EarnormManagedConnection<RedisSession> asAlice = managed(mcf, alice, null);

        assertThat(mcf.matchManagedConnections(Set.of(asAlice), bob, null)).isNull();
        assertThat(mcf.matchManagedConnections(Set.of(asAlice), null, null)).isNull();
        assertThat(mcf.matchManagedConnections(Set.of(asAlice), alice, null)).isSameAs(asAlice);
        assertThat(catchThrowableOfType(() -> asAlice.getConnection(bob, null), jakarta.resource.spi.SecurityException.class))
                .hasMessageContaining("authenticated as alice and cannot serve bob");
        assertThat(whoami((RedisConnection) asAlice.getConnection(alice, null))).isEqualTo("alice");
    }

    @Test
    void aConfiguredUserIsTheDefaultAndACallersCredentialReplacesItWhole() throws Exception {
        RedisManagedConnectionFactory mcf = definition(server.uri());
        mcf.setUser("alice");
        mcf.setPassword(ALICE_SECRET);
        RedisManagedConnectionFactory inUri = definition(server.uri().replace("redis://", "redis://alice:" + ALICE_SECRET + "@"));
        RedisConnectionFactory configured = (RedisConnectionFactory) mcf.createConnectionFactory();
        RedisConnectionFactory fromUri = (RedisConnectionFactory) inUri.createConnectionFactory();

        try (RedisConnection a = configured.getConnection();
             RedisConnection b = configured.getConnection("bob", BOB_SECRET);
             RedisConnection c = fromUri.getConnection();
             RedisConnection d = fromUri.getConnection("bob", BOB_SECRET)) {
            assertThat(List.of(a, b, c, d)).extracting(JcaRedisCredentialsIT::whoami).containsExactly("alice", "bob", "alice", "bob");
        }
        assertThat(mcf.toString()).doesNotContain(ALICE_SECRET);
        assertThat(inUri.toString()).doesNotContain(ALICE_SECRET);
    }

    @Test
    void aSubjectWhoseCredentialNamesNoUserGetsTheConfiguredUser() throws Exception {
        // What Payara passes when the connector pool names no user of its own.
        RedisManagedConnectionFactory mcf = definition(server.uri());
        mcf.setUser("alice");
        mcf.setPassword(ALICE_SECRET);
        Subject anonymous = subject(mcf, "", "");

        ManagedConnection mc = mcf.createManagedConnection(anonymous, null);
        try {
            assertThat(whoami((RedisConnection) mc.getConnection(anonymous, null))).isEqualTo("alice");
        } finally {
            mc.destroy();
        }
    }

    @Test
    void aWrongPasswordOrAMissingOneFailsTheGetConnectionWithoutShowingIt() throws Exception {
        RedisManagedConnectionFactory mcf = definition(server.uri());
        mcf.setAcquireTimeout("2s");
        RedisConnectionFactory factory = (RedisConnectionFactory) mcf.createConnectionFactory();

        ResourceException wrong = catchThrowableOfType(() -> factory.getConnection("alice", BOB_SECRET), ResourceException.class);
        ResourceException missing = catchThrowableOfType(() -> factory.getConnection("alice", null), ResourceException.class);

        assertThat(wrong).isInstanceOf(jakarta.resource.spi.CommException.class).hasMessageContaining("alice@127.0.0.1:" + server.port());
        assertThat(allText(wrong)).noneMatch(m -> m.contains(BOB_SECRET) || m.contains(ALICE_SECRET));
        assertThat(missing).isInstanceOf(jakarta.resource.spi.SecurityException.class).hasMessageContaining("user 'alice' needs a password");
        try (RedisConnection alice = factory.getConnection("alice", ALICE_SECRET)) {
            assertThat(whoami(alice)).isEqualTo("alice");
        }
    }
}
