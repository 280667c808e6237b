package io.earnorm.ra.spi;

import io.earnorm.ra.api.EarnormBackendException;
import io.earnorm.ra.api.EarnormConnection;
import io.earnorm.ra.api.EarnormConnectionFactory;
import io.earnorm.ra.api.pool.ConnectionClosedException;
import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.pool.ConnectionPool;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.resource.spi.security.PasswordCredential;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.security.auth.Subject;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManagedConnectionContractTest implements JcaContract<EarnormConnection> {

    private final FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();

    @Override
    public FakeManagedConnectionFactory definition() {
        return mcf;
    }

    @Override
    public FakeManagedConnectionFactory sameDefinition() {
        return new FakeManagedConnectionFactory();
    }

    @Override
    public FakeManagedConnectionFactory otherDefinition() {
        FakeManagedConnectionFactory different = new FakeManagedConnectionFactory();
        different.setMaxSize(3);
        return different;
    }

    @Override
    public Class<?> connectionFactoryType() {
        return EarnormConnectionFactory.class;
    }

    @Override
    public Class<?> connectionFactoryImpl() {
        return FakeManagedConnectionFactory.FakeConnectionFactory.class;
    }

    @Override
    public void use(EarnormConnection handle) {
        assertThat(handle.execute("whoami")).isNull(); // the fake server's answer for the default (no) user
    }

    @AfterEach
    void closePools() {
        mcf.close();
    }

    @SuppressWarnings("unchecked")
    private EarnormConnectionFactory<EarnormConnection> factory() throws ResourceException {
        return (EarnormConnectionFactory<EarnormConnection>) mcf.createConnectionFactory();
    }

    private ConnectionPool<FakeManagedConnectionFactory.Link> defaultPool() {
        return mcf.poolFor(new Credential(null, null));
    }

    @Test
    void withoutAServerAFactoryHandsOutConnectionsAndClosingOneReturnsItToThePoolCore() throws Exception {
        EarnormConnectionFactory<EarnormConnection> factory = factory();

        try (EarnormConnection c = factory.getConnection()) {
            assertThat(c.ping()).isTrue();
            assertThat(defaultPool().stats().active()).isEqualTo(1);
        }

        assertThat(defaultPool().stats().active()).isZero();
        assertThat(defaultPool().stats().available()).isEqualTo(1);
        try (EarnormConnection again = factory.getConnection()) {
            assertThat(((FakeManagedConnectionFactory.FakeHandle) again).link().number).isEqualTo(mcf.opened.get(0).number);
        }
        assertThat(mcf.opened).hasSize(1);
    }

    @Test
    void aRemovedListenerHearsNothingMoreAndTheOthersStillHearEveryEvent() throws Exception {
        ManagedConnection mc = mcf.createManagedConnection(null, null);
        RecordingConnectionEvents first = new RecordingConnectionEvents();
        RecordingConnectionEvents removed = new RecordingConnectionEvents();
        RecordingConnectionEvents last = new RecordingConnectionEvents();
        mc.addConnectionEventListener(first);
        mc.addConnectionEventListener(removed);
        mc.addConnectionEventListener(last);
        ((EarnormConnection) mc.getConnection(null, null)).close();

        mc.removeConnectionEventListener(removed);
        mc.removeConnectionEventListener(new RecordingConnectionEvents()); // never added: nothing changes
        ((EarnormConnection) mc.getConnection(null, null)).close();

        assertThat(first.ids()).containsExactly(ConnectionEvent.CONNECTION_CLOSED, ConnectionEvent.CONNECTION_CLOSED);
        assertThat(removed.ids()).containsExactly(ConnectionEvent.CONNECTION_CLOSED);
        assertThat(last.ids()).containsExactly(ConnectionEvent.CONNECTION_CLOSED, ConnectionEvent.CONNECTION_CLOSED);
        mc.destroy();
    }

    @Test
    void aHandleClosedAndACleanupLeaveNoHandleBehindAndTheNextGetConnectionWorks() throws Exception {
        EarnormManagedConnection<?> mc = (EarnormManagedConnection<?>) mcf.createManagedConnection(null, null);
        EarnormConnection closed = (EarnormConnection) mc.getConnection(null, null);
        EarnormConnection open = (EarnormConnection) mc.getConnection(null, null);
        closed.close();

        mc.cleanup();

        assertThat(open.isClosed()).isTrue();
        assertThat(mc.hasPhysical()).isFalse();
        try (EarnormConnection next = (EarnormConnection) mc.getConnection(null, null)) {
            assertThat(next.ping()).isTrue();
        }
        mc.destroy();
    }

    @Test
    void aBackendErrorSendsConnectionErrorOccurredAndThePhysicalConnectionNeverComesBack() throws Exception {
        EarnormConnectionFactory<EarnormConnection> factory = factory();
        FakeManagedConnectionFactory.Link broken;
        ManagedConnection mc = mcf.createManagedConnection(null, null);
        RecordingConnectionEvents events = new RecordingConnectionEvents();
        mc.addConnectionEventListener(events);
        FakeManagedConnectionFactory.FakeHandle handle = (FakeManagedConnectionFactory.FakeHandle) mc.getConnection(null, null);
        broken = handle.link();
        broken.alive = false;

        assertThatThrownBy(() -> handle.execute("whoami"))
                .isInstanceOf(EarnormBackendException.class)
                .satisfies(e -> assertThat(((EarnormBackendException) e).connectionLost()).isTrue());

        assertThat(events.ids()).containsExactly(ConnectionEvent.CONNECTION_ERROR_OCCURRED);
        assertThat(events.events.get(0).getException()).isInstanceOf(java.net.SocketException.class);
        mc.destroy();
        // The pool core closes a retired connection on one of its threads.
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(broken.closed).isTrue());
        try (EarnormConnection next = factory.getConnection()) {
            assertThat(((FakeManagedConnectionFactory.FakeHandle) next).link()).isNotSameAs(broken);
        }
    }

    @Test
    void aClosedHandleRefusesEveryCall() throws Exception {
        EarnormConnection c = factory().getConnection();
        c.close();

        assertThat(c.isClosed()).isTrue();
        assertThatThrownBy(() -> c.execute("whoami")).isInstanceOf(ConnectionClosedException.class).hasMessageContaining("closed");
        assertThatThrownBy(c::ping).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(c::close).isInstanceOf(ConnectionClosedException.class);
    }

    @Test
    void cleanupInvalidatesHandlesAndGivesThePhysicalConnectionBackUntilTheNextGetConnection() throws Exception {
        ManagedConnection mc = mcf.createManagedConnection(null, null);
        EarnormConnection first = (EarnormConnection) mc.getConnection(null, null);
        EarnormConnection second = (EarnormConnection) mc.getConnection(null, null);

        mc.cleanup();

        assertThatThrownBy(() -> first.execute("whoami")).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(() -> second.execute("whoami")).isInstanceOf(ConnectionClosedException.class);
        assertThat(defaultPool().stats().active()).isZero();
        assertThat(defaultPool().stats().available()).isEqualTo(1);

        EarnormConnection third = (EarnormConnection) mc.getConnection(null, null);
        assertThat(third.execute("whoami")).isNull();
        assertThat(defaultPool().stats().active()).isEqualTo(1);
        mc.destroy();
        mc.destroy();
        assertThat(defaultPool().stats().active()).isZero();
        assertThatThrownBy(() -> mc.getConnection(null, null)).isInstanceOf(jakarta.resource.spi.IllegalStateException.class);
    }

    @Test
    void aManagedConnectionTakesNoPhysicalConnectionUntilItsFirstGetConnection() throws Exception {
        EarnormManagedConnection<?> mc = (EarnormManagedConnection<?>) mcf.createManagedConnection(null, null);

        assertThat(mc.hasPhysical()).isFalse();
        assertThat(mcf.opened).isEmpty();
        assertThat(mcf.getInvalidConnections(Set.of(mc))).isEmpty();
        assertThat(mcf.matchManagedConnections(Set.of(mc), null, null)).isSameAs(mc);

        EarnormConnection handle = (EarnormConnection) mc.getConnection(null, null);
        assertThat(mc.hasPhysical()).isTrue();
        assertThat(defaultPool().stats().active()).isEqualTo(1);
        handle.close();
        mc.cleanup();
        assertThat(mc.hasPhysical()).isFalse();
        assertThat(defaultPool().stats().active()).isZero();
        mc.destroy();
    }

    /**
     * GlassFish and Payara keep their connector pool on by default, with a steady size of 8: they
     * create 8 managed connections at once and use them in turn. With an adapter maxSize of 5, the
     * pool core must stay the cap without starving the server's pool: the 6th managed connection
     * used to wait for a physical connection it would hold while idle, and time out.
     */
    @Test
    void aServerPoolOfEightManagedConnectionsOverAMaxSizeOfFiveServesEveryRequest() throws Exception {
        mcf.setMaxSize(5);
        ServerPoolConnectionManager server = new ServerPoolConnectionManager(8);
        @SuppressWarnings("unchecked")
        EarnormConnectionFactory<EarnormConnection> factory = (EarnormConnectionFactory<EarnormConnection>) mcf.createConnectionFactory(server);

        for (int request = 0; request < 8; request++) {
            try (EarnormConnection c = factory.getConnection()) {
                assertThat(c.execute("whoami")).isNull();
            }
        }

        assertThat(server.all).hasSize(8);
        assertThat(defaultPool().stats().active()).isZero();
        assertThat(defaultPool().stats().total()).isLessThanOrEqualTo(5);
        assertThat(mcf.opened).hasSizeLessThanOrEqualTo(5);
        server.destroyAll();
    }

    @Test
    void underAServerPoolThePoolCoresMaxSizeIsStillTheCapOnConnectionsInUse() throws Exception {
        mcf.setMaxSize(5);
        mcf.setAcquireTimeout("100ms");
        ServerPoolConnectionManager server = new ServerPoolConnectionManager(8);
        @SuppressWarnings("unchecked")
        EarnormConnectionFactory<EarnormConnection> factory = (EarnormConnectionFactory<EarnormConnection>) mcf.createConnectionFactory(server);
        List<EarnormConnection> held = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            held.add(factory.getConnection());
        }

        assertThatThrownBy(factory::getConnection)
                .isInstanceOf(ResourceAllocationException.class)
                .hasCauseInstanceOf(io.earnorm.ra.api.pool.AcquireTimeoutException.class);
        assertThat(defaultPool().stats().active()).isEqualTo(5);
        held.remove(0).close();
        try (EarnormConnection sixth = factory.getConnection()) {
            assertThat(sixth.execute("whoami")).isNull();
        }
        held.forEach(EarnormConnection::close);
        assertThat(defaultPool().stats().active()).isZero();
        server.destroyAll();
    }

    @Test
    void aCleanupDuringATransactionKeepsThePhysicalConnectionUntilTheTransactionEnds() throws Exception {
        EarnormManagedConnection<?> mc = (EarnormManagedConnection<?>) mcf.createManagedConnection(null, null);
        FakeManagedConnectionFactory.FakeHandle handle = (FakeManagedConnectionFactory.FakeHandle) mc.getConnection(null, null);
        FakeManagedConnectionFactory.Link link = handle.link();
        mc.transactionStarted();

        handle.close();
        mc.cleanup();

        assertThat(mc.hasPhysical()).isTrue();
        assertThat(mc.physical()).isSameAs(link);
        assertThat(defaultPool().stats().active()).isEqualTo(1);
        mc.transactionEnded();
        assertThat(mc.hasPhysical()).isFalse();
        assertThat(defaultPool().stats().active()).isZero();
        mc.destroy();
    }

    @Test
    void aHandleCanBeAssociatedWithAnotherManagedConnection() throws Exception {
        ManagedConnection a = mcf.createManagedConnection(null, null);
        ManagedConnection b = mcf.createManagedConnection(null, null);
        FakeManagedConnectionFactory.FakeHandle handle = (FakeManagedConnectionFactory.FakeHandle) a.getConnection(null, null);
        FakeManagedConnectionFactory.Link before = handle.link();

        b.associateConnection(handle);

        assertThat(handle.link()).isNotSameAs(before);
        a.cleanup();
        assertThat(handle.execute("whoami")).isNull();
        a.destroy();
        b.destroy();
    }

    @Test
    void eachCredentialHasItsOwnSubPoolAndConnectionsAreNeverCrossed() throws Exception {
        EarnormConnectionFactory<EarnormConnection> factory = factory();
        Subject bob = new Subject();
        PasswordCredential bobCredential = new PasswordCredential("bob", "bob-secret".toCharArray());
        bobCredential.setManagedConnectionFactory(mcf);
        bob.getPrivateCredentials().add(bobCredential);

        try (EarnormConnection alice = factory.getConnection("alice", "alice-secret");
             EarnormConnection anonymous = factory.getConnection()) {
            assertThat(alice.execute("whoami")).isEqualTo("alice");
            assertThat(anonymous.execute("whoami")).isNull();
        }
        ManagedConnection asBob = mcf.createManagedConnection(bob, null);
        EarnormConnection bobHandle = (EarnormConnection) asBob.getConnection(bob, null);
        assertThat(bobHandle.execute("whoami")).isEqualTo("bob");
        // A managed connection of bob's never serves alice.
        assertThatThrownBy(() -> asBob.getConnection(null, new EarnormConnectionRequestInfo(new Credential("alice", "alice-secret"))))
                .isInstanceOf(jakarta.resource.spi.SecurityException.class);
        assertThat(mcf.matchManagedConnections(Set.of(asBob), null, new EarnormConnectionRequestInfo(new Credential("alice", "alice-secret")))).isNull();
        assertThat(mcf.matchManagedConnections(Set.of(asBob), bob, null)).isSameAs(asBob);

        assertThat(mcf.pools()).hasSize(3);
        assertThat(mcf.pools()).extracting(ConnectionPool::name)
                .containsExactlyInAnyOrder("fake:fake://server", "fake:fake://server[alice]", "fake:fake://server[bob]");
        assertThat(mcf.opened).allMatch(link -> link.credential.user() == null || link.credential.password().startsWith(link.credential.user()));
        asBob.destroy();
    }

    @Test
    void theServersCredentialOfTheConfiguredUserWithAnEmptyPasswordIsTheConfiguredCredential() throws Exception {
        // GlassFish and Payara: a connector pool with user=app and no password hands over app with "".
        mcf.setPoolName("ledger");
        mcf.setUser("app");
        Subject server = new Subject();
        PasswordCredential app = new PasswordCredential("app", new char[0]);
        app.setManagedConnectionFactory(mcf);
        server.getPrivateCredentials().add(app);

        ManagedConnection mc = mcf.createManagedConnection(server, null);
        try (EarnormConnection c = (EarnormConnection) mc.getConnection(server, null);
             EarnormConnection byApplication = factory().getConnection()) {
            assertThat(c.execute("whoami")).isEqualTo("app");
            assertThat(byApplication.execute("whoami")).isEqualTo("app");
        }
        mc.destroy();

        assertThat(mcf.pools()).extracting(ConnectionPool::name).containsExactly("ledger");
        assertThat(new Credential("app", "")).isEqualTo(new Credential("app", null));
    }

    @Test
    void theServersCredentialOfTheConfiguredUserIsAnsweredWithTheConfiguredCredentialItself() {
        Credential configured = new Credential("app", "secret");
        Credential withoutPassword = new Credential("app", null);

        assertThat(SignOn.credentialOf(subjectWith("app", "secret"), null, mcf, configured)).isSameAs(configured);
        assertThat(SignOn.credentialOf(subjectWith("app", ""), null, mcf, withoutPassword)).isSameAs(withoutPassword);
        assertThat(SignOn.credentialOf(subjectWith("app", "secreT"), null, mcf, configured))
                .isNotSameAs(configured).isEqualTo(new Credential("app", "secreT"));
        assertThat(SignOn.credentialOf(subjectWith("app", "secret2"), null, mcf, configured)).isEqualTo(new Credential("app", "secret2"));
        assertThat(SignOn.credentialOf(subjectWith("app", ""), null, mcf, configured)).isEqualTo(withoutPassword);
        assertThat(SignOn.credentialOf(subjectWith("bob", "secret"), null, mcf, configured)).isEqualTo(new Credential("bob", "secret"));
    }

    private Subject subjectWith(String user, String password) {
        Subject subject = new Subject();
        PasswordCredential credential = new PasswordCredential(user, password.toCharArray());
        credential.setManagedConnectionFactory(mcf);
        subject.getPrivateCredentials().add(credential);
        return subject;
    }

    @Test
    void aPasswordCredentialForAnotherFactoryIsIgnored() throws Exception {
        FakeManagedConnectionFactory other = new FakeManagedConnectionFactory();
        other.setAddress("fake://other");
        Subject subject = new Subject();
        PasswordCredential forOther = new PasswordCredential("mallory", "x".toCharArray());
        forOther.setManagedConnectionFactory(other);
        subject.getPrivateCredentials().add(forOther);

        ManagedConnection mc = mcf.createManagedConnection(subject, null);

        assertThat(((EarnormConnection) mc.getConnection(subject, null)).execute("whoami")).isNull();
        mc.destroy();
        other.close();
    }

    @Test
    void aPasswordCredentialAmongOtherPrivateCredentialsStillSignsOn() throws Exception {
        Subject subject = new Subject();
        subject.getPrivateCredentials().add("a token of another login module");
        PasswordCredential bob = new PasswordCredential("bob", "bob-secret".toCharArray());
        bob.setManagedConnectionFactory(mcf);
        subject.getPrivateCredentials().add(bob);

        ManagedConnection mc = mcf.createManagedConnection(subject, null);

        assertThat(((EarnormConnection) mc.getConnection(subject, null)).execute("whoami")).isEqualTo("bob");
        mc.destroy();
    }

    @Test
    void aFactoryClassIsIntrospectedOnceForItsConfigProperties() {
        // Payara compares factories on every getConnection: equality must not introspect each time.
        assertThat(AbstractManagedConnectionFactory.configPropertyDescriptors(FakeManagedConnectionFactory.class))
                .isNotEmpty()
                .isSameAs(AbstractManagedConnectionFactory.configPropertyDescriptors(FakeManagedConnectionFactory.class));
        assertThat(mcf).isEqualTo(mcf);
    }

    @Test
    void theConfigIsCheckedBeforeACredentialsFirstSubPoolAndNotOnEveryCallAfter() throws Exception {
        ManagedConnection first = mcf.createManagedConnection(null, null);
        mcf.setMaxSize(-1); // no server does this after deployment; it shows when the check runs

        ManagedConnection again = mcf.createManagedConnection(null, null); // the sub-pool exists: not checked again
        assertThatThrownBy(() -> mcf.createManagedConnection(null, new EarnormConnectionRequestInfo(new Credential("alice", "alice-secret"))))
                .isInstanceOf(jakarta.resource.spi.InvalidPropertyException.class)
                .hasMessageContaining("maxSize=-1");
        assertThat(mcf.pools()).hasSize(1);
        first.destroy();
        again.destroy();
    }

    @Test
    void invalidConnectionsAreThoseThePoolCoreWouldNotLendAgain() throws Exception {
        EarnormManagedConnection<?> healthy = (EarnormManagedConnection<?>) mcf.createManagedConnection(null, null);
        EarnormManagedConnection<?> dead = (EarnormManagedConnection<?>) mcf.createManagedConnection(null, null);
        EarnormManagedConnection<?> stale = (EarnormManagedConnection<?>) mcf.createManagedConnection(null, null);
        for (EarnormManagedConnection<?> mc : List.of(healthy, dead, stale)) {
            mc.getConnection(null, null);
        }
        ((FakeManagedConnectionFactory.Link) dead.physical()).alive = false;

        assertThat(mcf.getInvalidConnections(Set.of(healthy, dead, stale))).containsExactly(dead);
        assertThat(mcf.matchManagedConnections(Set.of(dead), null, null)).isNull();

        defaultPool().clear();
        defaultPool().ready();
        @SuppressWarnings("unchecked")
        Set<Object> invalid = mcf.getInvalidConnections(Set.of(healthy, dead, stale));
        assertThat(invalid).containsExactlyInAnyOrder(healthy, dead, stale);
        healthy.destroy();
        dead.destroy();
        stale.destroy();
    }

    @Test
    void aTimedOutAcquireIsAResourceAllocationExceptionWithTheTypedCause() throws Exception {
        mcf.setMaxSize(1);
        mcf.setAcquireTimeout("50ms");
        EarnormConnectionFactory<EarnormConnection> factory = factory();
        try (EarnormConnection held = factory.getConnection()) {
            assertThatThrownBy(factory::getConnection)
                    .isInstanceOf(ResourceAllocationException.class)
                    .hasCauseInstanceOf(io.earnorm.ra.api.pool.AcquireTimeoutException.class);
        }
    }

    @Test
    void transactionsAreRefusedUnlessTheBackendSupportsThem() throws Exception {
        ManagedConnection mc = mcf.createManagedConnection(null, null);

        assertThatThrownBy(mc::getLocalTransaction).isInstanceOf(NotSupportedException.class).hasMessageContaining("fake connections do not support local transactions");
        assertThatThrownBy(mc::getXAResource).isInstanceOf(NotSupportedException.class).hasMessageContaining("XA");
        mc.destroy();
    }

    @Test
    void stoppingTheResourceAdapterClosesThePoolsOfEveryDefinition() throws Exception {
        EarnormResourceAdapter adapter = new EarnormResourceAdapter();
        adapter.start(null);
        FakeManagedConnectionFactory second = new FakeManagedConnectionFactory();
        mcf.setResourceAdapter(adapter);
        second.setResourceAdapter(adapter);
        factory().getConnection().close();
        ((EarnormConnectionFactory<?>) second.createConnectionFactory()).getConnection().close();
        EarnormConnection stillBorrowed = factory().getConnection("carol", "c");

        adapter.stop();

        assertThat(mcf.pools()).isEmpty();
        assertThat(second.pools()).isEmpty();
        assertThat(mcf.opened).filteredOn(l -> l.credential.user() == null).allMatch(l -> l.closed);
        assertThat(adapter.isStarted()).isFalse();
        // The borrower keeps its connection until it gives it back; then it is closed.
        FakeManagedConnectionFactory.Link carols = ((FakeManagedConnectionFactory.FakeHandle) stillBorrowed).link();
        assertThat(carols.closed).isFalse();
        stillBorrowed.close();
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(carols.closed).isTrue());
    }

    @Test
    void theDefaultUserSharesOneSubPoolWithCallersWhoGiveNoCredentials() throws Exception {
        mcf.setUser("app");
        mcf.setPassword("app-secret");
        EarnormConnectionFactory<EarnormConnection> factory = factory();

        try (EarnormConnection c = factory.getConnection()) {
            assertThat(c.execute("whoami")).isEqualTo("app");
        }
        assertThat(mcf.pools()).singleElement().satisfies(p -> assertThat(p.name()).isEqualTo("fake:fake://server"));
        assertThat(mcf.toString()).contains("user=app").doesNotContain("app-secret");
        assertThat(mcf.poolFor(new Credential("app", "app-secret")).state()).isEqualTo(PoolState.READY);
    }
}
