package io.earnorm.ra.spi;

import io.earnorm.ra.api.MongoConnectionFactory;
import io.earnorm.ra.api.PostgresConnectionFactory;
import io.earnorm.ra.api.RedisConnectionFactory;
import io.earnorm.ra.spi.mongo.MongoManagedConnectionFactory;
import io.earnorm.ra.spi.postgres.PostgresManagedConnectionFactory;
import io.earnorm.ra.spi.redis.RedisManagedConnectionFactory;
import jakarta.resource.spi.InvalidPropertyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Servers deploy a connection definition in different orders: Open Liberty calls
 * {@code setResourceAdapter} before it sets any config property, GlassFish and Payara after. The
 * config is checked when the connection factory is created (or at first use), so both orders work,
 * and a wrong value still fails there, naming the property, the value and the rule.
 */
class DeploymentOrderTest {

    private final EarnormResourceAdapter adapter = new EarnormResourceAdapter();

    @AfterEach
    void stop() {
        adapter.stop();
    }

    @Test
    void theAdapterMayBeSetBeforeAnyConfigProperty() throws Exception {
        adapter.start(null);
        PostgresManagedConnectionFactory postgres = new PostgresManagedConnectionFactory();
        MongoManagedConnectionFactory mongo = new MongoManagedConnectionFactory();
        RedisManagedConnectionFactory redis = new RedisManagedConnectionFactory();

        postgres.setResourceAdapter(adapter);
        mongo.setResourceAdapter(adapter);
        redis.setResourceAdapter(adapter);
        postgres.setUrl("jdbc:postgresql://127.0.0.1:5432/test");
        postgres.setUser("postgres");
        postgres.setMaxSize(5);
        mongo.setUri("mongodb://127.0.0.1:27017");
        mongo.setDatabase("shop");
        redis.setUri("redis://127.0.0.1:6379");

        assertThat(postgres.createConnectionFactory(new NonManagedConnectionManager())).isInstanceOf(PostgresConnectionFactory.class);
        assertThat(mongo.createConnectionFactory(new NonManagedConnectionManager())).isInstanceOf(MongoConnectionFactory.class);
        assertThat(redis.createConnectionFactory(new NonManagedConnectionManager())).isInstanceOf(RedisConnectionFactory.class);
        assertThat(postgres.getResourceAdapter()).isSameAs(adapter);
        assertThat(adapter.managedConnectionFactories()).containsExactlyInAnyOrder(postgres, mongo, redis);
    }

    @Test
    void aWrongConfigStillFailsWhenTheFactoryIsCreatedNamingThePropertyTheValueAndTheRule() throws Exception {
        adapter.start(null);
        PostgresManagedConnectionFactory mcf = new PostgresManagedConnectionFactory();
        mcf.setResourceAdapter(adapter);

        // Nothing set at all: the url is missing.
        assertThatThrownBy(() -> mcf.createConnectionFactory(new NonManagedConnectionManager()))
                .isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("PostgresManagedConnectionFactory: config property url=null is invalid");

        mcf.setUrl("jdbc:postgresql://127.0.0.1:5432/test");
        mcf.setMaxSize(-1);
        assertThatThrownBy(() -> mcf.createConnectionFactory(new NonManagedConnectionManager()))
                .isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("config property maxSize=-1 is invalid")
                .hasMessageContaining("maxSize must be >= 1");
        assertThatThrownBy(() -> mcf.createManagedConnection(null, null)).isInstanceOf(InvalidPropertyException.class);
        assertThatThrownBy(() -> mcf.matchManagedConnections(java.util.Set.of(), null, null)).isInstanceOf(InvalidPropertyException.class);
        assertThat(mcf.pools()).isEmpty();
    }
}
