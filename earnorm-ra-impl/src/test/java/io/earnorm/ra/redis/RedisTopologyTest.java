package io.earnorm.ra.redis;

import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.spi.redis.RedisManagedConnectionFactory;
import jakarta.resource.spi.InvalidPropertyException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** How the options choose a topology (one server, cluster, Sentinel), and what they refuse; nothing here connects. */
class RedisTopologyTest {

    @Test
    void severalHostsInTheUriAreTheSeedsOfACluster() {
        RedisSettings settings = RedisPool.builder().uri("redis://:pw@10.0.0.1:7000,10.0.0.2:7001, 10.0.0.3").settings();

        assertThat(settings.topology()).isEqualTo(new RedisTopology.Cluster(List.of(
                new HostAndPort("10.0.0.1", 7000), new HostAndPort("10.0.0.2", 7001), new HostAndPort("10.0.0.3", 6379))));
        assertThat(settings.password()).isEqualTo("pw");
        assertThat(settings.describe()).isEqualTo("cluster 10.0.0.1:7000,10.0.0.2:7001,10.0.0.3:6379/0");
    }

    @Test
    void clusterTrueMakesOneSeedACluster() {
        assertThat(RedisPool.builder().uri("redis://h:7000").cluster(true).settings().topology())
                .isEqualTo(new RedisTopology.Cluster(List.of(new HostAndPort("h", 7000))));
        assertThat(RedisPool.builder().uri("redis://h:7000").settings().topology()).isInstanceOf(RedisTopology.Single.class);
    }

    @Test
    void aClusterHasDatabaseZeroOnly() {
        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> RedisPool.builder().uri("redis://h1:1,h2:2/3").settings());

        assertThat(e.option()).isEqualTo("database");
        assertThat(e).hasMessageContaining("database 0 only");
    }

    @Test
    void anEmptyHostInTheListIsNamed() {
        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> RedisPool.builder().uri("redis://:secret@h1:1,,h2:2").settings());

        assertThat(e.option()).isEqualTo("uri");
        assertThat(e).hasMessageContaining("empty host").hasMessageNotContaining("secret");
    }

    @Test
    void sentinelsAndMasterNameNameTheMaster() {
        RedisSettings settings = RedisPool.builder().uri("redis://:data-pw@unused/2")
                .sentinels("127.0.0.1:26379, 127.0.0.1:26380").masterName("orders").sentinelPassword("sentinel-pw").settings();

        assertThat(settings.topology()).isEqualTo(new RedisTopology.Sentinel(
                List.of(new HostAndPort("127.0.0.1", 26379), new HostAndPort("127.0.0.1", 26380)), "orders", "sentinel-pw"));
        assertThat(settings.database()).isEqualTo(2);
        assertThat(settings.describe()).isEqualTo("sentinel master 'orders' via 127.0.0.1:26379,127.0.0.1:26380/2");
        assertThat(settings.toString()).doesNotContain("data-pw").doesNotContain("sentinel-pw").contains("sentinelPassword=****");
        assertThat(settings.topology().toString()).doesNotContain("sentinel-pw");
    }

    @Test
    void sentinelsWithoutAMasterNameAreRefusedNamingIt() {
        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> RedisPool.builder().sentinels("127.0.0.1:26379").settings());

        assertThat(e.option()).isEqualTo("masterName");
    }

    @Test
    void aMasterNameWithoutSentinelsIsRefusedNamingThem() {
        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> RedisPool.builder().masterName("orders").settings());

        assertThat(e.option()).isEqualTo("sentinels");
    }

    @Test
    void sentinelsAndAClusterDoNotMix() {
        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> RedisPool.builder().cluster(true).sentinels("h:26379").masterName("m").settings());

        assertThat(e.option()).isEqualTo("sentinels");
        assertThat(e).hasMessageContaining("cluster");
    }

    @Test
    void aSentinelAddressWithoutAPortIsRefused() {
        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> RedisPool.builder().sentinels("h1:26379,h2").masterName("m").settings());

        assertThat(e.option()).isEqualTo("sentinels");
        assertThat(e).hasMessageContaining("'h2'");
    }

    @Test
    void aSentinelPasswordWithoutSentinelsIsRefused() {
        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> RedisPool.builder().sentinelPassword("s3cret").settings());

        assertThat(e.option()).isEqualTo("sentinelPassword");
        assertThat(e).hasMessageNotContaining("s3cret");
    }

    @Test
    void theSeedOptionsMapTakesTheTopologyOptions() {
        try (RedisPool pool = new RedisPool("orders", Map.of("sentinels", "127.0.0.1:26379", "master_name", "orders", "min_size", 0))) {
            assertThat(pool.settings().topology()).isInstanceOf(RedisTopology.Sentinel.class);
        }
        try (RedisPool pool = new RedisPool("shards", Map.of("uri", "redis://127.0.0.1:7000", "cluster", "true", "min_size", 0))) {
            assertThat(pool.settings().topology()).isInstanceOf(RedisTopology.Cluster.class);
        }
        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> new RedisPool("x", Map.of("cluster", "yes")));
        assertThat(e.option()).isEqualTo("cluster");
    }

    @Test
    void theConnectionDefinitionChecksTheSameRulesAndMasksTheSentinelPassword() throws Exception {
        RedisManagedConnectionFactory mcf = new RedisManagedConnectionFactory();
        mcf.setSentinels("127.0.0.1:26379");
        mcf.setSentinelPassword("sentinel-pw");
        InvalidPropertyException e = catchThrowableOfType(InvalidPropertyException.class, mcf::validate);
        assertThat(e).hasMessageContaining("config property masterName").hasMessageNotContaining("sentinel-pw");

        mcf.setMasterName("orders");
        mcf.validate();
        assertThat(mcf.configProperties()).containsEntry("sentinelPassword", "****").containsEntry("masterName", "orders");
        assertThat(mcf.toString()).doesNotContain("sentinel-pw");
    }
}
