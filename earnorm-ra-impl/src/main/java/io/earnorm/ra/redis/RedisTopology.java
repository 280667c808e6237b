package io.earnorm.ra.redis;

import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.backend.PasswordSource;
import io.earnorm.ra.backend.Secrets;
import redis.clients.jedis.HostAndPort;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a pool reaches Redis: the one server its uri names, a Redis Cluster seeded by the uri's
 * hosts, or the master that a set of Sentinels names.
 */
public sealed interface RedisTopology {

    /** One server, the uri's host and port. */
    record Single() implements RedisTopology {
        @Override
        public String toString() {
            return "single server";
        }
    }

    /**
     * A Redis Cluster, reached through the driver's cluster client, which learns the slot map from
     * any seed and follows MOVED, ASK and failovers.
     *
     * @param seeds nodes to learn the cluster from (any live one will do)
     */
    record Cluster(List<HostAndPort> seeds) implements RedisTopology {
        public Cluster {
            seeds = List.copyOf(seeds);
        }

        @Override
        public String toString() {
            return "cluster seeded by " + seeds.stream().map(HostAndPort::toString).collect(Collectors.joining(","));
        }
    }

    /**
     * The master that Redis Sentinel names: asked of the sentinels whenever a connection opens, and
     * checked ({@code ROLE}) whenever one is validated, so connections to a demoted master retire.
     *
     * @param sentinels        the sentinels, asked in order until one answers
     * @param masterName       the name the sentinels monitor the master under
     * @param sentinelPassword the sentinels' own password ({@code requirepass} in sentinel.conf), or {@code null}
     */
    record Sentinel(List<HostAndPort> sentinels, String masterName, String sentinelPassword) implements RedisTopology {
        public Sentinel {
            sentinels = List.copyOf(sentinels);
        }

        @Override
        public String toString() {
            return "master '" + masterName + "' of sentinels " + sentinels.stream().map(HostAndPort::toString).collect(Collectors.joining(","))
                    + (sentinelPassword == null ? "" : " (sentinelPassword=" + Secrets.MASK + ")");
        }
    }

    /**
     * What the options ask for, beside the uri.
     *
     * @param cluster          {@code true} for a cluster even with one seed host (several hosts in the uri mean a cluster anyway)
     * @param sentinels        {@code host:port,host:port,...} of the sentinels, or {@code null}
     * @param masterName       the master's name at the sentinels, or {@code null}
     * @param sentinelPassword the sentinels' password (or {@code ${ENV=...}} / {@code ${FILE=...}}), or {@code null}
     */
    record Options(boolean cluster, String sentinels, String masterName, String sentinelPassword) {

        /** One server. */
        public static final Options NONE = new Options(false, null, null, null);

        @Override
        public String toString() {
            return "Options[cluster=" + cluster + ", sentinels=" + sentinels + ", masterName=" + masterName
                    + (sentinelPassword == null ? "" : ", sentinelPassword=" + Secrets.MASK) + "]";
        }
    }

    /**
     * The topology of {@code uri} and {@code options}, checked.
     *
     * @throws InvalidConfigException naming the option, for a missing or contradicting setting
     */
    static RedisTopology of(RedisUri uri, Options options, int database) {
        boolean sentinel = options.sentinels() != null && !options.sentinels().isBlank();
        boolean named = options.masterName() != null && !options.masterName().isBlank();
        if (sentinel || named) {
            if (!named) {
                throw new InvalidConfigException("masterName", options.masterName(),
                        "masterName must be set with sentinels: the name the sentinels monitor the master under (sentinel monitor <masterName> ...)");
            }
            if (!sentinel) {
                throw new InvalidConfigException("sentinels", options.sentinels(),
                        "sentinels must be set with masterName: host:port of each sentinel, separated by commas");
            }
            if (options.cluster() || uri.hosts().size() > 1) {
                throw new InvalidConfigException("sentinels", options.sentinels(),
                        "sentinels cannot be combined with a cluster (cluster=true or several hosts in uri): Sentinel watches a single master");
            }
            return new Sentinel(addresses("sentinels", options.sentinels()), options.masterName().trim(),
                    PasswordSource.resolve("sentinelPassword", options.sentinelPassword()));
        }
        if (options.sentinelPassword() != null) {
            throw new InvalidConfigException("sentinelPassword", Secrets.MASK, "sentinelPassword is only used with sentinels and masterName");
        }
        if (options.cluster() || uri.hosts().size() > 1) {
            if (database != 0) {
                throw new InvalidConfigException("database", database, "a Redis Cluster has database 0 only (database=" + database + ")");
            }
            return new Cluster(uri.hosts());
        }
        return new Single();
    }

    /** Reads {@code host:port,host:port}; the port is required, as sentinels rarely listen on 6379. */
    private static List<HostAndPort> addresses(String option, String text) {
        List<HostAndPort> result = new ArrayList<>();
        for (String part : text.split(",")) {
            String item = part.trim();
            int colon = item.lastIndexOf(':');
            String host = colon <= 0 ? "" : item.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            String port = colon < 0 ? "" : item.substring(colon + 1);
            if (host.isEmpty() || port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                throw new InvalidConfigException(option, text, option + " must be host:port of each sentinel, separated by commas ('"
                        + item + "' is not; " + option + "=" + text + ")");
            }
            result.add(new HostAndPort(host, Integer.parseInt(port)));
        }
        return result;
    }
}
