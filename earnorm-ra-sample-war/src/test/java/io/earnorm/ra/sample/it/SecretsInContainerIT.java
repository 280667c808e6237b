package io.earnorm.ra.sample.it;

import io.earnorm.ra.api.EarnormConnection;
import io.earnorm.ra.api.EarnormConnectionFactory;
import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.api.PostgresConnectionFactory;
import io.earnorm.ra.api.pool.ObservedPool;
import io.earnorm.ra.api.pool.PoolRegistry;
import io.earnorm.ra.spi.EarnormConnectionFactoryBase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.naming.InitialContext;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The in-container half of "a password never leaks" ({@code SecretsNeverLeakIT} in earnorm-ra-impl
 * is the plain-Java and JCA half). Inside Payara Micro, pools defined with a distinctive password
 * (see {@link SecretDefinitions}: by annotation and by the administrator's post-boot commands, as a
 * property and inside the address) are used, fail (a database that does not exist, a closed port,
 * servers that refuse the credentials), are misused (a closed handle) and are inspected (toStrings,
 * config properties, the MXBeans, the pool registry, {@code /api/pools}, {@code /metrics},
 * {@code /health}). A handler on the root logger keeps every record at every level, the tests keep
 * every exception and everything they read, and on the client side a copy of the server's console
 * (its log) is kept from its boot: the password must show in none of them.
 *
 * <p>That the capture can see a password is checked, not assumed: the first test logs a canary
 * (another distinctive string) the ways a leak would come (as a parameter, in a cause's message, at
 * {@code FINE}) and finds it, and the last finds the canary in the server's console; and the
 * records of the adapter's own loggers must be among those captured.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretsInContainerIT {

    static final String SECRET = "Qv7-InContainer-Pw-58d2";
    static final String WRONG = "Jx4-OtherUser-Pw-27e9";
    static final String CANARY = "Kc3-Canary-Not-A-Pw-90f6";

    /** Everything the tests read themselves inside the server: exceptions with their stack traces, toStrings, attributes. */
    private static final List<String> READ = new ArrayList<>();

    @Deployment
    static WebArchive deployment() {
        PayaraConsole.record();
        return SampleDeployment.withTests(SecretBackends.properties(SECRET), SecretBackends.commands(SECRET),
                SecretsInContainerIT.class, SecretDefinitions.class, EveryLogRecord.class, MBeansResource.class,
                PayaraConsole.class, Api.class);
    }

    @Test
    @Order(1)
    void theCaptureFindsAStringHoweverItIsLogged() {
        EveryLogRecord capture = EveryLogRecord.installed();
        Logger canary = Logger.getLogger("io.earnorm.ra.sample.it.canary");
        canary.log(Level.FINEST, "as a parameter: {0}", CANARY + "-parameter");
        canary.log(Level.FINE, "with a cause", new IllegalStateException("outer", new IllegalArgumentException(CANARY + "-cause")));
        canary.log(Level.INFO, "for the console: " + CANARY + "-console");

        assertThat(capture.containing(CANARY + "-parameter")).singleElement().asString().startsWith("FINEST io.earnorm.ra.sample.it.canary: ");
        assertThat(capture.containing(CANARY + "-cause")).singleElement().asString().contains("Caused by: java.lang.IllegalArgumentException");
        assertThat(capture.containing(CANARY + "-console")).hasSize(1);
        assertThat(leaksIn(List.of("x " + CANARY + " y"), CANARY)).as("the scan").hasSize(1);
    }

    @Test
    @Order(2)
    void poolsWithThePasswordWork() throws Exception {
        EveryLogRecord capture = EveryLogRecord.installed();
        for (String name : List.of(SecretDefinitions.POSTGRES, SecretDefinitions.POSTGRES_URL,
                SecretDefinitions.POSTGRES_ADMIN_FILE, SecretDefinitions.POSTGRES_ADMIN_PROPERTY)) {
            PostgresConnectionFactory factory = lookup(name);
            try (PostgresConnection conn = factory.getConnection()) {
                assertThat(conn.fetchVal("select current_user")).as(name).isEqualTo(SecretBackends.ROLE);
                conn.execute("create temporary table secrets_it (k text)");
                assertThat(conn.execute("insert into secrets_it values (?)", "v")).isEqualTo(1L);
                read(catchThrowable(() -> conn.execute("selec broken sql")));
                read(conn);
            }
            read(factory);
        }
        // Application-managed sign-on: the password, and another one, handed to getConnection.
        PostgresConnectionFactory factory = lookup(SecretDefinitions.POSTGRES);
        for (String password : List.of(SECRET, WRONG)) {
            Throwable failure = catchThrowable(() -> {
                try (PostgresConnection conn = factory.getConnection(SecretBackends.ROLE, password)) {
                    read(conn.fetchVal("select current_user"));
                }
            });
            read(failure);
        }

        // The definitions do carry the password (compared, never shown: a failure message would show it).
        for (String name : List.of(SecretDefinitions.POSTGRES, SecretDefinitions.POSTGRES_ADMIN_PROPERTY)) {
            assertThat(SECRET.equals(passwordOf(name))).as("the password of " + name + " is the distinctive one").isTrue();
        }
        assertThat(passwordOf(SecretDefinitions.POSTGRES_ADMIN_FILE)).as("a reference to the file").startsWith("${FILE=");
        assertThat(capture.fromLoggers("io.earnorm.ra")).as("records of the adapter's loggers")
                .anySatisfy(r -> assertThat(r).contains("pool 'it-secret-pg").contains("created for postgresql"));
        assertNothingShowsThePassword(capture);
    }

    @Test
    @Order(3)
    void definitionsThatFailSayWhyWithoutThePassword() throws Exception {
        EveryLogRecord capture = EveryLogRecord.installed();
        assertThat(failureOf(SecretDefinitions.POSTGRES_NO_DATABASE)).contains("earnorm_no_such_database");
        assertThat(failureOf(SecretDefinitions.POSTGRES_CLOSED_PORT)).containsIgnoringCase("refused");
        assertThat(failureOf(SecretDefinitions.MONGO_URI)).isNotBlank();
        assertThat(failureOf(SecretDefinitions.MONGO_PROPERTY)).isNotBlank();
        assertThat(failureOf(SecretDefinitions.REDIS_PROPERTY)).containsIgnoringCase("AUTH");
        assertThat(failureOf(SecretDefinitions.REDIS_URI)).containsIgnoringCase("AUTH");

        assertThat(capture.fromLoggers("io.earnorm.ra")).as("records of the adapter's loggers")
                .anySatisfy(r -> assertThat(r).contains("it-secret-pg-closed-port"));
        assertNothingShowsThePassword(capture);
    }

    @Test
    @Order(4)
    void aClosedHandleRefusesWithoutThePassword() throws Exception {
        EveryLogRecord capture = EveryLogRecord.installed();
        PostgresConnectionFactory factory = lookup(SecretDefinitions.POSTGRES);
        PostgresConnection conn = factory.getConnection();
        conn.close();
        read(conn);
        Throwable refused = catchThrowable(() -> conn.fetchVal("select 1"));
        assertThat(refused).isNotNull();
        read(refused);
        read(catchThrowable(conn::close));
        assertNothingShowsThePassword(capture);
    }

    @Test
    @Order(5)
    void whatOperatorsReadInTheServerHasNoPassword() throws Exception {
        EveryLogRecord capture = EveryLogRecord.installed();
        for (String name : List.of(SecretDefinitions.POSTGRES, SecretDefinitions.POSTGRES_URL, SecretDefinitions.POSTGRES_ADMIN_FILE,
                SecretDefinitions.POSTGRES_ADMIN_PROPERTY, SecretDefinitions.MONGO_URI, SecretDefinitions.REDIS_PROPERTY)) {
            EarnormConnectionFactoryBase<?> factory = (EarnormConnectionFactoryBase<?>) new InitialContext().lookup(name);
            read(factory);
            read(factory.managedConnectionFactory());
            read(factory.managedConnectionFactory().configProperties());
        }
        assertThat(((EarnormConnectionFactoryBase<?>) lookup(SecretDefinitions.POSTGRES)).managedConnectionFactory().configProperties())
                .as("config properties").containsEntry("password", "****");

        List<String> pools = new ArrayList<>();
        for (ObservedPool pool : PoolRegistry.global().pools()) {
            pools.add(pool.name());
            read(pool.name() + " " + pool.address() + " " + pool.stats() + " " + pool.metrics() + " " + pool);
        }
        assertThat(pools).as("the registry's pools").anyMatch(n -> n.startsWith("it-secret-pg-url"));

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<ObjectName> beans = new ArrayList<>(server.queryNames(new ObjectName("io.earnorm.ra:*"), null));
        assertThat(beans).as("the adapter's MXBeans").anyMatch(n -> n.toString().contains("it-secret-admin-file"));
        for (ObjectName name : beans) {
            read(name);
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                try {
                    read(name + " " + attribute.getName() + "=" + server.getAttribute(name, attribute.getName()));
                } catch (Exception e) {
                    read(e);
                }
            }
        }
        assertNothingShowsThePassword(capture);
    }

    @Test
    @Order(6)
    @RunAsClient
    void whatOperatorsReadOverHttpHasNoPassword(@ArquillianResource URL deployed) {
        Api api = new Api(deployed);
        Api.Reply pools = api.get("api/pools");
        assertThat(pools.status()).isEqualTo(200);
        assertThat(pools.body()).contains("it-secret-pg-url", "it-secret-mongo-uri", "it-secret-redis-uri");
        List<String> pages = new ArrayList<>();
        pages.add(pools.body());
        pages.add(api.get("api/it/mbeans").body());
        pages.add(api.get("api/status").body());
        pages.add(api.getFromServer("metrics").body());
        pages.add(api.getFromServer("health").body());
        pages.add(api.getFromServer("health/ready").body());
        assertThat(leaksIn(pages, SECRET)).as("pages showing the password").isEmpty();
        assertThat(leaksIn(pages, WRONG)).as("pages showing the other password").isEmpty();
    }

    @Test
    @Order(7)
    void nothingLoggedInTheServerShowedThePassword() {
        EveryLogRecord capture = EveryLogRecord.installed();
        assertThat(capture.fromLoggers("io.earnorm.ra.")).as("records of the adapter's loggers").hasSizeGreaterThan(5);
        assertNothingShowsThePassword(capture);
    }

    @Test
    @Order(8)
    @RunAsClient
    void theServersConsoleNeverShowedThePassword() {
        try {
            List<String> lines = PayaraConsole.text().lines().toList();
            assertThat(lines).as("the server's console, from its boot").anyMatch(l -> l.contains("Boot Command create-connector-connection-pool"))
                    .anyMatch(l -> l.contains("pool 'it-secret-pg"));
            assertThat(leaksIn(lines, CANARY + "-console")).as("the canary the first test logged").isNotEmpty();
            assertThat(leaksIn(lines, SECRET)).as("console lines showing the password").isEmpty();
            assertThat(leaksIn(lines, WRONG)).as("console lines showing the other password").isEmpty();
        } finally {
            PayaraConsole.stop();
        }
    }

    // ------------------------------------------------------------------ helpers

    @SuppressWarnings("unchecked")
    private static <F extends EarnormConnectionFactory<?>> F lookup(String name) throws Exception {
        return (F) new InitialContext().lookup(name);
    }

    private static String passwordOf(String name) throws Exception {
        return ((EarnormConnectionFactoryBase<?>) lookup(name)).managedConnectionFactory().getPassword();
    }

    /** The stack trace of getting a connection of a definition that cannot open one (kept, and returned for the test to check). */
    private static String failureOf(String name) throws Exception {
        EarnormConnectionFactory<?> factory = lookup(name);
        read(factory);
        Throwable failure = catchThrowable(() -> {
            try (EarnormConnection conn = factory.getConnection()) {
                read(conn);
            }
        });
        assertThat(failure).as(name + " opens no connection").isNotNull();
        read(failure);
        return EveryLogRecord.stackTrace(failure);
    }

    private static void read(Object what) {
        synchronized (READ) {
            READ.add(what instanceof Throwable t ? EveryLogRecord.stackTrace(t) : String.valueOf(what));
        }
    }

    private static void assertNothingShowsThePassword(EveryLogRecord capture) {
        List<String> read;
        synchronized (READ) {
            read = List.copyOf(READ);
        }
        assertThat(read).as("what the tests read").isNotEmpty();
        assertThat(leaksIn(capture.texts(), SECRET)).as("log records showing the password").isEmpty();
        assertThat(leaksIn(capture.texts(), WRONG)).as("log records showing the other password").isEmpty();
        assertThat(leaksIn(read, SECRET)).as("exceptions, toStrings and attributes showing the password").isEmpty();
        assertThat(leaksIn(read, WRONG)).as("exceptions, toStrings and attributes showing the other password").isEmpty();
    }

    private static List<String> leaksIn(List<String> texts, String secret) {
        return texts.stream().filter(t -> t.contains(secret)).toList();
    }
}
