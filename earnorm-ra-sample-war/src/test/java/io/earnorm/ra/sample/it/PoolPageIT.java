package io.earnorm.ra.sample.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The pool page in a real browser: headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/prepare-machine} installs) loads {@code pools.html}
 * from the running application; the figures it shows for a pool must be the pool's, and a
 * screenshot is left at {@code target/pool-page.png}; then four clients load the application
 * through its API until the users pool's charts show 15 s of borrows ({@code target/pool-page-load.png}).
 * Then a Redis server of the test's own is
 * stopped and started again: the pool's history charts must show the clear (a CLEARED marker), the
 * recovery after it (a READY marker) and the in-use series ({@code target/pool-page-outage.png}),
 * drawn from histories the page fetched incrementally ({@code ?after=}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the outage's screenshot shows the load's history too
class PoolPageIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("earnorm.chromium", "/usr/bin/chromium"));
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("earnorm.chromedriver", "/usr/bin/chromedriver"));

    @Deployment(testable = false)
    static WebArchive deployment() {
        // A history sample every 250 ms instead of 5 s, so that the charts fill without a long wait.
        return SampleDeployment.application(Map.of("io.earnorm.ra.pool.historyInterval", "250ms"))
                .addClasses(FlakyRedisDefinition.class);
    }

    @ArquillianResource
    URL deployed;

    @Test
    @Order(1)
    void thePageShowsEachPoolWithTheFiguresOfItsStats() throws IOException {
        Api api = new Api(deployed);
        String client = "page-" + UUID.randomUUID();
        assertThat(api.post("api/users", "{\"name\": \"Page Paul\", \"email\": \"" + client + "@example.com\"}", client).status()).isEqualTo(201);

        ChromeDriver browser = browser();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(b -> b.findElements(By.cssSelector(".pool")).size() >= 3);

            for (String poolName : List.of("sample-users", "sample-cache", "sample-ledger")) {
                JsonObject stats = poolFromApi(api, poolName);
                // Read the row in one script: the page replaces its rows every 2 s, and a script runs between two redraws.
                @SuppressWarnings("unchecked")
                Map<String, Object> row = (Map<String, Object>) browser.executeScript(
                        "const r = [...document.querySelectorAll('.pool')].find(e => e.dataset.pool.startsWith(arguments[0]));"
                        + "return r ? {inUse: r.querySelector('[data-field=inUse]').innerText, state: r.querySelector('[data-field=state]').innerText,"
                        + " cls: r.className, text: r.innerText} : null;", poolName);
                assertThat(row).as("row for %s", poolName).isNotNull();
                assertThat(row.get("inUse")).isEqualTo(stats.getInt("inUse") + " / " + stats.getInt("maxSize") + " in use");
                assertThat(row.get("state")).isEqualTo("READY");
                assertThat((String) row.get("cls")).doesNotContain("paused");
                assertThat((String) row.get("text")).contains(stats.getString("backend"), "acquire p50");
            }
            screenshot(browser, "pool-page.png");

            // Under load (four clients through the API): the users pool's history fills with borrows.
            try (ApiLoad load = ApiLoad.start(api, 4, 20_000, Duration.ofMinutes(2))) {
                String users = poolFromApi(api, "sample-users").getString("name");
                await("15 s of history with borrows").atMost(PATIENCE).untilAsserted(() -> assertThat(
                        api.get("api/pools/" + URLEncoder.encode(users, StandardCharsets.UTF_8).replace("+", "%20") + "/history")
                                .json().asJsonObject().getJsonArray("samples").getValuesAs(JsonObject.class).stream()
                                .filter(sample -> sample.getJsonNumber("acquires").longValue() > 0).count())
                        .as("samples of %s with acquires", users).isGreaterThanOrEqualTo(60));
                await("the charts drawn from it").atMost(PATIENCE).untilAsserted(() -> assertThat((Long) browser.executeScript(
                        "const p = document.querySelector('svg.history-wait[data-pool=\"' + arguments[0] + '\"] polyline.s-p50');"
                        + "return p ? p.points.numberOfItems : 0;", users)).as("points of the acquire-wait chart").isGreaterThanOrEqualTo(60));
                assertThat(load.firstFailure()).as("a request of the load").isNull();
                screenshot(browser, "pool-page-load.png");
            }
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(2)
    void theChartsOfAPoolShowItsOutageAndItsRecovery() throws IOException, InterruptedException {
        Api api = new Api(deployed);
        useFlakyPool(api); // traffic before the outage, for the charts
        ChromeDriver browser = browser();
        try {
            FlakyRedis.server().stop();
            try {
                await("the pool paused").atMost(PATIENCE).until(() -> {
                    api.get("api/it/flaky-redis"); // the failed open clears and pauses the pool
                    return "PAUSED".equals(poolFromApi(api, FlakyRedisDefinition.POOL_NAME).getString("state"));
                });
            } finally {
                FlakyRedis.server().start();
            }
            await("the pool ready again").atMost(PATIENCE).until(() -> api.get("api/it/flaky-redis").status() == 200);
            useFlakyPool(api); // and after it

            // The page redraws every 2 s from /api/pools/{name}/history; read one pool's charts in one script.
            await("the charts with the outage and the recovery").atMost(PATIENCE).untilAsserted(() -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> charts = (Map<String, Object>) browser.executeScript(
                        "const svg = document.querySelector('svg.history-inuse[data-pool^=\"' + arguments[0] + '\"]');"
                        + "if (!svg) return null;"
                        + "const at = cls => [...svg.querySelectorAll('line.' + cls)].map(l => Date.parse(l.dataset.at));"
                        + "return {cleared: at('marker-cleared'), ready: at('marker-ready'),"
                        + " points: svg.querySelector('polyline.s-inuse').points.numberOfItems,"
                        + " charts: document.querySelectorAll('svg.chart[data-pool^=\"' + arguments[0] + '\"]').length};",
                        FlakyRedisDefinition.POOL_NAME);
                assertThat(charts).as("the in-use chart of %s", FlakyRedisDefinition.POOL_NAME).isNotNull();
                assertThat(((Number) charts.get("charts")).intValue()).as("in use, acquire wait, events").isEqualTo(3);
                assertThat(((Number) charts.get("points")).longValue()).as("points of the in-use series").isPositive();
                @SuppressWarnings("unchecked")
                List<Number> cleared = (List<Number>) charts.get("cleared");
                @SuppressWarnings("unchecked")
                List<Number> ready = (List<Number>) charts.get("ready");
                assertThat(cleared).as("CLEARED markers").isNotEmpty();
                long firstCleared = cleared.stream().mapToLong(Number::longValue).min().orElseThrow();
                assertThat(ready).as("a READY marker after the CLEARED one").anyMatch(t -> t.longValue() > firstCleared);
            });
            screenshot(browser, "pool-page-outage.png");
            @SuppressWarnings("unchecked")
            List<String> asked = (List<String>) browser.executeScript(
                    "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/history'));");
            assertThat(asked).as("history requests of the page").anyMatch(n -> n.contains("/history?after="));
            // Fetched in pieces, the history the page draws is still the whole of it: as many points as samples.
            String users = poolFromApi(api, "sample-users").getString("name");
            int samples = api.get("api/pools/" + URLEncoder.encode(users, StandardCharsets.UTF_8).replace("+", "%20") + "/history")
                    .json().asJsonObject().getJsonArray("samples").size();
            await("the page holding the users pool's whole history").atMost(PATIENCE).untilAsserted(() -> assertThat((Long) browser.executeScript(
                    "const p = document.querySelector('svg.history-inuse[data-pool=\"' + arguments[0] + '\"] polyline.s-inuse');"
                    + "return p ? p.points.numberOfItems : 0;", users)).as("points of the in-use chart").isGreaterThanOrEqualTo(samples));

            // On a phone's width: nothing wider than the window, the charts one under the other.
            browser.manage().window().setSize(new Dimension(400, 900));
            await("the page laid out for a phone").atMost(PATIENCE).untilAsserted(() -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> layout = (Map<String, Object>) browser.executeScript(
                        "const c = [...document.querySelectorAll('svg.chart[data-pool^=\"' + arguments[0] + '\"]')]"
                        + ".map(e => e.getBoundingClientRect());"
                        + "return {overflow: document.documentElement.scrollWidth - window.innerWidth,"
                        + " stacked: c.length === 3 && c[0].bottom <= c[1].top && c[1].bottom <= c[2].top,"
                        + " widest: Math.max(...c.map(r => r.right))};", FlakyRedisDefinition.POOL_NAME);
                assertThat(((Number) layout.get("overflow")).doubleValue()).as("horizontal overflow").isLessThanOrEqualTo(0);
                assertThat(layout.get("stacked")).as("charts one under the other").isEqualTo(true);
            });
            screenshot(browser, "pool-page-phone.png");
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(3)
    void aPoolWithAFleetBudgetShowsTheFleetAsCountedOnTheServer() throws IOException {
        Api api = new Api(deployed);
        assertThat(api.get("api/it/flaky-redis").status()).isEqualTo(200);
        await("the fleet counted on Redis").atMost(PATIENCE).until(() -> {
            JsonObject fleet = poolFromApi(api, FlakyRedisDefinition.POOL_NAME).getJsonObject("fleet");
            return fleet.getBoolean("counted") && fleet.getInt("instances") == 1;
        });
        JsonObject fleet = poolFromApi(api, FlakyRedisDefinition.POOL_NAME).getJsonObject("fleet");
        assertThat(fleet.getInt("budget")).isEqualTo(FlakyRedisDefinition.FLEET_MAX_SIZE);
        assertThat(fleet.getInt("share")).isEqualTo(FlakyRedisDefinition.FLEET_MAX_SIZE);

        ChromeDriver browser = browser();
        try {
            await("the fleet line").atMost(PATIENCE).untilAsserted(() -> {
                Object line = browser.executeScript(
                        "const r = [...document.querySelectorAll('.pool')].find(e => e.dataset.pool === arguments[0]);"
                        + "const f = r && r.querySelector('[data-field=fleet]'); return f ? f.innerText : null;", FlakyRedisDefinition.POOL_NAME);
                assertThat((String) line).matches("fleet \\d+ / " + FlakyRedisDefinition.FLEET_MAX_SIZE + " on the server · 1 instance · share "
                        + FlakyRedisDefinition.FLEET_MAX_SIZE);
            });
            Object lines = browser.executeScript("return document.querySelectorAll('[data-field=fleet]').length;");
            assertThat(lines).as("fleet lines: only the pool with a budget has one").isEqualTo(1L);
        } finally {
            browser.quit();
        }
    }

    private ChromeDriver browser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install chromium chromium-driver; .ci/prepare-machine does)");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,1200");
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.get(deployed.toString().replaceFirst("//[^/:]+:", "//127.0.0.1:") + "pools.html");
        return browser;
    }

    /** Three seconds of calls that borrow from the flaky Redis pool, each answered 200. */
    private static void useFlakyPool(Api api) throws InterruptedException {
        for (int i = 0; i < 30; i++) {
            assertThat(api.get("api/it/flaky-redis").status()).isEqualTo(200);
            Thread.sleep(100);
        }
    }

    private static void screenshot(ChromeDriver browser, String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path target = Path.of(System.getProperty("earnorm.screenshots", "target"), name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isPositive();
    }

    private static JsonObject poolFromApi(Api api, String name) {
        return api.get("api/pools").json().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("name").startsWith(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no pool " + name + " in /api/pools"));
    }
}
