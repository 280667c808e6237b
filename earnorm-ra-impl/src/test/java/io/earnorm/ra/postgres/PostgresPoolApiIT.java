package io.earnorm.ra.postgres;

import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.backend.PoolApiContract;
import io.earnorm.ra.pool.Pool;
import io.earnorm.ra.pool.PoolFactory;
import io.earnorm.ra.pool.PoolManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's pool protocol on a PostgreSQL pool: the contract every backend keeps ({@link PoolApiContract}:
 * builder, init, acquire, release, asynchronous acquire, stats, an unknown key), and what PostgreSQL adds.
 */
class PostgresPoolApiIT extends PostgresFixture implements PoolApiContract<PostgresPool, PostgresConnection> {

    /** Pools named here tell the server their name, which {@link #roundTrip} reads back. */
    @Override
    public PostgresPool openPool(String name, int minSize, int maxSize) {
        return open(sharedServerPool().name(name).minSize(minSize).maxSize(maxSize).applicationName("earnorm-" + (name == null ? "pool" : name)));
    }

    @Override
    public String backendType() {
        return "postgresql";
    }

    @Override
    public void roundTrip(PostgresConnection conn, String tag) {
        assertThat(conn.fetchVal("SELECT ?::text", tag)).isEqualTo(tag);
        assertThat((String) conn.fetchVal("SHOW application_name")).startsWith("earnorm-");
    }

    @Override
    public PoolFactory poolFactory() {
        return PostgresPool::new;
    }

    @Override
    public Map<String, Object> serverOptions() {
        return Map.of("url", serverUrl());
    }

    @Override
    public List<String> someOwnOptionNames() {
        return List.of("url", "applicationName");
    }

    @Test
    void aNamedPoolTellsTheServerItsApplicationName() {
        PostgresPool pool = openPool("users", 0, 1);

        try (PostgresConnection conn = pool.acquire()) {
            assertThat(conn.fetchVal("SHOW application_name")).isEqualTo("earnorm-users");
        }
    }

    @Test
    void thePoolManagerCreatesPostgresPoolsFromAnOptionsMap() {
        String users = table("users", "name text");
        PoolManager manager = closeLater(new PoolManager());
        manager.registerPoolType("postgresql", PostgresPool::new);

        Pool<?> created = manager.createPool("postgresql", "users", Map.of("url", serverUrl(), "min_size", 1, "max_size", 3,
                "timeout", "10s", "application_name", "earnorm-manager", "connect_timeout", "2s", "socketTimeout", Duration.ofSeconds(30)));

        assertThat(manager.getPool("users")).containsSame(created);
        assertThat(created).isInstanceOf(PostgresPool.class);
        assertThat(created.config().maxSize()).isEqualTo(3);
        PostgresPool pool = (PostgresPool) created;
        assertThat(pool.settings().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(pool.settings().socketTimeout()).isEqualTo(Duration.ofSeconds(30));
        try (PostgresConnection conn = pool.acquire()) {
            assertThat(conn.fetchVal("SHOW application_name")).isEqualTo("earnorm-manager");
            conn.execute("INSERT INTO " + users + " VALUES (?)", "from-manager");
        }
        manager.closeAll();
        assertThat(pool.state()).isEqualTo(PoolState.CLOSED);
        assertThat(manager.getPool("users")).isEmpty();

        PoolManager second = closeLater(new PoolManager());
        second.registerPoolType("postgresql", PostgresPool::new);
        second.createPool("postgresql", "check", Map.of("url", serverUrl()));
        try (PostgresConnection conn = ((PostgresPool) second.getPool("check").orElseThrow()).acquire()) {
            assertThat(conn.fetchVal("SELECT name FROM " + users)).isEqualTo("from-manager");
        }
    }
}
