package io.earnorm.ra.sample.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pools as operators see them on Payara Micro: {@code /metrics} (the earnorm-ra-microprofile
 * library in the sample application), {@code /health/ready}, the MXBeans in the platform MBean
 * server, and {@code /api/pools}, which the pool page draws.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ObservabilityIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static WebArchive deployment() {
        // A history sample every 250 ms instead of 5 s, so that the history test does not wait long.
        return SampleDeployment.application(Map.of("io.earnorm.ra.pool.historyInterval", "250ms"))
                .addClasses(FlakyRedisDefinition.class, MBeansResource.class);
    }

    @ArquillianResource
    URL deployed;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(deployed);
    }

    @Test
    void metricsShowEachPoolWithTheFiguresOfItsStats() {
        String client = "it-" + UUID.randomUUID();
        Api.Reply created = api.post("api/users", "{\"name\": \"Metric Mary\", \"email\": \"" + client + "@example.com\"}", client);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().asJsonObject().getString("id");
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("api/users/" + id).status()).isEqualTo(200);
        }

        String metrics = api.getFromServer("metrics").body();
        JsonObject users = pool("sample-users");

        assertThat(value(metrics, "earnorm_pool_connections_max", "sample-users")).isEqualTo(10.0);
        assertThat(value(metrics, "earnorm_pool_connections_max", "sample-cache")).isEqualTo(10.0);
        assertThat(value(metrics, "earnorm_pool_connections_max", "sample-ledger")).isEqualTo(10.0);
        assertThat(value(metrics, "earnorm_pool_connections_created_total", "sample-users"))
                .isEqualTo((double) users.getJsonNumber("created").longValue()).isGreaterThanOrEqualTo(1.0);
        assertThat(value(metrics, "earnorm_pool_state", "sample-cache")).as("ready").isEqualTo(0.0);
        assertThat(value(metrics, "earnorm_pool_connections_in_use", "sample-users")).isZero();
        // One read went to MongoDB (the first: the cache had it after), one write: at least two acquires.
        assertThat(value(metrics, "earnorm_pool_acquire_wait_seconds_count", "sample-users")).isGreaterThanOrEqualTo(2.0);
        assertThat(value(metrics, "earnorm_pool_connections_use_seconds_count", "sample-cache")).isGreaterThanOrEqualTo(4.0);
        assertThat(metrics).contains("backend=\"mongodb\"", "backend=\"redis\"", "backend=\"postgresql\"");
    }

    @Test
    void readinessGoesDownWhileABackendIsStoppedAndUpWhenItIsBack() throws InterruptedException {
        assertThat(api.get("api/it/flaky-redis").status()).isEqualTo(200);
        assertThat(api.getFromServer("health/ready").status()).isEqualTo(200);

        FlakyRedis.server().stop();
        try {
            await("readiness DOWN", () -> {
                api.get("api/it/flaky-redis"); // the failed open pauses the pool
                return api.getFromServer("health/ready").status() == 503;
            });
            Api.Reply down = api.getFromServer("health/ready");
            assertThat(down.body()).contains("DOWN", FlakyRedisDefinition.POOL_NAME, "paused");
            assertThat(pool(FlakyRedisDefinition.POOL_NAME).getString("state")).isEqualTo("PAUSED");
            assertThat(api.getFromServer("health/live").status()).as("a stopped server is not a reason to restart").isEqualTo(200);
        } finally {
            FlakyRedis.server().start();
        }

        await("readiness UP again", () -> api.getFromServer("health/ready").status() == 200);
        assertThat(api.get("api/it/flaky-redis").status()).isEqualTo(200);
    }

    @Test
    void eachPoolIsAnMXBeanInThePlatformMBeanServer() {
        assertThat(api.get("api/status").status()).isEqualTo(200); // opens the three pools

        List<String> names = api.get("api/it/mbeans").body().lines().toList();

        assertThat(names).anyMatch(n -> n.contains("name=\"sample-users") && n.contains("backend=\"mongodb\""))
                .anyMatch(n -> n.contains("name=\"sample-cache") && n.contains("backend=\"redis\""))
                .anyMatch(n -> n.contains("name=\"sample-ledger") && n.contains("backend=\"postgresql\""));
        assertThat(api.get("api/it/mbeans/sample-users/MaxSize").body()).isEqualTo("10");
        assertThat(api.get("api/it/mbeans/sample-users/State").body()).isEqualTo("READY");
    }

    @Test
    void eachPoolHasAHistoryOfSamplesAndMarkersAndAnUnknownPoolIsA404() throws InterruptedException {
        String client = "it-" + UUID.randomUUID();
        Api.Reply created = api.post("api/users", "{\"name\": \"History Hal\", \"email\": \"" + client + "@example.com\"}", client);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().asJsonObject().getString("id");
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("api/users/" + id).status()).isEqualTo(200);
        }
        String users = pool("sample-users").getString("name");
        String path = "api/pools/" + java.net.URLEncoder.encode(users, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") + "/history";

        // Borrows count in the sample of the interval in which they ended: wait for one that shows them.
        await("a history sample with the borrows", () -> samples(path).stream().mapToLong(s -> s.getJsonNumber("acquires").longValue()).sum() >= 2);
        JsonObject history = api.get(path).json().asJsonObject();
        assertThat(history.getString("name")).isEqualTo(users);
        assertThat(history.getString("backend")).isEqualTo("mongodb");
        assertThat(history.getJsonNumber("intervalMs").longValue()).isEqualTo(250);
        assertThat(history.getInt("capacity")).isEqualTo(720);
        List<JsonObject> samples = history.getJsonArray("samples").getValuesAs(JsonObject.class);
        assertThat(samples).isNotEmpty().allSatisfy(s -> {
            assertThat(s.getInt("maxSize")).isEqualTo(10);
            assertThat(s.getString("state")).isEqualTo("READY");
            assertThat(s.getJsonObject("closed").keySet()).contains("STALE", "IDLE", "EXPIRED", "ERROR", "POOL_CLOSED");
        });
        assertThat(samples).extracting(s -> Instant.parse(s.getString("at"))).isSorted();
        assertThat(samples.stream().mapToLong(s -> s.getJsonNumber("opened").longValue()).sum()).isGreaterThanOrEqualTo(1);
        assertThat(history.getJsonArray("markers").getValuesAs(JsonObject.class)).extracting(m -> m.getString("kind")).contains("READY");

        // ?after= gives only what is later: what the page asks for at each refresh.
        String cut = samples.get(samples.size() / 2).getString("at");
        List<JsonObject> later = samples(path + "?after=" + java.net.URLEncoder.encode(cut, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(later).isNotEmpty().allSatisfy(s -> assertThat(Instant.parse(s.getString("at"))).isAfter(Instant.parse(cut)));
        assertThat(later.get(0).getString("at")).as("the first sample after the cut").isEqualTo(samples.get(samples.size() / 2 + 1).getString("at"));
        Api.Reply badAfter = api.get(path + "?after=yesterday");
        assertThat(badAfter.status()).isEqualTo(400);
        assertThat(badAfter.json().asJsonObject().getString("field")).isEqualTo("after");
        assertThat(badAfter.json().asJsonObject().getString("message")).contains("'yesterday'");

        Api.Reply unknown = api.get("api/pools/no-such-pool/history");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().asJsonObject().getString("error")).contains("no pool named 'no-such-pool'", users);
    }

    private List<JsonObject> samples(String historyPath) {
        Api.Reply reply = api.get(historyPath);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().asJsonObject().getJsonArray("samples").getValuesAs(JsonObject.class);
    }

    private JsonObject pool(String name) {
        return api.get("api/pools").json().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("name").startsWith(name))
                .findFirst().orElseThrow(() -> new AssertionError("no pool " + name + " in /api/pools"));
    }

    /** The value of a Prometheus sample of {@code metric} whose pool tag starts with {@code pool} (sub-pools add the user). */
    private static double value(String metrics, String metric, String pool) {
        Predicate<String> ofPool = line -> line.startsWith(metric + "{") && line.contains("pool=\"" + pool);
        Optional<String> line = metrics.lines().filter(ofPool).findFirst();
        assertThat(line).as(metric + " of pool " + pool + " in /metrics").isPresent();
        String sample = line.get();
        return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + PATIENCE.toSeconds() + "s for " + what);
            }
            Thread.sleep(100);
        }
    }
}
