package io.earnorm.ra.sample.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Prometheus and Grafana setup of the README, against a real Prometheus (Debian's
 * {@code prometheus} package, which {@code .ci/prepare-machine} installs; skipped when absent):
 * it scrapes this test's Payara Micro with the scrape configuration of
 * {@code docs/prometheus/prometheus.yml} (target and interval changed for the test) while the
 * sample application is under load. Then every query of {@code docs/grafana/earnorm-pools.json}
 * (its panels' expressions and its variables' {@code label_values} selectors, read from the file)
 * must return data for the sample's pools, and the figures Prometheus scraped must agree with
 * {@code /api/pools} read before and after.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PrometheusDashboardIT {

    private static final Path PROMETHEUS = Path.of(System.getProperty("earnorm.prometheus", "/usr/bin/prometheus"));
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** What stands for Grafana's {@code $__rate_interval}: ten scrapes at the test's 1 s interval. */
    private static final String RATE_INTERVAL = "10s";
    private static final List<String> SAMPLE_POOLS = List.of("sample-users", "sample-cache", "sample-ledger");
    /** earnorm_pool_state's values. */
    private static final Map<String, Double> STATE_CODES = Map.of("READY", 0.0, "PAUSED", 1.0, "CLOSED", 2.0);

    @Deployment(testable = false)
    @TargetsContainer("payara-micro-prometheus")
    static WebArchive deployment() {
        return SampleDeployment.application();
    }

    @ArquillianResource
    URL deployed;

    @Test
    void everyQueryOfTheDashboardReturnsDataAndTheScrapedFiguresAgreeWithTheApi() throws Exception {
        assumeTrue(Files.isExecutable(PROMETHEUS),
                "needs " + PROMETHEUS + " (apt-get install prometheus; .ci/prepare-machine does)");
        GrafanaDashboard dashboard = GrafanaDashboard.read(Path.of(required("earnorm.grafana.dashboard")), RATE_INTERVAL);
        Api api = new Api(deployed);
        assertThat(api.get("api/status").status()).as("the sample application answers").isEqualTo(200);

        try (ApiLoad load = ApiLoad.start(api, 2, 20_000, Duration.ofMinutes(4));
             PrometheusServer prometheus = PrometheusServer.start(PROMETHEUS, scrapeConfig(deployed.getPort()),
                     Integer.getInteger("earnorm.prometheus.port", 38090), Path.of(System.getProperty("java.io.tmpdir")))) {
            await("Prometheus scraping Payara Micro").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(prometheus.vector("up{job=\"payara-micro\"} == 1")).as("a target up").isNotEmpty());

            await("every dashboard query with data for the sample's pools").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(queriesWithoutData(prometheus, dashboard.panelQueries()))
                            .as("dashboard queries that return no finite value, or no series for one of " + SAMPLE_POOLS).isEmpty());

            List<JsonObject> pools = poolsFromApi(api);
            for (GrafanaDashboard.LabelValues variable : dashboard.labelValuesVariables()) {
                Set<String> values = prometheus.vector(variable.selector()).stream()
                        .map(s -> s.getJsonObject("metric").getString(variable.label(), "")).collect(Collectors.toSet());
                String apiField = "pool".equals(variable.label()) ? "name" : variable.label();
                assertThat(values).as("values of $%s (%s of %s)", variable.variable(), variable.label(), variable.selector())
                        .containsAll(pools.stream().map(p -> p.getString(apiField)).toList());
            }

            theScrapedFiguresAgreeWithTheApi(api, prometheus);
            assertThat(load.firstFailure()).as("a request of the load").isNull();
            assertThat(load.rounds()).as("rounds of load").isPositive();
        }
    }

    /**
     * Counters read from {@code /api/pools} before and after a scrape that Prometheus took after the
     * first read must frame what Prometheus holds; gauges that do not move must be equal.
     */
    private static void theScrapedFiguresAgreeWithTheApi(Api api, PrometheusServer prometheus) {
        Map<String, JsonObject> before = byName(poolsFromApi(api));
        double readAt = System.currentTimeMillis() / 1000.0;
        await("a scrape after reading /api/pools").atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() ->
                prometheus.vector("min(timestamp(earnorm_pool_connections_created_total))").stream()
                        .anyMatch(s -> PrometheusServer.valueOf(s) > readAt));
        Map<String, Double> maxSize = byPool(prometheus, "earnorm_pool_connections_max");
        Map<String, Double> state = byPool(prometheus, "earnorm_pool_state");
        Map<String, Double> created = byPool(prometheus, "earnorm_pool_connections_created_total");
        Map<String, Double> timeouts = byPool(prometheus, "earnorm_pool_acquire_timeouts_total");
        Map<String, Double> errors = byPool(prometheus, "earnorm_pool_backend_errors_total");
        Map<String, JsonObject> after = byName(poolsFromApi(api));

        assertThat(maxSize.keySet()).as("pools in Prometheus").containsAll(before.keySet());
        for (String pool : before.keySet()) {
            JsonObject b = before.get(pool);
            JsonObject a = after.get(pool);
            assertThat(maxSize.get(pool)).as("maxSize of %s", pool).isEqualTo(b.getInt("maxSize"));
            assertThat(state.get(pool)).as("state of %s (%s)", pool, b.getString("state")).isEqualTo(STATE_CODES.get(b.getString("state")));
            assertThat(created.get(pool)).as("connections created by %s", pool)
                    .isBetween((double) b.getJsonNumber("created").longValue(), (double) a.getJsonNumber("created").longValue());
            assertThat(timeouts.get(pool)).as("acquire timeouts of %s", pool)
                    .isBetween((double) b.getJsonNumber("timeouts").longValue(), (double) a.getJsonNumber("timeouts").longValue());
            assertThat(errors.get(pool)).as("backend errors of %s", pool)
                    .isBetween((double) b.getJsonNumber("backendErrors").longValue(), (double) a.getJsonNumber("backendErrors").longValue());
        }
        assertThat(maxSize).as("the sample's pools").containsKeys(SAMPLE_POOLS.toArray(String[]::new));
    }

    /** The queries that return no series for a sample pool, or no finite value at all, each with why. */
    private static List<String> queriesWithoutData(PrometheusServer prometheus, List<GrafanaDashboard.Query> queries) {
        return queries.stream().flatMap(q -> {
            List<JsonObject> series = prometheus.vector(q.promql());
            Set<String> pools = series.stream().map(s -> s.getJsonObject("metric").getString("pool", "")).collect(Collectors.toSet());
            boolean finite = series.stream().anyMatch(s -> Double.isFinite(PrometheusServer.valueOf(s)));
            List<String> missing = SAMPLE_POOLS.stream().filter(p -> !pools.contains(p)).toList();
            if (finite && missing.isEmpty()) {
                return Stream.empty();
            }
            return Stream.of(q.where() + ": " + q.promql() + " -> " + series.size() + " series"
                    + (finite ? "" : ", none finite") + (missing.isEmpty() ? "" : ", none for " + missing));
        }).toList();
    }

    /** The instant value of {@code metric} per pool label. */
    private static Map<String, Double> byPool(PrometheusServer prometheus, String metric) {
        return prometheus.vector(metric).stream().collect(Collectors.toMap(
                s -> s.getJsonObject("metric").getString("pool"), PrometheusServer::valueOf));
    }

    private static Map<String, JsonObject> byName(List<JsonObject> pools) {
        return pools.stream().collect(Collectors.toMap(p -> p.getString("name"), Function.identity()));
    }

    private static List<JsonObject> poolsFromApi(Api api) {
        return api.get("api/pools").json().asJsonArray().getValuesAs(JsonObject.class);
    }

    /** docs/prometheus/prometheus.yml as the README gives it, with this test's target and a 1 s scrape interval. */
    private static String scrapeConfig(int payaraPort) throws IOException {
        Path file = Path.of(required("earnorm.prometheus.config"));
        String documented = Files.readString(file, StandardCharsets.UTF_8);
        String target = "'127.0.0.1:8080'";
        String interval = "scrape_interval: 15s";
        assertThat(documented).as(file + " (the test replaces its target and interval)").contains(target, interval);
        return documented.replace(target, "'127.0.0.1:" + payaraPort + "'").replace(interval, "scrape_interval: 1s");
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run the in-container tests through Maven (mvn verify)");
        }
        return value;
    }
}
