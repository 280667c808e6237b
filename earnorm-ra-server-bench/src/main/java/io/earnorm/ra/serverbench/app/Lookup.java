package io.earnorm.ra.serverbench.app;

/**
 * How the application reaches a factory or data source, which decides what Payara does on each
 * {@code getConnection()}. With a resource reference ({@code @Resource}, res-auth Container), Payara's
 * {@code ConnectionManagerImpl.allocateConnection} maps the caller's principal through the pool's
 * security map on every call (a role lookup in the service locator); a global JNDI name looked up
 * by the application without a reference of its own goes straight to the pool with the pool's
 * default principal. Both reach the same pool.
 */
public enum Lookup {
    /** {@code InitialContext.lookup("eis/...")}, no resource reference to that name in the application. */
    GLOBAL("global"),
    /** {@code @Resource(lookup = "eis/...-ref")}: a resource reference, as most applications write it. */
    REFERENCE("reference");

    private final String id;

    Lookup(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The lookup whose id is {@code id}; the launcher checks its options with it before booting the server. */
    public static Lookup of(String id) {
        return Ids.byId(values(), Lookup::id, id, "lookup");
    }
}
