package io.earnorm.ra.api.pool;

/**
 * How a pool stands in the connection budget it shares with its other instances (other
 * application servers running the same pool against the same server), as last counted on the
 * server itself.
 *
 * @param budget     {@code fleetMaxSize}: the most connections all instances together may hold; 0 when the pool has no budget
 * @param fleetCount the pool's connections on the server, all instances together, at the last count (this instance's own as it holds them now)
 * @param instances  instances of the pool the server showed at the last count, this one included
 * @param share      the connections this instance is entitled to whatever the others do: budget / instances
 * @param counted    false when the last count failed (no privilege, server unreachable, a backend that cannot count): the pool then keeps to
 *                   budget / {@code instances} of its configuration
 */
public record FleetStats(int budget, int fleetCount, int instances, int share, boolean counted) {

    /** A pool without a fleet budget. */
    public static final FleetStats NONE = new FleetStats(0, 0, 0, 0, false);

    /** True when the pool has a fleet budget. */
    public boolean enabled() {
        return budget > 0;
    }
}
