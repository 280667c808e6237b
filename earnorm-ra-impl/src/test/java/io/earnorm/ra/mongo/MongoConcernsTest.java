package io.earnorm.ra.mongo;

import com.mongodb.MongoClientSettings;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.pool.PoolConfig;
import io.earnorm.ra.spi.mongo.MongoManagedConnectionFactory;
import io.earnorm.ra.testsupport.OfflineDnsClientProvider;
import jakarta.resource.spi.InvalidPropertyException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Read preference and write concern per pool, and {@code mongodb+srv://} URIs passed to the driver as
 * they are; no server, and no DNS traffic (the tests' DNS client answers for {@value OfflineDnsClientProvider#DOMAIN} only).
 */
class MongoConcernsTest {

    private static final PoolConfig POOL = PoolConfig.builder().build();

    private static MongoClientSettings driver(String uri, String readPreference, String writeConcern) {
        return MongoSettings.of(uri, null, null, null, null, null).withConcerns(MongoConcerns.of(readPreference, writeConcern)).clientSettings(POOL);
    }

    @Test
    void readsEveryReadPreferenceModeAndTheWriteConcernsForms() {
        for (String mode : new String[] {"primary", "primaryPreferred", "secondary", "secondaryPreferred", "nearest"}) {
            assertThat(MongoConcerns.of(mode, null).readPreference()).isEqualTo(ReadPreference.valueOf(mode));
        }
        assertThat(MongoConcerns.of(null, "majority").writeConcern()).isEqualTo(WriteConcern.MAJORITY);
        assertThat(MongoConcerns.of(null, "2").writeConcern()).isEqualTo(new WriteConcern(2));
        assertThat(MongoConcerns.of(null, "0").writeConcern().isAcknowledged()).isFalse();
        assertThat(MongoConcerns.of(null, "majority, journal=true, wtimeout=5s").writeConcern())
                .isEqualTo(WriteConcern.MAJORITY.withJournal(true).withWTimeout(5000, TimeUnit.MILLISECONDS));
        assertThat(MongoConcerns.of(null, null)).isEqualTo(MongoConcerns.DEFAULT);
    }

    @Test
    void theOptionsWinOverTheUrisAndTheUrisHoldWhenTheyAreNotGiven() {
        String uri = "mongodb://h1:27017,h2:27017/app?replicaSet=rs0&readPreference=secondary&w=1";

        MongoClientSettings given = driver(uri, "nearest", "majority,wtimeout=2s");
        MongoClientSettings fromUri = driver(uri, null, null);
        MongoClientSettings defaults = driver("mongodb://h1/app", null, null);

        assertThat(given.getReadPreference()).isEqualTo(ReadPreference.nearest());
        assertThat(given.getWriteConcern()).isEqualTo(WriteConcern.MAJORITY.withWTimeout(2, TimeUnit.SECONDS));
        assertThat(fromUri.getReadPreference()).isEqualTo(ReadPreference.secondary());
        assertThat(fromUri.getWriteConcern()).isEqualTo(WriteConcern.W1);
        assertThat(defaults.getReadPreference()).isEqualTo(ReadPreference.primary());
        assertThat(defaults.getWriteConcern()).isEqualTo(WriteConcern.ACKNOWLEDGED);
    }

    @Test
    void wrongValuesAreRefusedNamingTheOptionTheValueAndTheRule() {
        Map<String, String[]> wrong = Map.of(
                "readPreference=secondaryPrefered", new String[] {"readPreference", "secondaryPrefered", "primaryPreferred, secondary, secondaryPreferred"},
                "readPreference=PRIMARY", new String[] {"readPreference", "PRIMARY", "one of primary"},
                "writeConcern=most", new String[] {"writeConcern", "most", "neither majority nor a number"},
                "writeConcern=-1", new String[] {"writeConcern", "-1", "number of members >= 0"},
                "writeConcern=majority,fsync=true", new String[] {"writeConcern", "fsync=true", "journal=true|false or wtimeout=<duration>"},
                "writeConcern=0,journal=true", new String[] {"writeConcern", "w=0 never sends"},
                "writeConcern=majority,wtimeout=5", new String[] {"wtimeout", "needs a unit"});
        wrong.forEach((input, words) -> {
            String option = input.substring(0, input.indexOf('='));
            String value = input.substring(input.indexOf('=') + 1);
            InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class, () -> MongoConcerns.of(
                    option.equals("readPreference") ? value : null, option.equals("writeConcern") ? value : null));
            assertThat(e).as(input).isNotNull();
            assertThat(e.getMessage()).as(input).contains(words);
        });
    }

    @Test
    void theBuilderAndTheJcaFactoryTakeBothOptions() throws Exception {
        MongoPool pool = MongoPool.builder().uri("mongodb://127.0.0.1:1/app").readPreference("secondaryPreferred").writeConcern("majority").build();
        MongoPool fromMap = new MongoPool("map", Map.of("uri", "mongodb://127.0.0.1:1/app", "read_preference", "nearest", "write_concern", "2"));
        try {
            assertThat(pool.backend().clientSettings().getReadPreference()).isEqualTo(ReadPreference.secondaryPreferred());
            assertThat(pool.backend().clientSettings().getWriteConcern()).isEqualTo(WriteConcern.MAJORITY);
            assertThat(pool.settings().toString()).contains("readPreference=secondaryPreferred", "writeConcern=");
            assertThat(fromMap.backend().clientSettings().getReadPreference()).isEqualTo(ReadPreference.nearest());
            assertThat(fromMap.backend().clientSettings().getWriteConcern()).isEqualTo(new WriteConcern(2));
        } finally {
            pool.close();
            fromMap.close();
        }

        MongoManagedConnectionFactory mcf = new MongoManagedConnectionFactory();
        mcf.setUri("mongodb://127.0.0.1:1/app");
        mcf.setReadPreference("secondary");
        mcf.setWriteConcern("majority,journal=true");
        mcf.validate();
        mcf.setReadPreference("sometimes");
        InvalidPropertyException e = catchThrowableOfType(InvalidPropertyException.class, mcf::validate);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("config property readPreference=sometimes", "one of primary");
    }

    @Test
    void anSrvUriIsAcceptedAndReachesTheDriverAsItIs() {
        String uri = "mongodb+srv://cluster0." + OfflineDnsClientProvider.DOMAIN + "/app?retryWrites=true";

        MongoSettings settings = MongoSettings.of(uri, null, "app", "Srv-Secret-9", null, null);
        MongoClientSettings driver = settings.withConcerns(MongoConcerns.of("secondaryPreferred", null)).clientSettings(POOL);

        assertThat(settings.isSrv()).isTrue();
        assertThat(settings.describe()).isEqualTo("mongodb+srv://app@cluster0." + OfflineDnsClientProvider.DOMAIN + "/app");
        assertThat(settings.toString()).doesNotContain("Srv-Secret-9");
        assertThat(driver.getClusterSettings().getSrvHost()).isEqualTo("cluster0." + OfflineDnsClientProvider.DOMAIN);
        assertThat(driver.getClusterSettings().getRequiredReplicaSetName()).as("from the TXT record").isEqualTo("rs0");
        assertThat(driver.getReadPreference()).isEqualTo(ReadPreference.secondaryPreferred());
        assertThat(driver.getRetryWrites()).isTrue();
    }
}
