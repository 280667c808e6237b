package io.earnorm.ra.serverbench.app;

/** Who serves the connection in a step. */
public enum Side {
    /** The adapter's factory with the server's connector pool off (pooling=false): a managed connection per call. */
    RAR("rar"),
    /** The adapter's factory with the server's connector pool on (steady 8, max 256 managed connections over the adapter's maxSize of 8). */
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

    /** The side whose id is {@code id}; the launcher checks its options with it before booting the server. */
    public static Side of(String id) {
        return Ids.byId(values(), Side::id, id, "side");
    }
}
