package io.earnorm.ra.bench.backend;

/** What every forked benchmark JVM gets on top of JMH's defaults. */
final class BackendFork {

    /**
     * Jedis, HikariCP, the MongoDB driver and mongo-java-server log through SLF4J, which has no
     * binding here: without this, SLF4J warns about that in the middle of every fork's first
     * iteration line. Their logs go nowhere either way.
     */
    static final String QUIET_SLF4J = "-Dslf4j.internal.verbosity=ERROR";

    private BackendFork() {
    }
}
