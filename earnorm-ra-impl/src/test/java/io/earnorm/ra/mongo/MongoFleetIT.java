package io.earnorm.ra.mongo;

import io.earnorm.ra.api.MongoConnection;
import io.earnorm.ra.api.pool.FleetStats;
import io.earnorm.ra.testsupport.TestServers;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fleet budget on MongoDB, as far as the test server shows connections. mongo-java-server
 * (the shared server unless EARNORM_MONGO_URI names a real one) counts its connections in
 * {@code serverStatus} but knows no {@code $currentOp}, so it cannot say whose they are: there the
 * count fails and a pool keeps to the static share, fleetMaxSize / instances, which this test
 * checks. Against a real mongod the count succeeds and both pools see each other.
 */
class MongoFleetIT extends MongoFixture {

    @Test
    void twoInstancesOfAPoolKeepToTheBudgetAsFarAsTheServerShowsConnections() {
        MongoPool.Builder builder = sharedServerPool().name("mongofleet").maxSize(10).fleetMaxSize(6).instances(2)
                .fleetInterval(Duration.ofMillis(100)).acquireTimeout(Duration.ofSeconds(30));
        MongoPool first = closeLater(builder.build());
        MongoPool second = closeLater(builder.build());
        List<MongoConnection> held = new ArrayList<>();
        for (MongoPool pool : List.of(first, second)) {
            for (int i = 0; i < 5; i++) {
                Thread t = new Thread(() -> {
                    try {
                        MongoConnection c = pool.acquire();
                        c.database().runCommand(new Document("ping", 1));
                        synchronized (held) {
                            held.add(c);
                        }
                    } catch (RuntimeException closedWhileWaiting) {
                        // the pools close at the end of the test
                    }
                });
                t.setDaemon(true);
                t.start();
            }
        }
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> first.stats().active() + second.stats().active() == 6);
            FleetStats fleet = first.stats().fleet();
            if (TestServers.realMongo()) {
                assertThat(fleet.counted()).isTrue();
                assertThat(fleet.instances()).isEqualTo(2);
            } else {
                // mongo-java-server: no $currentOp, so no count; each instance keeps to 6 / 2.
                assertThat(fleet).isEqualTo(new FleetStats(6, 3, 1, 3, false));
                assertThat(first.stats().active()).isEqualTo(3);
                assertThat(second.stats().active()).isEqualTo(3);
                Document status = admin().runCommand(new Document("serverStatus", 1));
                assertThat(status.get("connections", Document.class).getInteger("current")).isPositive();
            }
            assertThat(first.stats().pending() + second.stats().pending()).isEqualTo(4);
        } finally {
            first.close();
            second.close();
            synchronized (held) {
                held.forEach(MongoConnection::close);
            }
        }
    }
}
