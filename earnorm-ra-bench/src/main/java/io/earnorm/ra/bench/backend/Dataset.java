package io.earnorm.ra.bench.backend;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The rows, keys and documents every backend holds for the benchmark: {@link #ROWS} of them,
 * numbered from 0, read in random order so that no side profits from a hot key.
 */
final class Dataset {

    static final int ROWS = 1000;

    private Dataset() {
    }

    /** A row number in {@code [0, ROWS)}; both sides of a pair draw their ids the same way. */
    static int randomId() {
        return ThreadLocalRandom.current().nextInt(ROWS);
    }
}
