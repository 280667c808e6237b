package io.earnorm.ra.serverbench.app;

import java.util.Arrays;

/** Who serves the connection in a step. */
public enum Side {
    /** The adapter's factory with the server's connector pool off (pooling=false, as the README recommends). */
    RAR("rar"),
    /** The adapter's factory with the server's connector pool on (8 steady managed connections). */
    RAR_POOLED("rar-pooled"),
    /** What a Payara user would pick instead: Payara's JDBC pool, or a client the application holds. */
    NATIVE("native");

    private final String id;

    Side(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    static Side of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown side '" + id + "'; sides: "
                        + Arrays.stream(values()).map(Side::id).toList()));
    }
}
