package io.earnorm.ra.fleet;

import io.earnorm.ra.api.EarnormConnection;
import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.api.pool.FleetStats;
import io.earnorm.ra.api.pool.PoolStats;
import io.earnorm.ra.pool.Pool;
import io.earnorm.ra.postgres.PostgresPool;
import io.earnorm.ra.redis.RedisPool;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One instance of a fleet, as one application server would run it, in a JVM of its own:
 * {@code threads} borrowers that borrow, run one trivial command, hold the connection a few
 * milliseconds and give it back, as fast as the pool lets them. Every 50 ms it prints its pool's
 * figures as one line ({@code S active total pending fleetCount instances share ok failed millisSincePoolCreated}); on
 * {@code stop} from standard input it stops its borrowers, closes the pool and prints
 * {@code DONE ok failed}. {@link FleetBudgetIT} starts several and kills some.
 *
 * <p>Arguments: backend ({@code postgresql} or {@code redis}), address, pool name, fleetMaxSize,
 * maxSize, threads, fleetInterval in ms.
 */
public final class FleetInstanceMain {

    /** False once {@code stop} came: a borrower interrupted after that has not failed a request. */
    private static volatile boolean running = true;

    private FleetInstanceMain() {
    }

    public static void main(String[] args) throws Exception {
        String backend = args[0];
        String address = args[1];
        String name = args[2];
        int budget = Integer.parseInt(args[3]);
        int maxSize = Integer.parseInt(args[4]);
        int threads = Integer.parseInt(args[5]);
        Duration interval = Duration.ofMillis(Long.parseLong(args[6]));
        // Generous: a borrower may wait for a connection, but one that fails would have failed alone too only past this.
        Duration acquireTimeout = Duration.ofSeconds(60);

        Pool<? extends EarnormConnection> pool = switch (backend) {
            case "postgresql" -> PostgresPool.builder().url(address).name(name).maxSize(maxSize).fleetMaxSize(budget)
                    .fleetInterval(interval).acquireTimeout(acquireTimeout).build();
            case "redis" -> RedisPool.builder().uri(address).name(name).maxSize(maxSize).fleetMaxSize(budget)
                    .fleetInterval(interval).acquireTimeout(acquireTimeout).build();
            default -> throw new IllegalArgumentException("backend " + backend);
        };
        long created = System.nanoTime();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> borrowUntilInterrupted(pool, ok, failed), "borrower-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
        Thread reporter = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                PoolStats s = pool.stats();
                FleetStats f = s.fleet();
                System.out.println("S " + s.active() + " " + s.total() + " " + s.pending() + " " + f.fleetCount() + " " + f.instances()
                        + " " + f.share() + " " + ok.get() + " " + failed.get() + " " + (System.nanoTime() - created) / 1_000_000);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "reporter");
        reporter.setDaemon(true);
        reporter.start();

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("stop"); line = in.readLine()) {
            // only "stop" means anything
        }
        running = false;
        workers.forEach(Thread::interrupt);
        for (Thread t : workers) {
            t.join();
        }
        reporter.interrupt();
        reporter.join();
        pool.close();
        System.out.println("DONE " + ok.get() + " " + failed.get());
        System.out.flush();
    }

    private static void borrowUntilInterrupted(Pool<? extends EarnormConnection> pool, AtomicLong ok, AtomicLong failed) {
        while (running) {
            try (EarnormConnection c = pool.acquire()) {
                if (c instanceof PostgresConnection pg) {
                    pg.fetchVal("SELECT 1");
                } else if (c instanceof RedisConnection redis) {
                    redis.commands().get("earnorm-fleet-it");
                }
                Thread.sleep(5);
                ok.incrementAndGet();
            } catch (InterruptedException stop) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return; // stopped while waiting: not a failed request
                }
                failed.incrementAndGet();
                System.err.println("request failed: " + e);
            }
        }
    }
}
