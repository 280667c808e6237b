package io.earnorm.ra.backend;

import io.earnorm.ra.pool.Backend;
import io.earnorm.ra.pool.PoolConfig;

import java.lang.System.Logger.Level;
import java.util.OptionalInt;

/**
 * The line a pool logs when it starts: what it connected to, and a warning when its maxSize times
 * the number of application instances that share the server (a setting the user declares, default
 * 1) is more than the server accepts, so that the outage this would cause under load is found on
 * the first day instead.
 */
public final class StartupReport {

    private static final System.Logger LOG = System.getLogger(StartupReport.class.getName());

    private StartupReport() {
    }

    /** What the report found; {@code limit} is empty when the server does not say. */
    public record Findings(String topology, OptionalInt limit, int wanted, boolean overLimit) {
    }

    /**
     * As {@link #run(String, Backend, Object, int, int)} for a pool's options. A pool with a fleet
     * budget holds at most fleetMaxSize connections with all its instances, plus one counting
     * connection per instance, whatever its maxSize: that is what is compared with the limit.
     */
    public static <C> Findings run(String poolName, Backend<C> backend, C connection, PoolConfig config) {
        if (config.fleetMaxSize() == 0) {
            return run(poolName, backend, connection, config.maxSize(), config.instances());
        }
        int wanted = config.fleetMaxSize() + config.instances();
        return run(poolName, backend, connection, wanted, "fleetMaxSize " + config.fleetMaxSize() + " + " + config.instances()
                + " counting connection(s) (one per instance) = " + wanted, "lower fleetMaxSize or raise the server's limit");
    }

    /**
     * Probes through {@code connection} (borrowed by the caller) when the backend can, and logs.
     * Never throws: a pool must not fail to start because it could not describe itself.
     */
    public static <C> Findings run(String poolName, Backend<C> backend, C connection, int maxSize, int instances) {
        int wanted = maxSize * instances;
        return run(poolName, backend, connection, wanted, "maxSize " + maxSize + " x " + instances + " instance(s) = " + wanted,
                "lower maxSize or raise the server's limit (instances is the number of application instances sharing this server)");
    }

    private static <C> Findings run(String poolName, Backend<C> backend, C connection, int wanted, String wantedText, String advice) {
        if (!(backend instanceof TopologyProbe<?>)) {
            return new Findings(backend.type() + " at " + backend.describe(), OptionalInt.empty(), wanted, false);
        }
        @SuppressWarnings("unchecked")
        TopologyProbe<C> probe = (TopologyProbe<C>) backend;
        String topology;
        OptionalInt limit;
        try {
            topology = Secrets.mask(probe.describeTopology(connection));
            limit = probe.connectionLimit(connection);
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, () -> "pool '" + poolName + "' could not describe " + backend.type() + " at " + backend.describe() + ": " + Secrets.mask(String.valueOf(e.getMessage())));
            return new Findings(backend.type() + " at " + backend.describe(), OptionalInt.empty(), wanted, false);
        }
        boolean over = limit.isPresent() && wanted > limit.getAsInt();
        String topologyLine = topology;
        LOG.log(Level.INFO, () -> "pool '" + poolName + "' connected to " + topologyLine
                + (limit.isPresent() ? "; the server accepts " + limit.getAsInt() + " connections" : ""));
        if (over) {
            LOG.log(Level.WARNING, () -> "pool '" + poolName + "': " + wantedText + " connections, more than the " + limit.getAsInt() + " "
                    + backend.type() + " at " + backend.describe() + " accepts; " + advice);
        }
        return new Findings(topology, limit, wanted, over);
    }
}
