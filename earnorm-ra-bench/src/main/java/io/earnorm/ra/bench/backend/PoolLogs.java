package io.earnorm.ra.bench.backend;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the EarnORM pools' INFO lines (pool created, pool closed) out of JMH's iteration output.
 * The native pools log through SLF4J, which has no binding here and so prints nothing; showing
 * only our warnings treats both sides alike.
 */
final class PoolLogs {

    /** Held here because java.util.logging keeps loggers only weakly, and would forget the level. */
    private static final Logger EARNORM = Logger.getLogger("io.earnorm.ra");

    private PoolLogs() {
    }

    static void showOnlyWarnings() {
        EARNORM.setLevel(Level.WARNING);
    }
}
