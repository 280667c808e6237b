package io.earnorm.ra.pool;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The name one instance of a pool gives its connections on the server, so that the other
 * instances can count them there: {@code ef/<fleet>/<instance>/<role>}, where the fleet is the
 * pool's name, the instance a random id made when the pool is created, and the role {@code p} for
 * a pooled connection, {@code c} for the instance's counting connection, {@code w} for the
 * counting connection while the instance wants its share (callers waiting, below its share, the
 * fleet full).
 *
 * <p>Names stay within what every backend accepts: at most 63 bytes (PostgreSQL cuts
 * {@code application_name} there), no spaces (Redis refuses them in {@code CLIENT SETNAME}),
 * printable ASCII only. A pool name outside {@code [A-Za-z0-9._:-]} has those characters replaced,
 * and one longer than 40 characters is cut and suffixed with a hash of the whole, so two long names
 * that start alike stay apart.
 *
 * @param fleet    the pool's name, as made safe for the server
 * @param instance this instance's id: 8 hexadecimal digits
 */
public record FleetTag(String fleet, String instance) {

    static final String START = "ef/";
    private static final int MAX_FLEET = 40;

    public FleetTag {
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(instance, "instance");
    }

    /** A new instance of the fleet of the pool named {@code poolName}. */
    public static FleetTag newInstance(String poolName) {
        return new FleetTag(fleetOf(poolName), String.format(Locale.ROOT, "%08x", ThreadLocalRandom.current().nextInt()));
    }

    /** What every connection of every instance of this fleet is named with. */
    public String prefix() {
        return START + fleet + "/";
    }

    /** The name of this instance's pooled connections. */
    public String connectionName() {
        return prefix() + instance + "/p";
    }

    /** The name of this instance's counting connection; {@code wanting} says it waits for its share. */
    public String counterName(boolean wanting) {
        return prefix() + instance + (wanting ? "/w" : "/c");
    }

    static String fleetOf(String poolName) {
        StringBuilder sb = new StringBuilder(poolName.length());
        for (char ch : poolName.toCharArray()) {
            boolean safe = ch < 128 && (Character.isLetterOrDigit(ch) || ch == '.' || ch == '_' || ch == ':' || ch == '-');
            sb.append(safe ? ch : '_');
        }
        if (sb.length() <= MAX_FLEET) {
            return sb.toString();
        }
        return sb.substring(0, MAX_FLEET - 9) + "~" + String.format(Locale.ROOT, "%08x", poolName.hashCode());
    }
}
