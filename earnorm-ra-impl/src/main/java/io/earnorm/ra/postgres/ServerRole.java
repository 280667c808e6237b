package io.earnorm.ra.postgres;

import io.earnorm.ra.api.pool.InvalidConfigException;

import java.util.Locale;
import java.util.Map;

/**
 * What kind of server a pool's connections must stay on, from the URL's {@code targetServerType}
 * (pgjdbc chooses the server at open; the pool checks at validation that it still is that kind):
 * a connection of a primary pool to a server now in recovery, after a failover demoted it, is
 * retired rather than lent, and so is a connection of a secondary pool to a promoted replica.
 */
enum ServerRole {

    /** {@code any}, {@code preferPrimary}, {@code preferSecondary}, or no targetServerType: whichever answers. */
    ANY,
    /** {@code primary} (or pgjdbc's older {@code master}): a server that takes writes. */
    PRIMARY,
    /** {@code secondary} (or {@code slave}): a hot standby. */
    SECONDARY;

    private static final Map<String, ServerRole> BY_TARGET = Map.of(
            "any", ANY, "preferprimary", ANY, "prefersecondary", ANY, "preferslave", ANY,
            "primary", PRIMARY, "master", PRIMARY,
            "secondary", SECONDARY, "slave", SECONDARY);

    /** The role a URL's {@code targetServerType} asks for. */
    static ServerRole of(PostgresUrl url, String maskedUrl) {
        String target = url.parameter("targetServerType");
        if (target == null) {
            return ANY;
        }
        ServerRole role = BY_TARGET.get(target.toLowerCase(Locale.ROOT));
        if (role == null) {
            throw new InvalidConfigException("url", maskedUrl, "postgresql url " + maskedUrl + " has targetServerType=" + target
                    + "; the values are any, primary, secondary, preferPrimary and preferSecondary");
        }
        return role;
    }

    /** Whether a server in recovery ({@code pg_is_in_recovery()}) suits this role. */
    boolean accepts(boolean inRecovery) {
        return switch (this) {
            case ANY -> true;
            case PRIMARY -> !inRecovery;
            case SECONDARY -> inRecovery;
        };
    }
}
