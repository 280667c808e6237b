package io.earnorm.ra.testsupport;

import redis.clients.jedis.Jedis;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Redis Cluster of the test's own: three masters and three replicas, {@code redis-server}
 * processes on free loopback ports (each with a cluster bus port of its own, also free, as
 * {@code --cluster-port}), each in its own folder with its {@code nodes.conf} and log, joined by
 * {@code redis-cli --cluster create ... --cluster-replicas 1}. The node timeout is one second, so
 * that a replica takes over a killed master within a few seconds. Killed by PID at the end.
 *
 * <pre>{@code
 * try (RedisClusterHarness cluster = RedisClusterHarness.start()) {
 *     int master = cluster.masterPortForKey("k");
 *     cluster.kill(master);
 *     cluster.awaitFailover(master, Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class RedisClusterHarness implements AutoCloseable {

    private static final int NODES = 6;
    private static final int SEEDS = 3;
    private static final int SLOTS = 16384;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final RedisHarnessNode.Group group = new RedisHarnessNode.Group("earnorm-redis-cluster-");
    private final List<RedisHarnessNode> nodes = new ArrayList<>();
    /** The replicas a master had when {@link #kill} killed it: its heirs. */
    private final Map<Integer, List<Integer>> replicasAtKill = new ConcurrentHashMap<>();

    private RedisClusterHarness() {
    }

    /**
     * Starts six nodes, makes a cluster of them and returns once every node says
     * {@code cluster_state:ok}, knows the five others, and every master has its replica in sync.
     * On failure kills whatever it started and throws with the nodes' log tails.
     */
    public static RedisClusterHarness start() {
        return RedisHarnessNode.Group.start(new RedisClusterHarness(), RedisClusterHarness::boot);
    }

    private void boot() {
        for (int i = 0; i < NODES; i++) {
            nodes.add(group.launch("cluster-node" + i, true, (dir, port, bus) -> {
                List<String> args = new ArrayList<>(RedisHarnessNode.dataNodeArgs(dir, port));
                args.addAll(List.of("--cluster-enabled", "yes", "--cluster-config-file", dir.resolve("nodes.conf").toString(),
                        "--cluster-node-timeout", "1000", "--cluster-port", Integer.toString(bus)));
                return args;
            }));
        }
        createCluster();
        RedisHarnessNode.await(START_TIMEOUT, "the cluster to be ok with every master's replica in sync",
                () -> healthy() ? Optional.of(true) : Optional.empty(), this::diagnostics);
    }

    private void createCluster() {
        List<String> command = new ArrayList<>(List.of(redisCli(), "--cluster", "create"));
        for (RedisHarnessNode node : nodes) {
            command.add(RedisHarnessNode.HOST + ":" + node.port());
        }
        command.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
        Path output = nodes.get(0).dir().resolveSibling("cluster-create.log");
        try {
            Process cli = new ProcessBuilder(command).directory(output.getParent().toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            boolean done;
            try {
                done = cli.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done = false;
            } finally {
                cli.destroyForcibly();
            }
            String said = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
            if (!done || cli.exitValue() != 0) {
                throw new IllegalStateException((done ? "redis-cli --cluster create failed (exit " + cli.exitValue() + ")"
                        : "redis-cli --cluster create did not finish") + ": " + command + "\n" + said + "\n" + group.logTails(15));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command, e);
        }
    }

    /** Every node ok and knowing six healthy nodes; three masters with a replica online each; three replicas linked. */
    private boolean healthy() {
        int masters = 0;
        int replicas = 0;
        for (RedisHarnessNode node : nodes) {
            Optional<String> info = RedisHarnessNode.tryAsk(node.port(), Jedis::clusterInfo);
            if (info.isEmpty() || !info.get().contains("cluster_state:ok") || !info.get().contains("cluster_known_nodes:" + NODES)) {
                return false;
            }
            List<NodeLine> view = RedisHarnessNode.tryAsk(node.port(), Jedis::clusterNodes).map(NodeLine::parse).orElse(List.of());
            if (view.size() != NODES || view.stream().anyMatch(NodeLine::troubled)) {
                return false;
            }
            Map<String, String> replication = RedisHarnessNode.replication(node.port()).orElse(Map.of());
            if ("master".equals(replication.get("role"))) {
                if (!replication.getOrDefault("slave0", "").contains("state=online")) {
                    return false;
                }
                masters++;
            } else if ("slave".equals(replication.get("role"))) {
                if (!"up".equals(replication.get("master_link_status"))) {
                    return false;
                }
                replicas++;
            } else {
                return false;
            }
        }
        return masters == NODES / 2 && replicas == NODES / 2;
    }

    /** All six ports, in the order the nodes were started. */
    public List<Integer> ports() {
        return nodes.stream().map(RedisHarnessNode::port).toList();
    }

    /** {@code redis://127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3}: the first three nodes as seeds. */
    public String seedUri() {
        return "redis://" + ports().subList(0, SEEDS).stream().map(p -> RedisHarnessNode.HOST + ":" + p)
                .collect(Collectors.joining(","));
    }

    /** The port of the master that serves {@code key}'s slot, as a live node sees it (CLUSTER KEYSLOT, CLUSTER SLOTS). */
    public int masterPortForKey(String key) {
        int asked = anyLivePort();
        return RedisHarnessNode.ask(asked, j -> {
            long slot = j.clusterKeySlot(key);
            for (SlotRange range : SlotRange.parse(j.clusterSlots())) {
                if (range.start() <= slot && slot <= range.end()) {
                    return range.masterPort();
                }
            }
            throw new IllegalStateException("node " + asked + " knows no master for slot " + slot + " of key " + key
                    + "\n" + j.clusterNodes());
        });
    }

    /** The live nodes that say they are masters (INFO replication), in the order of {@link #ports()}. */
    public List<Integer> masterPorts() {
        return liveNodes().stream().map(RedisHarnessNode::port)
                .filter(p -> RedisHarnessNode.replication(p).map(r -> "master".equals(r.get("role"))).orElse(false))
                .toList();
    }

    /** A live node that says it is a replica of {@code masterPort} (INFO replication's master_port). */
    public int replicaPortOf(int masterPort) {
        List<Integer> replicas = liveReplicasOf(masterPort);
        if (replicas.isEmpty()) {
            throw new IllegalStateException("no live node replicates 127.0.0.1:" + masterPort + "\n" + diagnostics());
        }
        return replicas.get(0);
    }

    private List<Integer> liveReplicasOf(int masterPort) {
        return liveNodes().stream().map(RedisHarnessNode::port)
                .filter(p -> RedisHarnessNode.replication(p).map(r -> "slave".equals(r.get("role"))
                        && Integer.toString(masterPort).equals(r.get("master_port"))).orElse(false))
                .toList();
    }

    /** Kills that node by PID (SIGKILL) and waits until its port is closed. Remembers a master's replicas. */
    public void kill(int port) {
        RedisHarnessNode node = node(port);
        List<Integer> replicas = liveReplicasOf(port);
        if (!replicas.isEmpty()) {
            replicasAtKill.put(port, replicas);
        }
        node.kill();
    }

    /**
     * Waits until a live node that was a replica of the killed master {@code deadMasterPort} says
     * it is a master, every live node says {@code cluster_state:ok} and no live node maps a slot
     * to the dead port any more. Throws with every live node's CLUSTER NODES at the timeout.
     */
    public void awaitFailover(int deadMasterPort, Duration timeout) {
        node(deadMasterPort);
        RedisHarnessNode.await(timeout, "a replica of 127.0.0.1:" + deadMasterPort + " to take over",
                () -> failedOver(deadMasterPort) ? Optional.of(true) : Optional.empty(),
                () -> diagnostics() + group.logTails(15));
    }

    private boolean failedOver(int deadPort) {
        List<Integer> heirs = replicasAtKill.getOrDefault(deadPort, ports());
        boolean promoted = liveNodes().stream().map(RedisHarnessNode::port).filter(heirs::contains)
                .anyMatch(p -> RedisHarnessNode.replication(p).map(r -> "master".equals(r.get("role"))).orElse(false));
        if (!promoted) {
            return false;
        }
        for (RedisHarnessNode node : liveNodes()) {
            Optional<String> info = RedisHarnessNode.tryAsk(node.port(), Jedis::clusterInfo);
            if (info.isEmpty() || !info.get().contains("cluster_state:ok")) {
                return false;
            }
            Optional<List<SlotRange>> slots = RedisHarnessNode.tryAsk(node.port(), j -> SlotRange.parse(j.clusterSlots()));
            if (slots.isEmpty() || slots.get().stream().anyMatch(r -> r.masterPort() == deadPort)
                    || slots.get().stream().mapToInt(r -> r.end() - r.start() + 1).sum() != SLOTS) {
                return false;
            }
        }
        return true;
    }

    /** Kills all six nodes by PID and deletes the folders. Idempotent. */
    @Override
    public void close() {
        group.close();
    }

    @Override
    public String toString() {
        return "RedisClusterHarness" + nodes;
    }

    private RedisHarnessNode node(int port) {
        return nodes.stream().filter(n -> n.port() == port).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node of this cluster on port " + port + "; ports: " + ports()));
    }

    private List<RedisHarnessNode> liveNodes() {
        return nodes.stream().filter(RedisHarnessNode::isAlive).toList();
    }

    private int anyLivePort() {
        return liveNodes().stream().map(RedisHarnessNode::port).findFirst()
                .orElseThrow(() -> new IllegalStateException("no node of the cluster runs"));
    }

    /** Each live node's CLUSTER INFO state and CLUSTER NODES, and which nodes are down. */
    private String diagnostics() {
        StringBuilder s = new StringBuilder();
        for (RedisHarnessNode node : nodes) {
            s.append("--- ").append(node).append('\n');
            if (node.isAlive()) {
                s.append(RedisHarnessNode.tryAsk(node.port(), j -> {
                    String state = RedisHarnessNode.infoFields(j.clusterInfo()).get("cluster_state");
                    return "cluster_state:" + state + ", role:" + RedisHarnessNode.infoFields(j.info("replication")).get("role")
                            + "\n" + j.clusterNodes();
                }).orElse("(does not answer)\n"));
            }
        }
        return s.toString();
    }

    /** {@code redis-cli} next to the {@code redis-server} the nodes run, else on the PATH. */
    private static String redisCli() {
        File server = new File(RedisServerProcess.redisServerBinary());
        File sibling = new File(server.getParentFile(), "redis-cli");
        return sibling.canExecute() ? sibling.getPath() : "redis-cli";
    }

    /**
     * Whether a cluster can be made here: it takes {@code redis-cli}, which the embedded Redis the
     * other tests fall back on does not bring. Tests use it to skip with that reason instead of failing.
     */
    public static boolean canStart() {
        if (new File(redisCli()).canExecute()) {
            return true;
        }
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(File.pathSeparator)).anyMatch(dir -> new File(dir, "redis-cli").canExecute());
    }

    /** Why {@link #canStart()} is false, for the skip message. */
    public static final String NEEDS = "a Redis Cluster needs redis-server and redis-cli on the PATH (Debian: apt-get install redis-server redis-tools; .ci/prepare-machine does)";

    /** What {@link #healthy()} reads of one line of CLUSTER NODES: {@code <id> <addr> <flags> <master> <ping> <pong> <epoch> <link> <slots...>}. */
    private record NodeLine(String flags, String link) {

        static List<NodeLine> parse(String clusterNodes) {
            List<NodeLine> lines = new ArrayList<>();
            for (String line : clusterNodes.split("\r?\n")) {
                String[] f = line.trim().split(" ");
                if (f.length >= 8) {
                    lines.add(new NodeLine(f[2], f[7]));
                }
            }
            return lines;
        }

        boolean troubled() {
            return flags.contains("fail") || flags.contains("handshake") || flags.contains("noaddr") || !"connected".equals(link);
        }
    }

    /** One entry of CLUSTER SLOTS: a slot range and its master's port. */
    private record SlotRange(int start, int end, int masterPort) {

        static List<SlotRange> parse(List<Object> clusterSlots) {
            List<SlotRange> ranges = new ArrayList<>();
            for (Object entry : clusterSlots) {
                List<?> e = (List<?>) entry;
                List<?> master = (List<?>) e.get(2);
                ranges.add(new SlotRange(number(e.get(0)), number(e.get(1)), number(master.get(1))));
            }
            return ranges;
        }

        private static int number(Object o) {
            if (o instanceof Number n) {
                return n.intValue();
            }
            return Integer.parseInt(o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : o.toString());
        }
    }
}
