package io.earnorm.ra.redis;

import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.backend.Secrets;

import redis.clients.jedis.HostAndPort;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code redis://[user:password@]host[:port][,host[:port]...][/database]} URI says ({@code rediss://}: the same over TLS).
 * Parts it leaves out are {@code null} (port: 6379), so that separate options can fill them in. Several hosts are the seed
 * nodes of a Redis Cluster.
 *
 * @param host     the first host
 * @param port     the first host's port
 * @param user     the ACL user, or {@code null}
 * @param password the password, or {@code null}
 * @param database the database number, or {@code null}
 * @param hosts    every host, the first one included
 */
record RedisUri(String host, int port, String user, String password, Integer database, boolean tls, List<HostAndPort> hosts) {

    RedisUri(String host, int port, String user, String password, Integer database) {
        this(host, port, user, password, database, false);
    }

    RedisUri(String host, int port, String user, String password, Integer database, boolean tls) {
        this(host, port, user, password, database, tls, List.of(new HostAndPort(host, port)));
    }

    RedisUri {
        hosts = List.copyOf(hosts);
    }

    static final int DEFAULT_PORT = 6379;
    static final String FORM = "redis[s]://[user:password@]host[:port][,host[:port]...][/database]";

    @Override
    public String toString() {
        return "RedisUri[" + (user == null ? "" : user + "@") + host + ":" + port + (database == null ? "" : "/" + database)
                + (password == null ? "" : ", password=" + Secrets.MASK) + "]";
    }

    /**
     * Reads {@code text}.
     *
     * @throws InvalidConfigException naming the {@code uri} option and what is wrong, with any password masked
     */
    static RedisUri parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(text, "uri is empty; write " + FORM);
        }
        List<String> extraHosts = new ArrayList<>();
        String single = firstHostOnly(text.trim(), extraHosts);
        RedisUri first = parseSingle(text, single);
        if (extraHosts.isEmpty()) {
            return first;
        }
        List<HostAndPort> hosts = new ArrayList<>(first.hosts());
        for (String extra : extraHosts) {
            String scheme = single.substring(0, single.indexOf("://") + 3);
            RedisUri other = parseSingle(text, scheme + extra);
            hosts.add(new HostAndPort(other.host(), other.port()));
        }
        return new RedisUri(first.host(), first.port(), first.user(), first.password(), first.database(), first.tls(), hosts);
    }

    /**
     * {@code text} with only its first host, the others put in {@code extraHosts}: {@link URI} reads
     * no list of hosts, so the list is cut out of the authority before it parses the rest.
     */
    private static String firstHostOnly(String text, List<String> extraHosts) {
        int start = text.indexOf("://");
        if (start < 0) {
            return text;
        }
        int end = text.length();
        for (int i = start + 3; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        String authority = text.substring(start + 3, end);
        int at = authority.lastIndexOf('@');
        String hostList = authority.substring(at + 1);
        if (hostList.indexOf(',') < 0) {
            return text;
        }
        String[] parts = hostList.split(",", -1);
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].isBlank()) {
                throw invalid(text, "uri " + masked(text) + " has an empty host in its list of hosts; write " + FORM);
            }
            extraHosts.add(parts[i].trim());
        }
        return text.substring(0, start + 3) + authority.substring(0, at + 1) + parts[0].trim() + text.substring(end);
    }

    private static RedisUri parseSingle(String text, String single) {
        URI uri;
        try {
            uri = new URI(single);
        } catch (URISyntaxException e) {
            // The exception's own message repeats the whole text, password included: it is not kept.
            throw invalid(text, "uri is not a valid URI (" + e.getReason() + "): " + masked(text) + "; write " + FORM);
        }
        String scheme = uri.getScheme();
        boolean tls = "rediss".equalsIgnoreCase(scheme);
        if (!tls && !"redis".equalsIgnoreCase(scheme)) {
            throw invalid(text, "uri " + masked(text) + " must start with redis:// (or rediss:// for TLS); write " + FORM);
        }
        if (uri.getHost() == null) {
            throw invalid(text, "uri " + masked(text) + " has no valid host[:port]; write " + FORM);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(text, "uri " + masked(text) + " must not have a query or fragment; set user, password, database, clientName and timeouts as options");
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        if (port < 1 || port > 65535) {
            throw invalid(text, "uri " + masked(text) + " has port " + port + ", which is not between 1 and 65535");
        }
        String user = null;
        String password = null;
        String userInfo = uri.getUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                throw invalid(text, "uri " + masked(text) + " has user info without a colon; write user:password@ or :password@ (the default user)");
            }
            user = colon == 0 ? null : userInfo.substring(0, colon);
            password = userInfo.substring(colon + 1);
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new RedisUri(host, port, user, password, database(text, uri.getPath()), tls);
    }

    private static Integer database(String text, String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return null;
        }
        String number = path.substring(1);
        if (!number.chars().allMatch(Character::isDigit) || number.length() > 9) {
            throw invalid(text, "uri " + masked(text) + " has path " + path + "; the path can only be a database number such as /0");
        }
        return Integer.parseInt(number);
    }

    /**
     * {@code text} with everything between {@code ://} and the last {@code @} masked except a user
     * name before a colon, for messages. Stricter than {@link Secrets#mask}, because a malformed URI
     * may hold a password with characters no pattern for well-formed ones expects.
     */
    static String masked(String text) {
        int start = text.indexOf("://");
        int at = text.lastIndexOf('@');
        if (start < 0 || at < start) {
            return text;
        }
        String userInfo = text.substring(start + 3, at);
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? "" : userInfo.substring(0, colon) + ":";
        return text.substring(0, start + 3) + user + Secrets.MASK + text.substring(at);
    }

    private static InvalidConfigException invalid(String text, String message) {
        return new InvalidConfigException("uri", text == null ? null : masked(text), message);
    }
}
