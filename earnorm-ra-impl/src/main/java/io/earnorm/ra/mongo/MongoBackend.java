package io.earnorm.ra.mongo;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.ServerAddress;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ClusterType;
import com.mongodb.connection.ServerDescription;
import com.mongodb.connection.ServerType;
import io.earnorm.ra.backend.Causes;
import io.earnorm.ra.backend.TopologyProbe;
import io.earnorm.ra.pool.Backend;
import io.earnorm.ra.pool.FleetTag;
import io.earnorm.ra.pool.PeerCounter;
import io.earnorm.ra.pool.PoolConfig;
import org.bson.Document;

import javax.net.ssl.SSLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Opens, validates and closes {@link MongoSlot}s for the pool core, all on one shared
 * {@code MongoClient} per pool, made on the first open and closed after {@link #shutdown()}.
 *
 * <ul>
 * <li>Open: {@code {ping: 1}} on the configured database, bounded by the pool's
 *     {@code validationTimeout}, so that an unreachable server or wrong credentials fail there.
 *     A failure is a {@link MongoOpenException}.</li>
 * <li>Validate: {@code {ping: 1}} under the driver's client-side operation timeout set to the given
 *     bound; it covers server selection, checking a socket out and waiting for the reply, so a
 *     server that stopped answering fails validation in time.</li>
 * <li>Reset: nothing to do; a slot holds no session state (a slot given back with a
 *     {@link MongoTransaction} still open is refused, and so closed). Close: only counts, since a
 *     slot holds no socket, and ends a transaction still bound to it; the client closes after
 *     {@link #shutdown()} once no slot is open.</li>
 * <li>Server unavailable: see {@link MongoErrors#isServerUnavailable}.</li>
 * </ul>
 */
public final class MongoBackend implements Backend<MongoSlot>, TopologyProbe<MongoSlot> {

    public static final String TYPE = "mongodb";

    private static final Document PING = new Document("ping", 1);
    /** Only the connections section: the rest of serverStatus is large and not needed. */
    private static final Document SERVER_STATUS = new Document("serverStatus", 1).append("repl", 0).append("metrics", 0)
            .append("locks", 0).append("wiredTiger", 0).append("tcmalloc", 0).append("transactions", 0);

    private final MongoSettings settings;
    /** Set once more by {@link #joinFleet}, before the first open makes the client. */
    private volatile MongoClientSettings clientSettings;
    private final Duration openTimeout;

    private final Object lock = new Object();
    private MongoClient client; // guarded by lock
    private MongoDatabase database; // guarded by lock; every slot shares it
    private boolean shutDown; // guarded by lock
    private int openSlots; // guarded by lock

    /** Checks nothing further and opens nothing: the client is made by the first {@link #open()}. */
    public MongoBackend(MongoSettings settings, PoolConfig pool) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clientSettings = settings.clientSettings(pool);
        this.openTimeout = pool.validationTimeout();
    }

    public MongoSettings settings() {
        return settings;
    }

    /** The driver's settings the shared client is made with (pool sizes and timeouts derived from the pool's). */
    public MongoClientSettings clientSettings() {
        return clientSettings;
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
    public MongoSlot open() {
        MongoDatabase db;
        try {
            db = database();
            if (!serverAnswering() && settings.directlyReachable()) {
                HostReachability.requireOneAccepting(knownHosts(), openTimeout);
            }
            ping(db, openTimeout);
        } catch (IllegalStateException closed) {
            throw closed;
        } catch (RuntimeException e) {
            throw MongoOpenException.of(e, settings, openTimeout, tlsFailure());
        }
        synchronized (lock) {
            openSlots++;
        }
        return new MongoSlot(db, this);
    }

    @Override
    public boolean validate(MongoSlot slot, Duration timeout) {
        ping(slot.database(), timeout);
        return true;
    }

    @Override
    public void reset(MongoSlot slot) {
        if (slot.transaction() != null) {
            throw new IllegalStateException("the borrower left a mongodb transaction open; the slot is closed, which aborts it");
        }
    }

    @Override
    public void close(MongoSlot slot) {
        MongoTransaction open = slot.transaction();
        if (open != null) {
            open.abandon();
        }
        // A slot owns no socket; the last one closed after shutdown closes the shared client.
        MongoClient toClose = null;
        synchronized (lock) {
            openSlots--;
            if (shutDown && openSlots == 0) {
                toClose = takeClient();
            }
        }
        if (toClose != null) {
            toClose.close();
        }
    }

    @Override
    public boolean isServerUnavailable(Throwable error) {
        return MongoErrors.isServerUnavailable(error, this::serverAnswering);
    }

    /**
     * Called when the pool closes: later opens fail, and the shared client with its sockets closes
     * now when no slot is open, else when the last borrowed one comes back and is closed, so that
     * a pool's close never pulls the client from under a borrower.
     */
    @Override
    public void shutdown() {
        MongoClient toClose = null;
        synchronized (lock) {
            shutDown = true;
            if (openSlots == 0) {
                toClose = takeClient();
            }
        }
        if (toClose != null) {
            toClose.close();
        }
    }

    /**
     * A new client session for a transaction on the shared client.
     *
     * @throws UnsupportedOperationException when the server is standalone: MongoDB runs transactions
     *                                       only on a replica set or a sharded cluster
     * @throws IllegalStateException         when the client was closed with its pool
     */
    ClientSession startTransactionSession() {
        MongoClient c;
        synchronized (lock) {
            c = client;
        }
        if (c == null) {
            throw new IllegalStateException("the mongodb client for " + describe() + " was closed with its pool");
        }
        ClusterType type = c.getClusterDescription().getType();
        if (type == ClusterType.STANDALONE) {
            throw new UnsupportedOperationException("mongodb transactions need a replica set or a sharded cluster, and the server at "
                    + describe() + " is a standalone server; run mongod as a replica set (a single-node one will do: --replSet rs0, then rs.initiate())");
        }
        return c.startSession();
    }

    /**
     * What the driver's monitor found, without a round trip of its own: {@code replica set rs0:
     * 127.0.0.1:27017 primary, 127.0.0.1:27018 secondary; readPreference=secondaryPreferred}. The
     * URI's {@code mongodb+srv://} hosts appear as the servers DNS named.
     */
    @Override
    public String describeTopology(MongoSlot slot) {
        MongoClient c;
        synchronized (lock) {
            c = client;
        }
        if (c == null) {
            return describe();
        }
        ClusterDescription cluster = c.getClusterDescription();
        String setName = cluster.getServerDescriptions().stream().map(ServerDescription::getSetName).filter(Objects::nonNull)
                .findFirst().map(name -> " " + name).orElse("");
        String servers = cluster.getServerDescriptions().stream().filter(ServerDescription::isOk)
                .map(server -> server.getAddress() + " " + serverRole(server.getType()))
                .collect(Collectors.joining(", "));
        String kind = switch (cluster.getType()) {
            case REPLICA_SET -> "replica set" + setName;
            case SHARDED -> "sharded cluster";
            case LOAD_BALANCED -> "load balancer";
            case STANDALONE -> "standalone server";
            default -> "unknown topology";
        };
        String concerns = settings.concerns().describe();
        return kind + ": " + (servers.isEmpty() ? "no server answering yet" : servers) + " (" + describe() + ")"
                + (concerns.isEmpty() ? "" : "; " + concerns);
    }

    /**
     * What {@code serverStatus} reports as {@code connections.current + connections.available}
     * (the server's incoming-connection limit, {@code net.maxIncomingConnections} or the process's
     * file limit). The command needs the {@code serverStatus} privilege (the {@code clusterMonitor}
     * role) where authentication is on: without it, or on a server that does not answer it, the
     * limit is unknown and the report stays quiet.
     */
    @Override
    public OptionalInt connectionLimit(MongoSlot slot) {
        Document status;
        try {
            status = slot.database().withTimeout(Math.max(1, openTimeout.toMillis()), TimeUnit.MILLISECONDS)
                    .runCommand(SERVER_STATUS);
        } catch (MongoCommandException refused) {
            return OptionalInt.empty();
        }
        if (status.get("connections") instanceof Document connections
                && connections.get("current") instanceof Number current && connections.get("available") instanceof Number available) {
            return OptionalInt.of((int) Math.min(Integer.MAX_VALUE, current.longValue() + available.longValue()));
        }
        return OptionalInt.empty();
    }

    private static String serverRole(ServerType type) {
        return switch (type) {
            case REPLICA_SET_PRIMARY -> "primary";
            case REPLICA_SET_SECONDARY -> "secondary";
            case REPLICA_SET_ARBITER -> "arbiter";
            case SHARD_ROUTER -> "mongos";
            case STANDALONE -> "standalone";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }

    /**
     * The TLS error the driver's monitor last saw on a server, or {@code null}. Server selection
     * reports a refused certificate only as text inside a timeout; the monitor keeps the exception.
     */
    private SSLException tlsFailure() {
        MongoClient c;
        synchronized (lock) {
            c = client;
        }
        if (c == null || !settings.tls().enabled()) {
            return null;
        }
        for (ServerDescription server : c.getClusterDescription().getServerDescriptions()) {
            for (Throwable t : Causes.chain(server.getException())) {
                if (t instanceof SSLException ssl) {
                    return ssl;
                }
            }
        }
        return null;
    }

    /** True once the shared client has been closed (or was never made) after {@link #shutdown()}. */
    public boolean isShutDown() {
        synchronized (lock) {
            return shutDown && client == null;
        }
    }

    private MongoClient takeClient() {
        MongoClient c = client;
        client = null;
        database = null;
        return c;
    }

    /** Throws unless the server answers {@code ping} within {@code timeout}. */
    private static void ping(MongoDatabase database, Duration timeout) {
        database.withTimeout(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS).runCommand(PING);
    }

    /**
     * Names the pool's client {@code tag.connectionName()} in {@code appName} (in place of the
     * URI's), which the server shows for every socket of the client, and counts the fleet with
     * {@code $currentOp} ({@link MongoPeerCounter}).
     */
    @Override
    public PeerCounter joinFleet(FleetTag tag) {
        MongoClientSettings configured = clientSettings;
        clientSettings = MongoClientSettings.builder(configured).applicationName(tag.connectionName()).build();
        return new MongoPeerCounter(configured);
    }

    /** The configured database on the shared client, which is made on the first call. */
    private MongoDatabase database() {
        synchronized (lock) {
            if (shutDown) {
                throw new IllegalStateException("the mongodb client for " + describe() + " was closed with its pool");
            }
            if (client == null) {
                client = MongoClients.create(clientSettings);
                database = client.getDatabase(settings.database());
            }
            return database;
        }
    }

    /** True when the driver's monitor currently reaches some server of the cluster. */
    /** The servers the driver knows of (the seeds, or what a replica set or DNS told it), else the URI's hosts. */
    private List<ServerAddress> knownHosts() {
        MongoClient c;
        synchronized (lock) {
            c = client;
        }
        List<ServerAddress> known = c == null ? List.of()
                : c.getClusterDescription().getServerDescriptions().stream().map(ServerDescription::getAddress).toList();
        return known.isEmpty() ? settings.seedAddresses() : known;
    }

    private boolean serverAnswering() {
        MongoClient c;
        synchronized (lock) {
            c = client;
        }
        return c != null && c.getClusterDescription().getServerDescriptions().stream().anyMatch(ServerDescription::isOk);
    }

    @Override
    public String toString() {
        return "MongoBackend[" + settings + "]";
    }
}
