package io.earnorm.ra.sample.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The fleet budget with the RAR in real application servers: three Payara Micro processes of the
 * sample application against one PostgreSQL, whose ledger pool (defined by asadmin commands,
 * {@code payara/fleet-post-boot-commands.txt}) has {@code fleetMaxSize=6}, {@code maxSize=6},
 * {@code fleetInterval=500ms} and the default {@code maxConnecting} of 2. Under load on all three,
 * the fleet's pooled connections, counted on PostgreSQL every 50 ms, never exceed 6 + 3 x 2 (the
 * README's bound) and each instance sees 3 instances, a share of 2, and serves with connections of
 * its own; after {@code kill -9} of one, the two survivors see 2 instances and a share of 3 each; no
 * request fails. How many connections an instance holds is not checked against its share: an
 * instance above its share gives back only when a peer waits for its share (or after idleTimeout),
 * so under this light load the fleet may stay one or two over the budget, within the bound. The servers boot side by side; their
 * logs are in {@code target/payara/fleet/<port>/payara.log}.
 */
class FleetPayaraIT {

    private static final String POOL = "sample-ledger";
    private static final int BUDGET = 6;
    private static final int MAX_CONNECTING = 2;
    private static final int THREADS_PER_INSTANCE = 8;
    private static final Duration BOOT = Duration.ofMinutes(6);
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void threeInstancesKeepToOneBudgetAndTheSurvivorsOfAKillTakeItsShare() throws Exception {
        Path payaraJar = Path.of(required("payara.micro.jar"));
        assumeTrue(Files.isRegularFile(payaraJar), "needs Payara Micro at " + payaraJar + " (mvn verify copies it)");
        int[] ports = Arrays.stream(System.getProperty("earnorm.fleet.payara.ports", "28080,28081,28082").split(","))
                .mapToInt(p -> Integer.parseInt(p.trim())).toArray();
        Path folder = Files.createDirectories(Path.of(required("payara.tmpdir")).resolveSibling("fleet"));
        PostgresAddress postgres = PayaraBackends.postgres();
        Path systemProperties = folder.resolve("backends.properties");
        try (OutputStream out = Files.newOutputStream(systemProperties)) {
            PayaraBackends.systemProperties().store(out, "backends of FleetPayaraIT");
        }
        Path preBoot = copyResource("/payara/fleet-pre-boot-commands.txt", folder);
        Path postBoot = copyResource("/payara/fleet-post-boot-commands.txt", folder);
        Path war = Path.of(required("earnorm.sample.war"));

        List<PayaraMicroProcess> servers = new ArrayList<>();
        List<StatusLoad> loads = new ArrayList<>();
        try {
            for (int port : ports) {
                servers.add(PayaraMicroProcess.start(payaraJar, Files.createDirectories(folder.resolve(String.valueOf(port))),
                        port, systemProperties, preBoot, postBoot, war));
            }
            List<Api> apis = servers.stream().map(s -> new Api(s.root())).toList();
            for (PayaraMicroProcess server : servers) {
                await("Payara Micro on " + server.port() + " answering /api/status with 200").atMost(BOOT)
                        .pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
                            assertThat(server.alive()).as("Payara Micro on " + server.port() + " is running").isTrue();
                            return new Api(server.root()).get("api/status").status() == 200;
                        });
            }

            try (FleetCountSampler sampler = FleetCountSampler.start(postgres, POOL)) {
                for (int i = 0; i < apis.size(); i++) {
                    loads.add(StatusLoad.start(apis.get(i), THREADS_PER_INSTANCE, String.valueOf(ports[i])));
                }
                for (Api api : apis) {
                    awaitHolding(api, 3, 2);
                }

                loads.get(2).close();
                servers.get(2).kill();
                for (Api api : apis.subList(0, 2)) {
                    awaitHolding(api, 2, 3);
                }
                for (StatusLoad load : loads) {
                    load.close();
                }

                assertThat((Throwable) sampler.failure()).as("a count on PostgreSQL").isNull();
                assertThat(sampler.samples()).as("counts taken").isPositive();
                assertThat(sampler.peak()).as("the fleet's pooled connections on PostgreSQL at any count")
                        .isPositive().isLessThanOrEqualTo(BUDGET + ports.length * MAX_CONNECTING);
                System.out.printf("FleetPayaraIT: budget %d, peak on the server %d (bound %d), %d counts, requests answered %s%n",
                        BUDGET, sampler.peak(), BUDGET + ports.length * MAX_CONNECTING, sampler.samples(),
                        loads.stream().map(StatusLoad::answered).toList());
            }
            for (StatusLoad load : loads) {
                assertThat(load.firstFailure()).as("a failed request").isNull();
                assertThat(load.answered()).as("requests answered").isPositive();
            }
        } finally {
            for (StatusLoad load : loads) {
                load.close();
            }
            for (PayaraMicroProcess server : servers) {
                server.close();
            }
        }
    }

    /** Waits until the instance sees {@code instances} instances and a share of {@code share}, and holds connections of its own. */
    private static void awaitHolding(Api api, int instances, int share) {
        await("an instance seeing " + instances + " instances and a share of " + share).atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    JsonObject pool = ledgerPool(api);
                    JsonObject fleet = pool.getJsonObject("fleet");
                    assertThat(fleet.getInt("instances")).as("instances seen: " + pool).isEqualTo(instances);
                    assertThat(fleet.getInt("share")).as("share: " + pool).isEqualTo(share);
                    assertThat(pool.getInt("open")).as("connections held: " + pool).isPositive();
                });
    }

    private static JsonObject ledgerPool(Api api) {
        return api.get("api/pools").json().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(p -> POOL.equals(p.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no pool " + POOL + " in /api/pools"));
    }

    private static Path copyResource(String resource, Path folder) throws IOException {
        try (InputStream in = FleetPayaraIT.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test class path");
            }
            Path file = folder.resolve(Path.of(resource).getFileName().toString());
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run the in-container tests through Maven (mvn verify)");
        }
        return value;
    }
}
