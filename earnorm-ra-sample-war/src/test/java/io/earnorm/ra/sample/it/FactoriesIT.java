package io.earnorm.ra.sample.it;

import io.earnorm.ra.api.MongoConnection;
import io.earnorm.ra.api.MongoConnectionFactory;
import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.api.PostgresConnectionFactory;
import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.api.RedisConnectionFactory;
import jakarta.inject.Inject;
import org.bson.Document;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Inside Payara Micro: the sample application's three connection factories, defined both ways
 * (its {@code @ConnectionFactoryDefinition}s and the post-boot asadmin commands of the README),
 * reached both ways (container injection and a JNDI lookup), each carrying data to its backend and
 * back; and a definition with a wrong config property failing loudly.
 */
@ExtendWith(ArquillianExtension.class)
class FactoriesIT {

    @Deployment
    static WebArchive deployment() {
        return SampleDeployment.withTests(FactoriesIT.class, InjectedFactories.class, TestFactoryDefinitions.class,
                LogCapture.class, PoolStatsOf.class);
    }

    @Inject
    InjectedFactories injected;

    @Test
    void theContainerInjectsEachFactory() {
        assertThat(injected.users()).isInstanceOf(MongoConnectionFactory.class);
        assertThat(injected.cache()).isInstanceOf(RedisConnectionFactory.class);
        assertThat(injected.ledger()).isInstanceOf(PostgresConnectionFactory.class);
    }

    @Test
    void aJndiLookupFindsEachFactory() throws NamingException {
        InitialContext jndi = new InitialContext();
        assertThat(jndi.lookup("java:app/eis/users")).isInstanceOf(MongoConnectionFactory.class);
        assertThat(jndi.lookup("java:app/eis/cache")).isInstanceOf(RedisConnectionFactory.class);
        assertThat(jndi.lookup("eis/earnorm/ledger")).isInstanceOf(PostgresConnectionFactory.class);
    }

    @Test
    void theDefinitionsTakeTheirAddressesFromTheServersConfiguration() {
        // ${MPCONFIG=...} in the annotations, ${...} in the post-boot commands: replaced by Payara.
        assertThat(PoolStatsOf.configProperty(injected.users(), "uri")).isEqualTo(System.getProperty("earnorm.mongo.uri"));
        assertThat(PoolStatsOf.configProperty(injected.cache(), "uri")).isEqualTo(System.getProperty("earnorm.redis.uri"));
        assertThat(PoolStatsOf.configProperty(injected.ledger(), "url")).isEqualTo(System.getProperty("earnorm.postgres.url"));
    }

    @Test
    void mongoDbRoundTrip() throws Exception {
        String id = UUID.randomUUID().toString();
        try (MongoConnection conn = injected.users().getConnection()) {
            conn.collection("it_round_trip").insertOne(new Document("_id", id).append("name", "Ada").append("visits", 3));
        }
        MongoConnectionFactory lookedUp = (MongoConnectionFactory) new InitialContext().lookup("java:app/eis/users");
        try (MongoConnection conn = lookedUp.getConnection()) {
            Document found = (Document) conn.execute("find_one", "it_round_trip", new Document("_id", id));
            assertThat(found).containsEntry("name", "Ada").containsEntry("visits", 3);
            conn.execute("delete_one", "it_round_trip", new Document("_id", id));
            assertThat(conn.execute("find_one", "it_round_trip", new Document("_id", id))).isNull();
        }
    }

    @Test
    void redisRoundTrip() throws Exception {
        String key = "earnorm:it:" + UUID.randomUUID();
        try (RedisConnection conn = injected.cache().getConnection()) {
            assertThat(conn.execute("SET", key, "41", "EX", 60)).isEqualTo("OK");
        }
        RedisConnectionFactory lookedUp = (RedisConnectionFactory) new InitialContext().lookup("java:app/eis/cache");
        try (RedisConnection conn = lookedUp.getConnection()) {
            assertThat(conn.execute("INCR", key)).isEqualTo(42L);
            assertThat(conn.execute("GET", key)).isEqualTo("42");
            assertThat(conn.execute("DEL", key)).isEqualTo(1L);
        }
    }

    @Test
    void postgresRoundTrip() throws Exception {
        String id = UUID.randomUUID().toString();
        try (PostgresConnection conn = injected.ledger().getConnection()) {
            conn.execute("create table if not exists earnorm_it_round_trip (id text primary key, name text not null, visits int not null)");
            assertThat(conn.execute("insert into earnorm_it_round_trip(id, name, visits) values (?, ?, ?)", id, "Ada", 3)).isEqualTo(1L);
        }
        PostgresConnectionFactory lookedUp = (PostgresConnectionFactory) new InitialContext().lookup("eis/earnorm/ledger");
        try (PostgresConnection conn = lookedUp.getConnection()) {
            Map<String, Object> row = conn.fetchOne("select name, visits from earnorm_it_round_trip where id = ?", id);
            assertThat(row).containsEntry("name", "Ada").containsEntry("visits", 3);
            assertThat(conn.execute("delete from earnorm_it_round_trip where id = ?", id)).isEqualTo(1L);
        }
    }

    /**
     * Jedis and the MongoDB driver log through the SLF4J of the adapter's class loader; the RAR's
     * provider sends their records to java.util.logging, the server's log, instead of dropping them.
     */
    @Test
    void theDriversSlf4jLogsReachTheServersLog() throws Exception {
        ClassLoader adapter = ((io.earnorm.ra.spi.EarnormConnectionFactoryBase<?>) injected.cache()).managedConnectionFactory()
                .getClass().getClassLoader();
        assertThat(Class.forName("redis.clients.jedis.Jedis", false, adapter)).isNotNull();
        Class<?> loggerFactory = Class.forName("org.slf4j.LoggerFactory", true, adapter);
        assertThat(loggerFactory.getMethod("getILoggerFactory").invoke(null).getClass().getName()).isEqualTo("org.slf4j.jul.JDK14LoggerFactory");
        String name = "redis.clients.jedis.EarnormIt";
        try (LogCapture log = LogCapture.of(name)) {
            Object logger = loggerFactory.getMethod("getLogger", String.class).invoke(null, name);
            Class.forName("org.slf4j.Logger", false, adapter).getMethod("warn", String.class).invoke(logger, "a driver's line through SLF4J");
            assertThat(log.lines()).containsExactly("WARNING: a driver's line through SLF4J");
        }
    }

    @Test
    void aWrongConfigPropertyFailsLoudlyWithItsNameInTheLog() {
        try (LogCapture log = LogCapture.of("io.earnorm.ra.spi.AbstractManagedConnectionFactory")) {
            assertThatThrownBy(() -> new InitialContext().lookup(TestFactoryDefinitions.MISCONFIGURED))
                    .isInstanceOf(NamingException.class)
                    .hasStackTraceContaining("config property maxSize=-1 is invalid: maxSize must be >= 1");
            assertThat(log.lines()).anySatisfy(line -> assertThat(line)
                    .startsWith("SEVERE: ")
                    .contains("RedisManagedConnectionFactory: config property maxSize=-1 is invalid"));
        }
    }
}
