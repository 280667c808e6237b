package io.earnorm.ra.servers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One connection factory the checks use: how it is defined (by the application's annotation or by
 * the server's administrator), its backend, and whether the server's own pool is on (steady size 8
 * over the adapter's maxSize of 5) or XA is on. Its JNDI name follows from these, the same on every
 * server.
 */
public record Definition(DefinedBy definedBy, Backend backend, Variant variant) {

    /** The adapter's maxSize in every definition of this suite (ChecksServlet's definitions and the servers' files). */
    public static final int MAX_SIZE = 5;

    public enum DefinedBy { APP, ADMIN }

    public enum Backend { POSTGRES, REDIS, MONGO }

    public enum Variant {
        /** The server's pool off where it can be turned off, else minimum 0. */
        PLAIN(""),
        /** The server's pool on: steady 8, max 32. */
        POOLED("-pooled"),
        /** PostgreSQL only: XA connections, XATransaction. */
        XA("-xa");

        private final String suffix;

        Variant(String suffix) {
            this.suffix = suffix;
        }
    }

    /** Every definition, in the order the checks run. */
    public static List<Definition> all() {
        List<Definition> all = new ArrayList<>();
        for (DefinedBy by : DefinedBy.values()) {
            for (Variant variant : Variant.values()) {
                for (Backend backend : Backend.values()) {
                    if (variant != Variant.XA || backend == Backend.POSTGRES) {
                        all.add(new Definition(by, backend, variant));
                    }
                }
            }
        }
        return List.copyOf(all);
    }

    /** {@code postgres}, {@code redis-pooled}, {@code postgres-xa}. */
    public String shortName() {
        return backend.name().toLowerCase(Locale.ROOT) + variant.suffix;
    }

    /** {@code app/postgres}, {@code admin/redis-pooled}: the name the checks report. */
    public String label() {
        return definedBy.name().toLowerCase(Locale.ROOT) + "/" + shortName();
    }

    /**
     * Where the application finds the factory: the annotation's {@code java:app} name, or for an
     * administrator's factory the application's resource reference {@code eis/admin/...} in
     * {@code java:comp/env}, which each server binds to its global name.
     */
    public String lookupName() {
        return definedBy == DefinedBy.APP
                ? "java:app/eis/app/" + shortName()
                : "java:comp/env/eis/admin/" + shortName();
    }
}
