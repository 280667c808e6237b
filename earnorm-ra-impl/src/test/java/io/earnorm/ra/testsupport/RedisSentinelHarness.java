package io.earnorm.ra.testsupport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A Redis Sentinel set of the test's own: a master, a replica of it ({@code --replicaof}) and
 * three sentinels ({@code redis-server <sentinel.conf> --sentinel}, quorum 2, down after one
 * second, failover timeout five seconds), all {@code redis-server} processes on free loopback
 * ports, each in its own folder with its log (a sentinel's folder also holds the config file it
 * rewrites). Killed by PID at the end.
 *
 * <pre>{@code
 * try (RedisSentinelHarness set = RedisSentinelHarness.start("mymaster")) {
 *     int old = set.masterPort();
 *     set.killMaster();
 *     int promoted = set.awaitFailover(old, Duration.ofSeconds(30));
 *     set.restart(old);
 *     set.awaitRole(old, "slave", Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class RedisSentinelHarness implements AutoCloseable {

    private static final int QUORUM = 2;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final String masterName;
    private final RedisHarnessNode.Group group = new RedisHarnessNode.Group("earnorm-redis-sentinel-");
    private final List<RedisHarnessNode> data = new ArrayList<>();
    private final List<RedisHarnessNode> sentinels = new ArrayList<>();

    private RedisSentinelHarness(String masterName) {
        this.masterName = masterName;
    }

    /**
     * Starts the master, its replica and three sentinels watching {@code masterName}; returns once
     * every sentinel names the master and knows the replica and the two other sentinels. On
     * failure kills whatever it started and throws with the logs' tails.
     */
    public static RedisSentinelHarness start(String masterName) {
        Objects.requireNonNull(masterName, "masterName");
        return RedisHarnessNode.Group.start(new RedisSentinelHarness(masterName), RedisSentinelHarness::boot);
    }

    private void boot() {
        RedisHarnessNode master = group.launch("data0", false, (dir, port, bus) -> RedisHarnessNode.dataNodeArgs(dir, port));
        data.add(master);
        data.add(group.launch("data1", false, (dir, port, bus) -> {
            List<String> args = new ArrayList<>(RedisHarnessNode.dataNodeArgs(dir, port));
            args.addAll(List.of("--replicaof", RedisHarnessNode.HOST, Integer.toString(master.port())));
            return args;
        }));
        int replica = data.get(1).port();
        RedisHarnessNode.await(START_TIMEOUT, "the replica " + replica + " to sync with the master " + master.port(),
                () -> RedisHarnessNode.replication(replica).filter(r -> "up".equals(r.get("master_link_status"))),
                () -> group.logTails(20));
        for (int i = 0; i < 3; i++) {
            sentinels.add(group.launch("sentinel" + i, false, (dir, port, bus) -> {
                Path conf = dir.resolve("sentinel.conf");
                Files.writeString(conf, String.join("\n",
                        "port " + port,
                        "bind " + RedisHarnessNode.HOST,
                        "dir " + dir,
                        "sentinel monitor " + masterName + " " + RedisHarnessNode.HOST + " " + master.port() + " " + QUORUM,
                        "sentinel down-after-milliseconds " + masterName + " 2000",
                        "sentinel failover-timeout " + masterName + " 5000",
                        "sentinel parallel-syncs " + masterName + " 1",
                        ""), StandardCharsets.UTF_8);
                return List.of(conf.toString(), "--sentinel");
            }));
        }
        RedisHarnessNode.await(START_TIMEOUT, "every sentinel to know the master, its replica and the other sentinels",
                () -> sentinels.stream().allMatch(s -> ready(s.port(), master.port(), replica)) ? Optional.of(true) : Optional.empty(),
                () -> sentinelViews() + group.logTails(20));
    }

    private boolean ready(int sentinel, int master, int replica) {
        return RedisHarnessNode.tryAsk(sentinel, j -> {
            List<String> addr = j.sentinelGetMasterAddrByName(masterName);
            boolean knowsMaster = addr != null && List.of(RedisHarnessNode.HOST, Integer.toString(master)).equals(addr);
            boolean knowsReplica = j.sentinelReplicas(masterName).stream().anyMatch(r -> Integer.toString(replica).equals(r.get("port"))
                    && !r.getOrDefault("flags", "").contains("down") && !r.getOrDefault("flags", "").contains("disconnected"));
            boolean knowsSentinels = j.sentinelSentinels(masterName).size() >= sentinels.size() - 1;
            return knowsMaster && knowsReplica && knowsSentinels;
        }).orElse(false);
    }

    public String masterName() {
        return masterName;
    }

    /** {@code 127.0.0.1:s1,127.0.0.1:s2,127.0.0.1:s3}. */
    public String sentinels() {
        return sentinelPorts().stream().map(p -> RedisHarnessNode.HOST + ":" + p).collect(Collectors.joining(","));
    }

    public List<Integer> sentinelPorts() {
        return sentinels.stream().map(RedisHarnessNode::port).toList();
    }

    /** The two data nodes' ports: the first master's, then the first replica's. */
    public List<Integer> dataPorts() {
        return data.stream().map(RedisHarnessNode::port).toList();
    }

    /** The master's port as most answering sentinels name it (SENTINEL GET-MASTER-ADDR-BY-NAME). */
    public int masterPort() {
        Map<Integer, Integer> votes = masterVotes();
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElseThrow(() -> new IllegalStateException("no sentinel names a master for " + masterName + "\n" + sentinelViews()));
    }

    /** How many answering sentinels name each port as the master. */
    private Map<Integer, Integer> masterVotes() {
        Map<Integer, Integer> votes = new LinkedHashMap<>();
        for (RedisHarnessNode sentinel : sentinels) {
            if (sentinel.isAlive()) {
                RedisHarnessNode.tryAsk(sentinel.port(), j -> j.sentinelGetMasterAddrByName(masterName))
                        .filter(addr -> addr.size() == 2)
                        .ifPresent(addr -> votes.merge(Integer.parseInt(addr.get(1)), 1, Integer::sum));
            }
        }
        return votes;
    }

    /** Kills the data node the sentinels name as master, by PID, and waits until its port is closed. */
    public void killMaster() {
        dataNode(masterPort()).kill();
    }

    /**
     * Waits until a majority of the sentinels name a master other than {@code oldMasterPort} and
     * that node says {@code role:master}; returns its port.
     */
    public int awaitFailover(int oldMasterPort, Duration timeout) {
        return RedisHarnessNode.await(timeout, "the sentinels to promote a node other than 127.0.0.1:" + oldMasterPort, () -> {
            for (Map.Entry<Integer, Integer> vote : masterVotes().entrySet()) {
                int port = vote.getKey();
                if (port != oldMasterPort && vote.getValue() > sentinels.size() / 2 && hasRole(port, "master")) {
                    return Optional.of(port);
                }
            }
            return Optional.empty();
        }, () -> sentinelViews() + group.logTails(25));
    }

    /** Starts a killed data node again on its port, with its first arguments; the sentinels then make it a replica. */
    public void restart(int port) {
        dataNode(port).start();
    }

    /** Waits until the data node on {@code port} says {@code role} ({@code master} or {@code slave}) in INFO replication. */
    public void awaitRole(int port, String role, Duration timeout) {
        RedisHarnessNode node = dataNode(port);
        RedisHarnessNode.await(timeout, "127.0.0.1:" + port + " to say role:" + role,
                () -> hasRole(port, role) ? Optional.of(true) : Optional.empty(),
                () -> RedisHarnessNode.replication(port).map(r -> "INFO replication of " + port + ": " + r + "\n").orElse("")
                        + sentinelViews() + node.logTail(20) + sentinels.stream().map(s -> s.logTail(10)).collect(Collectors.joining()));
    }

    private static boolean hasRole(int port, String role) {
        String wanted = "replica".equals(role) ? "slave" : role;
        return RedisHarnessNode.replication(port).map(r -> wanted.equals(r.get("role"))).orElse(false);
    }

    /** Kills the five processes by PID and deletes the folders. Idempotent. */
    @Override
    public void close() {
        group.close();
    }

    @Override
    public String toString() {
        return "RedisSentinelHarness[" + masterName + ", data " + data + ", sentinels " + sentinels + "]";
    }

    private RedisHarnessNode dataNode(int port) {
        return data.stream().filter(n -> n.port() == port).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no data node on port " + port + "; data ports: " + dataPorts()));
    }

    /** What each sentinel says of the master, its replicas and the other sentinels. */
    private String sentinelViews() {
        StringBuilder s = new StringBuilder();
        for (RedisHarnessNode sentinel : sentinels) {
            s.append("--- ").append(sentinel).append(": ");
            s.append(sentinel.isAlive() ? RedisHarnessNode.tryAsk(sentinel.port(), j -> "master " + j.sentinelGetMasterAddrByName(masterName)
                    + ", replicas " + j.sentinelReplicas(masterName).stream().map(r -> r.get("port") + "(" + r.get("flags") + ")").toList()
                    + ", other sentinels " + j.sentinelSentinels(masterName).stream().map(r -> r.get("port")).toList())
                    .orElse("(does not answer)") : "");
            s.append('\n');
        }
        for (RedisHarnessNode node : data) {
            s.append("--- ").append(node).append(": ")
                    .append(RedisHarnessNode.replication(node.port()).map(r -> "role:" + r.get("role")
                            + ("slave".equals(r.get("role")) ? " of " + r.get("master_port") + " link " + r.get("master_link_status") : "")
                            + ", connected_slaves:" + r.get("connected_slaves")).orElse("(does not answer)"))
                    .append('\n');
        }
        return s.toString();
    }
}
