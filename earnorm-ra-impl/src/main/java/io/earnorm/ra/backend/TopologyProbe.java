package io.earnorm.ra.backend;

import java.util.OptionalInt;

/**
 * What a backend can tell, through one of its connections, about the deployment it reached: the
 * topology (a single server, a primary and its replicas, a cluster's masters, the master a
 * Sentinel set names) and how many connections the server accepts. Optional for a backend; a
 * {@link StartupReport} uses it when a pool starts.
 *
 * @param <C> the physical connection
 */
public interface TopologyProbe<C> {

    /** One line, secrets masked, e.g. {@code primary 127.0.0.1:5432 (PostgreSQL 15.20), not in recovery}. */
    String describeTopology(C connection) throws Exception;

    /** The most client connections one server accepts ({@code max_connections}, {@code maxclients}), if it says. */
    OptionalInt connectionLimit(C connection) throws Exception;
}
