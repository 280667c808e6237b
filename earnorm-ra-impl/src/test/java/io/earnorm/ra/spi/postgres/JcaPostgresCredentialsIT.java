package io.earnorm.ra.spi.postgres;

import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.api.PostgresConnectionFactory;
import io.earnorm.ra.pool.ConnectionPool;
import io.earnorm.ra.postgres.PostgresBackend;
import io.earnorm.ra.postgres.PostgresSettings;
import io.earnorm.ra.spi.Credential;
import io.earnorm.ra.spi.EarnormConnectionRequestInfo;
import io.earnorm.ra.spi.EarnormManagedConnection;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.security.PasswordCredential;
import org.junit.jupiter.api.Test;

import javax.security.auth.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each user gets connections authenticated as that user, from a sub-pool of its own, whether the
 * application names the user ({@code getConnection(user, password)}) or the container does (a
 * {@link PasswordCredential} for this factory in the {@link Subject}). On the test server the
 * loopback is trusted, so the user name alone decides who a connection is: {@code current_user}
 * tells it.
 */
class JcaPostgresCredentialsIT extends JcaPostgresFixture {

    private static final String ALICE_PASSWORD = "Alice-Pw-91c2";
    private static final String BOB_PASSWORD = "Bob-Pw-4d7e";

    @Test
    void applicationManagedSignOnGivesEachUserConnectionsOfItsOwnFromItsOwnSubPool() throws Exception {
        PostgresManagedConnectionFactory mcf = managedFactory();
        String alice = role("alice", ALICE_PASSWORD);
        String bob = role("bob", BOB_PASSWORD);
        String configured = defaultUser();
        PostgresConnectionFactory factory = connectionFactory(mcf);

        // Interleaved and held at once, so that a crossed connection would show.
        for (int round = 0; round < 3; round++) {
            List<PostgresConnection> held = new ArrayList<>();
            try {
                PostgresConnection asAlice = held(held, factory.getConnection(alice, ALICE_PASSWORD));
                PostgresConnection asDefault = held(held, factory.getConnection());
                PostgresConnection asBob = held(held, factory.getConnection(bob, BOB_PASSWORD));
                PostgresConnection asAliceAgain = held(held, factory.getConnection(alice, ALICE_PASSWORD));

                assertThat(currentUser(asAlice)).isEqualTo(alice);
                assertThat(currentUser(asBob)).isEqualTo(bob);
                assertThat(currentUser(asAliceAgain)).isEqualTo(alice);
                assertThat(currentUser(asDefault)).isEqualTo(configured);
            } finally {
                held.forEach(PostgresConnection::close);
            }
        }

        assertThat(mcf.pools()).hasSize(3);
        assertThat(mcf.pools()).extracting(ConnectionPool::name)
                .containsExactlyInAnyOrder(poolName(mcf), poolName(mcf) + "[" + alice + "]", poolName(mcf) + "[" + bob + "]");
        // Alice held two connections at once: both came from her sub-pool.
        assertThat(mcf.poolFor(new Credential(alice, ALICE_PASSWORD)).stats().created()).isGreaterThanOrEqualTo(2);
        assertThat(mcf.poolFor(new Credential(bob, BOB_PASSWORD)).stats().created()).isGreaterThanOrEqualTo(1);
        assertThat(mcf.pools().toString() + mcf).doesNotContain(ALICE_PASSWORD).doesNotContain(BOB_PASSWORD);
    }

    @Test
    void containerManagedSignOnTakesThePasswordCredentialForThisFactoryFromTheSubject() throws Exception {
        PostgresManagedConnectionFactory mcf = managedFactory();
        String alice = role("alice", ALICE_PASSWORD);
        String bob = role("bob", BOB_PASSWORD);
        Subject asAlice = subject(mcf, alice, ALICE_PASSWORD);
        Subject asBob = subject(mcf, bob, BOB_PASSWORD);

        ManagedConnection aliceMc = mcf.createManagedConnection(asAlice, null);
        ManagedConnection bobMc = mcf.createManagedConnection(asBob, null);
        try {
            PostgresConnection a = (PostgresConnection) aliceMc.getConnection(asAlice, null);
            PostgresConnection b = (PostgresConnection) bobMc.getConnection(asBob, null);
            assertThat(currentUser(a)).isEqualTo(alice);
            assertThat(currentUser(b)).isEqualTo(bob);

            // A managed connection of alice's never serves bob, nor the configured user.
            assertThatThrownBy(() -> aliceMc.getConnection(asBob, null)).isInstanceOf(jakarta.resource.spi.SecurityException.class);
            assertThatThrownBy(() -> aliceMc.getConnection(null, null)).isInstanceOf(jakarta.resource.spi.SecurityException.class);
            assertThat(mcf.matchManagedConnections(Set.of(aliceMc, bobMc), asBob, null)).isSameAs(bobMc);
            assertThat(mcf.matchManagedConnections(Set.of(aliceMc), asBob, null)).isNull();
            assertThat(mcf.matchManagedConnections(Set.of(aliceMc), null, null)).isNull();
            // The same user by either sign-on shares one sub-pool.
            assertThat(mcf.matchManagedConnections(Set.of(aliceMc), null, new EarnormConnectionRequestInfo(new Credential(alice, ALICE_PASSWORD))))
                    .isSameAs(aliceMc);
            assertThat(((EarnormManagedConnection<?>) bobMc).credential().user()).isEqualTo(bob);
            assertThat(aliceMc.getMetaData().getUserName()).isEqualTo(alice);
        } finally {
            aliceMc.destroy();
            bobMc.destroy();
        }
        assertThat(mcf.pools()).hasSize(2);
    }

