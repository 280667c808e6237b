package io.earnorm.ra.servers.it;

import io.earnorm.ra.servers.CheckResult;
import io.earnorm.ra.servers.Definition;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The suite on one server: the server is started once, the test WAR's /checks runs every check
 * inside it, the server is stopped (always), and then each check becomes a test of its own that
 * passes, fails with the server's message, or is skipped with its reason.
 */
abstract class ServerChecksIT {

    /**
     * Checks the WAR reports: per definition (7 by the application, 7 by the administrator) a JNDI
     * round trip, an injected round trip, the cap and a closed handle; 20 rounds for the 6 with the
     * server's pool on; commit and rollback for the 4 local PostgreSQL ones; XA commit and rollback.
     */
    static final int EXPECTED_CHECKS = Definition.all().size() * 4 + 6 + 4 * 2 + 2;

    private static final System.Logger LOG = System.getLogger(ServerChecksIT.class.getName());

    /** A new, unstarted server. */
    abstract ManagedServer server();

    @TestFactory
    Stream<DynamicTest> everyCheckPassesInsideTheServer() throws Exception {
        Backends.require();
        ManagedServer server = server();
        String missing = server.missing();
        assumeTrue(missing == null, missing);
        List<CheckResult> results = new ArrayList<>();
        long start = System.nanoTime();
        long booted;
        try (server) {
            URI app = server.start();
            booted = System.nanoTime();
            ServerProcess.get(app.resolve("checks"), Duration.ofMinutes(10)).lines()
                    .filter(line -> !line.isBlank())
                    .map(CheckResult::parse)
                    .forEach(results::add);
        }
        long end = System.nanoTime();
        LOG.log(System.Logger.Level.INFO, "{0}: boot and deployment {1} s, checks {2} s, with stop {3} s",
                getClass().getSimpleName(), seconds(booted - start), seconds(end - booted), seconds(end - start));

        Stream<DynamicTest> count = Stream.of(DynamicTest.dynamicTest("all " + EXPECTED_CHECKS + " checks reported",
                () -> assertThat(results).hasSize(EXPECTED_CHECKS)));
        return Stream.concat(count, results.stream().map(r -> DynamicTest.dynamicTest(r.name(), () -> {
            if (r.outcome() == CheckResult.Outcome.SKIP) {
                abort(r.detail());
            }
            assertThat(r.outcome()).as(r.name() + ": " + r.detail()).isEqualTo(CheckResult.Outcome.PASS);
        })));
    }

    private static String seconds(long nanos) {
        return String.format("%.1f", nanos / 1e9);
    }
}
