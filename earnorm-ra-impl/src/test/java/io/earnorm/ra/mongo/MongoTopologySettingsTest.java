package io.earnorm.ra.mongo;

import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.MongoClientSettings;
import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.pool.PoolConfig;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A replica set's URI reaches the driver as it is: its hosts, replica set name, read preference
 * and write concern are the factory's; a wrong value is refused naming the URI option.
 */
class MongoTopologySettingsTest {

    @Test
    void readPreferenceWriteConcernAndReplicaSetComeFromTheUri() {
        // readme:mongo-replicaset:start
        String uri = "mongodb://127.0.0.1:27017,127.0.0.1:27018,127.0.0.1:27019/shop"
                + "?replicaSet=rs0&readPreference=secondaryPreferred&maxStalenessSeconds=120&w=majority&wtimeoutMS=5000";
        // readme:mongo-replicaset:end
        MongoClientSettings driver = MongoSettings.of(uri, null, null, null, null, null).clientSettings(PoolConfig.DEFAULTS);

        assertThat(driver.getClusterSettings().getRequiredReplicaSetName()).isEqualTo("rs0");
        assertThat(driver.getClusterSettings().getHosts()).hasSize(3);
        assertThat(driver.getReadPreference().getName()).isEqualTo(ReadPreference.secondaryPreferred().getName());
        assertThat(driver.getWriteConcern().getWString()).isEqualTo("majority");
        assertThat(driver.getWriteConcern().getWTimeout(TimeUnit.MILLISECONDS)).isEqualTo(5000);
        assertThat(driver.getWriteConcern()).isNotEqualTo(WriteConcern.ACKNOWLEDGED);
    }

    @Test
    void aReadPreferenceTheDriverDoesNotKnowIsRefusedNamingTheUri() {
        assertThatThrownBy(() -> MongoSettings.of("mongodb://127.0.0.1:27017/shop?readPreference=closest", null, null, null, null, null))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("uri")
                .hasMessageContaining("closest");
    }
}
