package io.earnorm.ra.serverbench.app;

import java.util.concurrent.ThreadLocalRandom;

/** The rows, keys and documents every step reads: their names, and a random one of them. */
final class BenchData {

    static final int ROWS = 1000;
    /**
     * The run's own suffix (the launcher passes its HTTP port), so that two runs on one database
     * or Redis, each removing its data at the end, never drop each other's.
     */
    private static final String RUN = Sizes.required("earnorm.bench.run");
    static final String TABLE = "earnorm_server_bench_items_" + RUN;
    static final String COLLECTION = "earnorm_server_bench_items_" + RUN;
    static final String MONGO_DATABASE = "earnorm_server_bench";
    static final String KEY_PREFIX = "earnorm:server-bench:" + RUN + ":";
    static final String VALUE = "v".repeat(64);
    static final String SELECT_ONE = "SELECT 1";
    static final String SELECT_ROW = "SELECT id, name, amount FROM " + TABLE + " WHERE id = ?";

    private static final String[] KEYS = new String[ROWS];

    static {
        for (int i = 0; i < ROWS; i++) {
            KEYS[i] = KEY_PREFIX + i;
        }
    }

    private BenchData() {
    }

    static int randomId() {
        return ThreadLocalRandom.current().nextInt(ROWS);
    }

    static String key(int id) {
        return KEYS[id];
    }

    static String randomKey() {
        return KEYS[randomId()];
    }
}
