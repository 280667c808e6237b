package io.earnorm.ra.sample.it;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Waiting inside the server for something another thread brings about (the test deployments carry
 * AssertJ but no Awaitility): a bounded wait, so that a hang fails the test instead of blocking the
 * build.
 */
final class Waiting {

    private Waiting() {
    }

    static void awaitTrue(String what, Duration patience, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + patience.toSeconds() + "s for " + what);
            }
            Thread.sleep(20);
        }
    }
}
