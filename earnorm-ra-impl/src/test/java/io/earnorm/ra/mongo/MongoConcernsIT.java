package io.earnorm.ra.mongo;

import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import io.earnorm.ra.api.MongoConnection;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pool's read preference and write concern reach every database and collection its connections
 * expose, and the start-up report says what the driver found, against the shared test server.
 */
class MongoConcernsIT extends MongoFixture {

    @Test
    void theConcernsReachWhatAConnectionExposesAndTheReportNamesTheTopology() {
        MongoPool pool = open(sharedServerPool().readPreference("primaryPreferred").writeConcern("majority,journal=true"));

        try (MongoConnection conn = pool.acquire()) {
            assertThat(conn.database().getReadPreference()).isEqualTo(ReadPreference.primaryPreferred());
            assertThat(conn.collection("orders").getReadPreference()).isEqualTo(ReadPreference.primaryPreferred());
            assertThat(conn.collection("orders").getWriteConcern()).isEqualTo(WriteConcern.MAJORITY.withJournal(true));
            conn.execute("insert_one", "orders", new Document("_id", 1));
            assertThat(conn.execute("count_documents", "orders")).isEqualTo(1L);
        }
        assertThat(pool.startupFindings().topology())
                .startsWith("standalone server: ")
                .contains(" standalone (", pool.settings().describe(), "readPreference=primaryPreferred", "writeConcern=");
    }
}
