package io.earnorm.ra.postgres;

import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.backend.Secrets;
import org.postgresql.Driver;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a {@code jdbc:postgresql://host[:port][,host[:port]...]/database[?name=value&...]} URL says,
 * read with pgjdbc's own parser, so that the pool accepts exactly the URLs the driver accepts.
 *
 * @param base       the URL without its query, as the driver gets it ({@code jdbc:postgresql://127.0.0.1:5432/test})
 * @param hosts      {@code host:port} of each server, in the URL's order
 * @param database   the database, or {@code null} when the URL names none (the server then takes the user's name)
 * @param parameters the query's parameters, decoded, in no particular order
 */
public record PostgresUrl(String base, List<String> hosts, String database, Map<String, String> parameters) {

    static final String FORM = "jdbc:postgresql://host[:port]/database[?parameters]";
    private static final String PREFIX = "jdbc:postgresql:";
    /** pgjdbc's own keys for the URL's address parts in the properties its parser returns. */
    private static final List<String> ADDRESS_KEYS = List.of("PGHOST", "PGPORT", "PGDBNAME");

    public PostgresUrl {
        hosts = List.copyOf(hosts);
        parameters = Map.copyOf(parameters);
    }

    /**
     * Reads {@code text}.
     *
     * @throws InvalidConfigException naming the {@code url} option and what is wrong, with any password masked
     */
    static PostgresUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(text, "a postgresql pool needs a url (url=" + (text == null ? "null" : "'" + text + "'") + "); write " + FORM);
        }
        String url = text.trim();
        if (!url.startsWith(PREFIX)) {
            throw invalid(text, "postgresql url " + masked(url) + " is not a PostgreSQL JDBC URL: " + wrongPrefix(url) + "; write " + FORM);
        }
        if (authority(url).contains("@")) {
            throw invalid(text, "postgresql url " + masked(url) + " puts user info before the host, which pgjdbc does not read;"
                    + " set the user and password options (or ?user=...&password=... parameters)");
        }
        // pgjdbc answers null, without a reason, for a missing '/' after the hosts, a port that is not
        // a number in 1-65535, and the like.
        Properties read = Driver.parseURL(url, null);
        if (read == null) {
            throw invalid(text, "postgresql url " + masked(url) + " is not valid (each host needs a port in 1-65535"
                    + " or none, and a '/' must follow the hosts); write " + FORM);
        }
        List<String> hosts = hosts(read.getProperty("PGHOST", ""), read.getProperty("PGPORT", ""));
        if (hosts.isEmpty()) {
            throw invalid(text, "postgresql url " + masked(url) + " names no host; write " + FORM);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : read.stringPropertyNames()) {
            if (!ADDRESS_KEYS.contains(name)) {
                parameters.put(name, read.getProperty(name));
            }
        }
        String database = read.getProperty("PGDBNAME");
        int query = url.indexOf('?');
        return new PostgresUrl(query < 0 ? url : url.substring(0, query), hosts,
                database == null || database.isEmpty() ? null : database, parameters);
    }

    /** The URL's parameter {@code name}, or {@code null}. */
    String parameter(String name) {
        return parameters.get(name);
    }

    /** {@code host:port[,host:port...]/database}, for messages. */
    String address() {
        return String.join(",", hosts) + "/" + (database == null ? "" : database);
    }

    @Override
    public String toString() {
        // Parameters may hold a password: only their names are shown.
        return "PostgresUrl[" + address() + (parameters.isEmpty() ? "" : ", parameters=" + parameters.keySet()) + "]";
    }

    private static List<String> hosts(String hostList, String portList) {
        if (hostList.isBlank()) {
            return List.of();
        }
        String[] hosts = hostList.split(",", -1);
        String[] ports = portList.split(",", -1);
        if (Arrays.stream(hosts).anyMatch(String::isBlank)) {
            return List.of();
        }
        String[] joined = new String[hosts.length];
        for (int i = 0; i < hosts.length; i++) {
            joined[i] = hosts[i] + ":" + (i < ports.length && !ports[i].isBlank() ? ports[i] : "5432");
        }
        return List.of(joined);
    }

    /** The part between {@code //} and the next {@code /}, {@code ?} or the end. */
    private static String authority(String url) {
        int start = url.indexOf("//");
        if (start < 0) {
            return "";
        }
        int end = start + 2;
        while (end < url.length() && url.charAt(end) != '/' && url.charAt(end) != '?') {
            end++;
        }
        return url.substring(start + 2, end);
    }

    private static String wrongPrefix(String url) {
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            return "it is a libpq connection URI, which pgjdbc does not read";
        }
        if (url.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return "the scheme must be written in lower case";
        }
        if (url.startsWith("jdbc:")) {
            int colon = url.indexOf(':', 5);
            return "it is for another driver (" + (colon < 0 ? url : url.substring(0, colon + 1)) + ")";
        }
        return "it does not start with " + PREFIX + "//";
    }

    /**
     * {@code text} with everything between {@code ://} and the last {@code @} of the authority masked
     * except a user name before a colon, and every {@code password=} parameter masked. Stricter than
     * {@link Secrets#mask} alone, because a malformed URL may hold a password with characters no
     * pattern for well-formed ones expects.
     */
    static String masked(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        int start = text.indexOf("//");
        String authority = authority(text);
        int at = authority.lastIndexOf('@');
        if (start >= 0 && at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? "" : userInfo.substring(0, colon) + ":";
            result = text.substring(0, start + 2) + user + Secrets.MASK + text.substring(start + 2 + at);
        }
        return Secrets.mask(result);
    }

    private static InvalidConfigException invalid(String text, String message) {
        return new InvalidConfigException("url", masked(text), message);
    }
}
