package io.earnorm.ra.mongo;

import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.pool.Durations;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The read preference and write concern a pool's client uses for every database and collection its
 * connections expose, given as options apart from the URI and checked when the pool is built. Each is
 * {@code null} when not given: then the URI's ({@code ?readPreference=...&w=...}) or the driver's
 * default (primary; acknowledged) holds. Given, they win over the URI's.
 *
 * <ul>
 * <li>{@code readPreference}: {@code primary}, {@code primaryPreferred}, {@code secondary},
 *     {@code secondaryPreferred} or {@code nearest}. Tag sets and {@code maxStalenessSeconds} go in
 *     the URI.</li>
 * <li>{@code writeConcern}: {@code w} first ({@code majority} or a number of members, 0 meaning
 *     unacknowledged), then optionally, comma-separated, {@code journal=true|false} and
 *     {@code wtimeout=<duration>}: {@code majority,journal=true,wtimeout=5s}.</li>
 * </ul>
 *
 * @param readPreference the read preference, or {@code null} for the URI's or the driver's
 * @param writeConcern   the write concern, or {@code null} for the URI's or the driver's
 */
public record MongoConcerns(ReadPreference readPreference, WriteConcern writeConcern) {

    /** Neither given. */
    public static final MongoConcerns DEFAULT = new MongoConcerns(null, null);

    private static final List<String> READ_PREFERENCES = List.of("primary", "primaryPreferred", "secondary", "secondaryPreferred", "nearest");
    private static final String WRITE_CONCERN_FORM = "majority or a number of members, then optionally ,journal=true|false and ,wtimeout=<duration>"
            + " (majority,journal=true,wtimeout=5s)";

    /**
     * Reads both options, each {@code null} when not given.
     *
     * @throws InvalidConfigException naming {@code readPreference} or {@code writeConcern}, the value and the rule
     */
    public static MongoConcerns of(String readPreference, String writeConcern) {
        return new MongoConcerns(readPreference(readPreference), writeConcern(writeConcern));
    }

    private static ReadPreference readPreference(String text) {
        if (text == null) {
            return null;
        }
        String name = text.trim();
        if (!READ_PREFERENCES.contains(name)) {
            throw new InvalidConfigException("readPreference", text, "readPreference must be one of " + String.join(", ", READ_PREFERENCES)
                    + " (readPreference=" + text + "); tag sets and maxStalenessSeconds go in the uri");
        }
        return ReadPreference.valueOf(name);
    }

    private static WriteConcern writeConcern(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split(",", -1);
        WriteConcern concern = w(text, parts[0].trim());
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq).trim();
            String value = eq < 0 ? "" : part.substring(eq + 1).trim();
            if (key.equals("journal") && value.equals("true") && Integer.valueOf(0).equals(concern.getWObject())) {
                throw invalidWriteConcern(text, "journal=true asks for an acknowledgement that w=0 never sends");
            } else if (key.equals("journal") && (value.equals("true") || value.equals("false"))) {
                concern = concern.withJournal(Boolean.parseBoolean(value));
            } else if (key.equals("wtimeout") && !value.isEmpty()) {
                Duration timeout = Durations.parse("writeConcern wtimeout", value);
                concern = concern.withWTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                throw invalidWriteConcern(text, "'" + part + "' is not journal=true|false or wtimeout=<duration>");
            }
        }
        return concern;
    }

    private static WriteConcern w(String text, String w) {
        if (w.equals("majority")) {
            return WriteConcern.MAJORITY;
        }
        try {
            int members = Integer.parseInt(w);
            if (members >= 0) {
                return new WriteConcern(members);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalidWriteConcern(text, "w '" + w + "' is neither majority nor a number of members >= 0");
    }

    private static InvalidConfigException invalidWriteConcern(String text, String why) {
        return new InvalidConfigException("writeConcern", text, "writeConcern=" + text + " is not valid: " + why + "; write " + WRITE_CONCERN_FORM);
    }

    /** For the start-up report and messages: {@code readPreference=secondaryPreferred, writeConcern=majority}. */
    String describe() {
        return (readPreference == null ? "" : "readPreference=" + readPreference.getName())
                + (readPreference != null && writeConcern != null ? ", " : "")
                + (writeConcern == null ? "" : "writeConcern=" + writeConcern.asDocument().toJson());
    }
}