    @Test
    void theServersCredentialOfTheConfiguredUserWithAnEmptyPasswordUsesTheConfiguredPool() throws Exception {
        PostgresManagedConnectionFactory mcf = managedFactory();
        String configured = defaultUser();
        mcf.setPoolName("it-ledger");
        mcf.setUser(configured);
        // GlassFish and Payara: the connector pool's user, and an empty password when it sets none.
        Subject server = subject(mcf, configured, "");

        ManagedConnection mc = mcf.createManagedConnection(server, null);
        try {
            assertThat(currentUser((PostgresConnection) mc.getConnection(server, null))).isEqualTo(configured);
        } finally {
            mc.destroy();
        }
        try (PostgresConnection c = connectionFactory(mcf).getConnection()) {
            assertThat(currentUser(c)).isEqualTo(configured);
        }
        assertThat(mcf.pools()).extracting(ConnectionPool::name).containsExactly("it-ledger");
    }

    @Test
    void aPasswordCredentialForAnotherFactoryIsNotUsed() throws Exception {
        PostgresManagedConnectionFactory mcf = managedFactory();
        PostgresManagedConnectionFactory other = managedFactory();
        other.setApplicationName("other");
        String mallory = role("mallory", "Mallory-Pw");
        Subject forOther = subject(other, mallory, "Mallory-Pw");

        ManagedConnection mc = mcf.createManagedConnection(forOther, null);
        try {
            assertThat(currentUser((PostgresConnection) mc.getConnection(forOther, null))).isEqualTo(defaultUser());
        } finally {
            mc.destroy();
        }
    }

    @Test
    void anApplicationUserWithoutAPasswordIsNotGivenThePasswordOfTheUrl() throws Exception {
        PostgresManagedConnectionFactory mcf = managedFactory();
        String urlPassword = "Url-Pw-Of-The-Default-User";
        mcf.setUrl(serverUrl() + (serverUrl().contains("?") ? "&" : "?") + "password=" + urlPassword);
        String alice = role("alice", ALICE_PASSWORD);

        Throwable refused = catchThrowable(() -> {
            try (PostgresConnection c = connectionFactory(mcf).getConnection(alice, null)) {
                assertThat(currentUser(c)).isEqualTo(alice);
            }
        });
        if (refused != null) {
            // A server that asks for passwords (not trust auth): alice's login sent none, not the URL's.
            assertThat(refused).hasMessageContaining("no password was provided");
        }

        assertThat(settingsOf(mcf, new Credential(alice, null)).password()).isNull();
        assertThat(settingsOf(mcf, new Credential(null, null)).password()).isEqualTo(urlPassword);
        assertThat(mcf.toString()).doesNotContain(urlPassword);
    }

    private static PostgresSettings settingsOf(PostgresManagedConnectionFactory mcf, Credential credential) {
        return ((PostgresBackend) mcf.poolFor(credential).backend()).settings();
    }

    private static PostgresConnection held(List<PostgresConnection> held, PostgresConnection c) {
        held.add(c);
        return c;
    }

    private static String currentUser(PostgresConnection c) {
        return (String) c.fetchVal("SELECT current_user::text");
    }

    private String defaultUser() throws Exception {
        try (var admin = newAdmin(); var s = admin.createStatement(); var r = s.executeQuery("SELECT current_user::text")) {
            r.next();
            return r.getString(1);
        }
    }

    private static String poolName(PostgresManagedConnectionFactory mcf) {
        return mcf.poolFor(new Credential(mcf.getUser(), mcf.getPassword())).name();
    }

    private static Subject subject(PostgresManagedConnectionFactory mcf, String user, String password) {
        PasswordCredential credential = new PasswordCredential(user, password.toCharArray());
        credential.setManagedConnectionFactory(mcf);
        Subject subject = new Subject();
        subject.getPrivateCredentials().add(credential);
        return subject;
    }
}
