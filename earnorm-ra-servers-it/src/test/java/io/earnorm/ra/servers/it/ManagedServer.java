package io.earnorm.ra.servers.it;

import java.net.URI;

/**
 * One server of the suite: {@link #start()} unpacks nothing (Maven did), configures it on this suite's
 * loopback ports, starts it, deploys the RAR with the administrator's factories and the test WAR,
 * and answers the WAR's address; {@link #close()} stops it, whatever happened before.
 */
interface ManagedServer extends AutoCloseable {

    /** Why this server cannot run on this machine, or null when it can. */
    default String missing() {
        return null;
    }

    URI start() throws Exception;

    @Override
    void close();
}
