package io.earnorm.ra.bench.backend;

import java.util.Objects;

/**
 * Checks run in every setup, so that a misconfigured side fails the run instead of measuring
 * empty replies or a pool still filling up.
 */
final class Checks {

    private Checks() {
    }

    static void poolIsFull(String pool, int open) {
        if (open != PoolSize.CONNECTIONS) {
            throw new IllegalStateException(pool + " holds " + open + " connections after setup, expected " + PoolSize.CONNECTIONS);
        }
    }

    static void sameValue(String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw new IllegalStateException(what + " returned " + actual + ", expected " + expected + ": the benchmark data is not in place");
        }
    }
}
