package io.earnorm.ra.sample.it;

import io.earnorm.ra.api.EarnormConnectionFactory;
import io.earnorm.ra.api.pool.PoolStats;
import io.earnorm.ra.pool.ConnectionPool;
import io.earnorm.ra.spi.EarnormConnectionFactoryBase;

import java.util.List;

/**
 * The pool core's view of a factory inside the server: the stats of its sub-pools (one per
 * credential; Payara signs on with the definition's user), added up.
 */
record PoolStatsOf(int total, int active, int available, int pending, long created, long closed, long timeouts, long validationFailures) {

    static PoolStatsOf factory(EarnormConnectionFactory<?> factory) {
        List<PoolStats> stats = ((EarnormConnectionFactoryBase<?>) factory).managedConnectionFactory().pools().stream()
                .map(ConnectionPool::stats).toList();
        return new PoolStatsOf(
                stats.stream().mapToInt(PoolStats::total).sum(),
                stats.stream().mapToInt(PoolStats::active).sum(),
                stats.stream().mapToInt(PoolStats::available).sum(),
                stats.stream().mapToInt(PoolStats::pending).sum(),
                stats.stream().mapToLong(PoolStats::created).sum(),
                stats.stream().mapToLong(PoolStats::closed).sum(),
                stats.stream().mapToLong(PoolStats::timeouts).sum(),
                stats.stream().mapToLong(PoolStats::validationFailures).sum());
    }

    /** A config property of the factory as the server set it, after Payara replaced its variables. */
    static Object configProperty(EarnormConnectionFactory<?> factory, String name) {
        return ((EarnormConnectionFactoryBase<?>) factory).managedConnectionFactory().configProperties().get(name);
    }
}
