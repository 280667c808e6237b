package io.earnorm.ra.bench.backend;

import java.time.Duration;

/** The settings both pools of every pair share. */
final class PoolSize {

    /**
     * Connections per pool; fixed (min = max) so that both sides are full before measuring and
     * neither opens or closes a connection while measured.
     */
    static final int CONNECTIONS = 8;

    /** Long enough that a borrower queued behind 31 others never times out on a 2-core machine. */
    static final Duration WAIT_LIMIT = Duration.ofSeconds(30);

    private PoolSize() {
    }
}
