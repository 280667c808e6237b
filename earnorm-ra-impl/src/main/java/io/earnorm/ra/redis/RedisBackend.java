package io.earnorm.ra.redis;

import io.earnorm.ra.backend.Causes;
import io.earnorm.ra.backend.NetworkErrors;
import io.earnorm.ra.backend.TopologyProbe;
import io.earnorm.ra.pool.Backend;
import io.earnorm.ra.pool.FleetTag;
import io.earnorm.ra.pool.PeerCounter;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.BuilderFactory;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Opens, checks, resets and closes pooled Redis connections for the pool core, for each topology.
 *
 * <ul>
 * <li>Open: one server — connect, authenticate, select the database, set the client name, then
 *     {@code PING} (the driver ignores {@code NOAUTH} during its handshake, so only a command proves
 *     the credentials). Sentinel — ask the sentinels for the master, open a socket to it and check
 *     with {@code ROLE} that it is a master. Cluster — a lease on the pool's one cluster client,
 *     created at the first open (it learns the slot map from a seed), after a {@code PING} through
 *     it. A failure is a {@link RedisOpenException}.</li>
 * <li>Validate: {@code PING} (Sentinel: {@code ROLE}, which must say master) with the socket
 *     timeout set to the given bound for that one reply, so a server that stopped answering fails
 *     validation in time instead of hanging it.</li>
 * <li>Reset: undo what the borrower changed in the session ({@link RedisNodeSession#restore}); a
 *     connection that failed or cannot be restored throws, and the pool closes it. Cluster leases
 *     have no session state (the commands that would make some are refused).</li>
 * <li>Server unavailable: the socket could not be opened, no sentinel answered, no seed of a
 *     cluster answered, or the server did not answer the handshake; in a Sentinel pool also a
 *     {@code READONLY} reply (the master was demoted: the pool clears and asks the sentinels
 *     again). A broken socket, end of stream or read timeout on an established connection only
 *     retires that connection; an error reply never does.</li>
 * <li>Fleet budget (one server): connections named with {@code CLIENT SETNAME}, counted in
 *     {@code CLIENT LIST} ({@link RedisPeerCounter}).</li>
 * </ul>
 */
public final class RedisBackend implements Backend<RedisSession>, TopologyProbe<RedisSession> {

    public static final String TYPE = "redis";

    /** Attempts of one command in a cluster, across redirections and failed nodes. */
    static final int CLUSTER_ATTEMPTS = 10;

    private final RedisSettings settings;
    /** What connections open with: the settings' config, with the fleet's name once the pool joined one. */
    private volatile JedisClientConfig clientConfig;
    /** The name a returned connection is restored to: the configured one, or the fleet's. */
    private volatile String clientName;
    private final RedisSentinels sentinels;
    /** Sockets the cluster client may keep per node: one per lease, so that a borrower never waits inside the driver. */
    private final int socketsPerNode;
    private RedisClusterClient cluster;
    private RedisKeyPositions keyPositions;
    private boolean shutDown;

    /**
     * @param socketsPerNode for a cluster: the sockets its client may keep per node (the pool's maxSize)
     */
    public RedisBackend(RedisSettings settings, int socketsPerNode) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clientConfig = settings.clientConfig();
        this.clientName = settings.clientName();
        this.sentinels = settings.topology() instanceof RedisTopology.Sentinel s ? new RedisSentinels(s, settings) : null;
        this.socketsPerNode = socketsPerNode;
    }

    public RedisSettings settings() {
        return settings;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String describe() {
        return settings.describe();
    }

    @Override
    public RedisSession open() {
        if (settings.topology() instanceof RedisTopology.Cluster) {
            return openClusterLease();
        }
        if (sentinels == null) {
            return openNode(settings.hostAndPort(), false);
        }
        HostAndPort master = sentinels.master();
        try {
            RedisNodeSession session = openNode(master, true);
            String role = role(session.connection());
            if (!"master".equals(role)) {
                closeQuietly(session.connection());
                // Sentinel has not finished the failover yet: the pool pauses and asks again.
                throw RedisOpenException.of("the sentinels name " + master + " as master '" + masterName() + "', but it says it is a " + role
                        + "; a failover is under way", true);
            }
            return session;
        } catch (RedisOpenException e) {
            throw RedisOpenException.within("master '" + masterName() + "' at " + master + " (named by the sentinels)", e);
        }
    }

    private RedisNodeSession openNode(HostAndPort address, boolean mustBeMaster) {
        Connection connection;
        try {
            connection = new Connection(address, clientConfig);
        } catch (JedisException e) {
            throw RedisOpenException.of(e, settings);
        }
        try {
            connection.ping();
        } catch (JedisException e) {
            closeQuietly(connection);
            throw RedisOpenException.of(e, settings);
        }
        return new RedisNodeSession(connection, mustBeMaster);
    }

    private RedisClusterSession openClusterLease() {
        RedisClusterClient client = clusterClient();
        try {
            client.ping();
        } catch (JedisException e) {
            throw clusterOpenFailure(e);
        }
        return new RedisClusterSession(client, keyPositions, clusterRetryBudget());
    }

    /** The pool's one cluster client, created at the first open; a failed creation is tried again at the next. */
    private synchronized RedisClusterClient clusterClient() {
        if (shutDown) {
            throw new IllegalStateException("the pool's cluster client is shut down");
        }
        if (cluster == null) {
            RedisTopology.Cluster topology = (RedisTopology.Cluster) settings.topology();
            GenericObjectPoolConfig<Connection> sockets = new GenericObjectPoolConfig<>();
            sockets.setMaxTotal(socketsPerNode);
            sockets.setMaxIdle(socketsPerNode);
            sockets.setMinIdle(0);
            try {
                cluster = RedisClusterClient.builder()
                        .nodes(new HashSet<>(topology.seeds()))
                        .clientConfig(clientConfig)
                        .poolConfig(sockets)
                        // The driver's defaults give up within about one socketTimeout, sooner than a
                        // replica takes over; RedisClusterExecutor also tries again within the same budget.
                        .maxAttempts(CLUSTER_ATTEMPTS)
                        .maxTotalRetriesDuration(clusterRetryBudget())
                        .build();
            } catch (JedisException e) {
                throw clusterOpenFailure(e);
            }
            keyPositions = new RedisKeyPositions(cluster);
        }
        return cluster;
    }

    /** How long one command may keep trying while the cluster cannot serve its slot: five socket timeouts. */
    private Duration clusterRetryBudget() {
        return settings.socketTimeout().multipliedBy(5);
    }

    /**
     * The error of a cluster that could not be reached: a refusal one of the seeds gave (a wrong
     * password) if any, else "unreachable", which pauses the pool until a seed answers.
     */
    private RedisOpenException clusterOpenFailure(JedisException error) {
        for (Throwable t : Causes.chain(error)) {
            if (t instanceof JedisAccessControlException || t instanceof JedisDataException) {
                return RedisOpenException.of((JedisException) t, settings);
            }
            for (Throwable s : t.getSuppressed()) {
                if (s instanceof JedisAccessControlException || s instanceof JedisDataException) {
                    return RedisOpenException.of((JedisException) s, settings);
                }
            }
        }
        return RedisOpenException.of("no node of the cluster answered: " + settings.scrub(String.valueOf(error.getMessage())), true);
    }

    @Override
    public boolean validate(RedisSession session, Duration timeout) {
        if (session instanceof RedisClusterSession lease) {
            return "PONG".equals(lease.client().ping());
        }
        RedisNodeSession node = (RedisNodeSession) session;
        Connection connection = node.connection();
        if (connection.isBroken() || !connection.isConnected()) {
            return false;
        }
        connection.setSoTimeout(boundMillis(timeout));
        try {
            return node.mustBeMaster() ? "master".equals(role(connection)) : connection.ping();
        } finally {
            if (!connection.isBroken()) {
                connection.setSoTimeout(settings.socketTimeoutMillis());
            }
        }
    }

    @Override
    public void reset(RedisSession session) {
        if (session instanceof RedisNodeSession node) {
            node.restore(settings.database(), clientName);
        }
    }

    @Override
    public void close(RedisSession session) {
        if (session instanceof RedisNodeSession node) {
            closeQuietly(node.connection());
        }
    }

    /**
     * One server only: names the pool's connections {@code tag.connectionName()} with
     * {@code CLIENT SETNAME} (in place of the configured name) and counts the fleet in
     * {@code CLIENT LIST}. A cluster spreads its connections over nodes and a Sentinel pool follows
     * a master that changes, so neither counts here: their pools keep to the static share.
     */
    @Override
    public PeerCounter joinFleet(FleetTag tag) {
        if (!(settings.topology() instanceof RedisTopology.Single)) {
            return null;
        }
        clientName = tag.connectionName();
        clientConfig = named(tag.connectionName()).clientConfig();
        return new RedisPeerCounter(settings.hostAndPort(), this::named);
    }

    private RedisSettings named(String name) {
        return new RedisSettings(settings.host(), settings.port(), settings.user(), settings.password(), settings.database(), name,
                settings.connectTimeout(), settings.socketTimeout(), settings.tls(), settings.topology());
    }

    /** Closes the cluster client, if one was created: the pool calls this when it closes. */
    @Override
    public void shutdown() {
        RedisClusterClient client;
        synchronized (this) {
            shutDown = true;
            client = cluster;
            cluster = null;
        }
        if (client != null) {
            client.close();
        }
    }

    @Override
    public boolean isServerUnavailable(Throwable error) {
        for (Throwable t : Causes.chain(error)) {
            if (t instanceof RedisOpenException open) {
                return open.serverUnreachable();
            }
        }
        if (sentinels != null && RedisSession.isReadOnlyReply(error)) {
            return true;
        }
        return NetworkErrors.isUnreachable(error);
    }

    @Override
    public String describeTopology(RedisSession session) {
        if (session instanceof RedisClusterSession lease) {
            List<String> masters = lease.client().getClusterNodes().keySet().stream().sorted().toList();
            return "Redis Cluster, nodes known to the client: " + String.join(", ", masters) + " (" + settings.describe() + ")";
        }
        Connection connection = ((RedisNodeSession) session).connection();
        String where = connection.getHostAndPort() + "/" + settings.database();
        if (sentinels != null) {
            return "master '" + masterName() + "' at " + where + " named by sentinels " + settings.describe();
        }
        return role(connection) + " " + where;
    }

    @Override
    public OptionalInt connectionLimit(RedisSession session) {
        Object reply;
        try {
            if (session instanceof RedisClusterSession lease) {
                reply = lease.client().executeCommand(new CommandObject<>(configGetMaxClients(), BuilderFactory.RAW_OBJECT));
            } else {
                reply = ((RedisNodeSession) session).connection().executeCommand(configGetMaxClients());
            }
        } catch (JedisDataException e) {
            // Hosted Redis often refuses or renames CONFIG: the limit is then unknown, which is no fault.
            return OptionalInt.empty();
        }
        if (reply instanceof List<?> pair && pair.size() == 2) {
            try {
                return OptionalInt.of(Integer.parseInt(text(pair.get(1))));
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    private static CommandArguments configGetMaxClients() {
        return new CommandArguments(Protocol.Command.CONFIG).add("GET").add("maxclients");
    }

    private String masterName() {
        return ((RedisTopology.Sentinel) settings.topology()).masterName();
    }

    /** {@code master}, {@code slave} or {@code sentinel}, as ROLE's first element says. */
    private static String role(Connection connection) {
        Object reply = connection.executeCommand(new CommandArguments(Protocol.Command.ROLE));
        return reply instanceof List<?> parts && !parts.isEmpty() ? text(parts.get(0)) : String.valueOf(reply);
    }

    private static String text(Object reply) {
        return reply instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(reply);
    }

    /** A socket timeout of zero would mean no bound at all. */
    private static int boundMillis(Duration timeout) {
        long millis = timeout.toMillis();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
    }

    private static void closeQuietly(Connection connection) {
        try {
            if (connection.isBroken()) {
                // Skip the flush a normal close does: a dead peer could block it.
                connection.forceDisconnect();
            } else {
                connection.close();
            }
        } catch (IOException | JedisException ignored) {
            // the socket is closed either way
        }
    }

    @Override
    public String toString() {
        return "RedisBackend[" + settings + "]";
    }
}
