package io.earnorm.ra.sample.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts a fleet's pooled connections on PostgreSQL itself ({@code pg_stat_activity}, the names
 * {@code ef/<pool>/<instance>/p}) every 50 ms on a thread of its own, and keeps the highest count.
 */
final class FleetCountSampler implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement count;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fleet-count-sampler");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger samples = new AtomicInteger();
    private final AtomicReference<SQLException> failure = new AtomicReference<>();

    private FleetCountSampler(Connection connection, String pool) throws SQLException {
        this.connection = connection;
        this.count = connection.prepareStatement("select count(*) from pg_stat_activity where application_name like ?");
        count.setString(1, "ef/" + pool + "/%/p");
    }

    static FleetCountSampler start(PostgresAddress postgres, String pool) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", postgres.user());
        credentials.setProperty("password", postgres.password());
        FleetCountSampler sampler = new FleetCountSampler(DriverManager.getConnection(postgres.url(), credentials), pool);
        sampler.timer.scheduleAtFixedRate(sampler::sample, 0, 50, TimeUnit.MILLISECONDS);
        return sampler;
    }

    private void sample() {
        try (ResultSet rs = count.executeQuery()) {
            rs.next();
            peak.accumulateAndGet(rs.getInt(1), Math::max);
            samples.incrementAndGet();
        } catch (SQLException e) {
            failure.compareAndSet(null, e);
        }
    }

    int peak() {
        return peak.get();
    }

    int samples() {
        return samples.get();
    }

    /** The first count that failed, or null. */
    SQLException failure() {
        return failure.get();
    }

    @Override
    public void close() throws SQLException, InterruptedException {
        timer.shutdown();
        timer.awaitTermination(10, TimeUnit.SECONDS);
        connection.close();
    }
}
