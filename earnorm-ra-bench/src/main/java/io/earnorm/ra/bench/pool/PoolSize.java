package io.earnorm.ra.bench.pool;

import java.time.Duration;

/** The settings every pool in the comparison shares. */
final class PoolSize {

    /** Connections per pool; fixed (min = max) so that no open or close happens while measuring. */
    static final int CONNECTIONS = 8;

    /** Long enough that a borrower queued behind 31 others never times out on a 2-core machine. */
    static final Duration WAIT_LIMIT = Duration.ofSeconds(30);

    private PoolSize() {
    }
}
