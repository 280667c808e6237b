package io.earnorm.ra.serverbench.app;

/** What both sides of every comparison share, and the backends' addresses the launcher passes. */
final class Sizes {

    /** Connections per pool, on every side (the post-boot command file says the same for the server's pools). */
    static final int CONNECTIONS = 8;
    static final int WAIT_LIMIT_SECONDS = 30;

    private Sizes() {
    }

    /** A system property the launcher sets through Payara Micro's --systemproperties file. */
    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: start the server with run-server-bench.sh");
        }
        return value;
    }
}
