package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.AcquireInterruptedException;
import io.earnorm.ra.api.pool.AcquireTimeoutException;
import io.earnorm.ra.api.pool.BackendUnavailableException;
import io.earnorm.ra.api.pool.ConnectionClosedException;
import io.earnorm.ra.api.pool.ConnectionOpenException;
import io.earnorm.ra.api.pool.IllegalReleaseException;
import io.earnorm.ra.api.pool.PoolExhaustedException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 64 threads doing a fixed number of random operations (blocking and asynchronous acquires with
 * short and zero timeouts, interrupts, double releases, broken connections) while a chaos thread
 * fails validations, fails opens, takes the "server" down and clears the pool. The invariants are
 * checked on every borrow and once more at the end.
 */
class PoolStressTest extends PoolFixture {

    private static final int THREADS = 64;
    private static final int OPS_PER_THREAD = 1_500;
    private static final int MAX_SIZE = 8;

    private final List<Throwable> violations = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private final AtomicInteger asyncInFlight = new AtomicInteger();

    @Test
    void invariantsHoldUnderRandomConcurrentLoadAndFaults() throws Exception {
        events.logBorrows = false;
        ConnectionPool<FakeConnection> pool = pool("stress", config()
                .minSize(2).maxSize(MAX_SIZE).maxConnecting(3)
                .acquireTimeout(Duration.ofMillis(50))
                .validationTimeout(Duration.ofMillis(20))
                .testOnReturn(true)
                .probeInterval(Duration.ofMillis(5))
                .leakDetectionThreshold(Duration.ofSeconds(30)));
        CyclicBarrier start = new CyclicBarrier(THREADS + 1);
        CountDownLatch done = new CountDownLatch(THREADS);
        AtomicBoolean running = new AtomicBoolean(true);

        for (int t = 0; t < THREADS; t++) {
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < OPS_PER_THREAD; i++) {
                        oneRandomOperation(pool);
                    }
                } catch (Throwable e) {
                    violations.add(e);
                } finally {
                    Thread.interrupted();
                    done.countDown();
                }
            }, "stress-" + t);
            worker.start();
        }
        Thread chaos = new Thread(() -> makeChaos(pool, running), "chaos");
        chaos.start();
        start.await();

        assertThat(done.await(3, TimeUnit.MINUTES)).as("workers finished").isTrue();
        running.set(false);
        chaos.join();
        backend.failAllOpens = null;
        backend.openFailures.clear();
        eventually(() -> assertThat(asyncInFlight).hasValue(0));
        assertThat(violations).as("violations").isEmpty();

        // Whatever chaos left, the pool recovers and serves again.
        pool.ready();
        pool.acquire(Duration.ofSeconds(5)).close();

        pool.close();

        eventually(() -> assertThat(backend.openCount()).as("connections still open after close").isZero());
        assertThat(backend.connections).allMatch(c -> c.closed).allMatch(c -> c.holders.get() == 0);
        assertThat(backend.maxOpenAtOnce.get()).as("most connections open at once").isLessThanOrEqualTo(MAX_SIZE);
        assertThat(backend.maxOpeningAtOnce.get()).as("most opens at once").isLessThanOrEqualTo(3);
        assertThat(pool.stats().total()).isZero();
        assertThat(pool.stats().pending()).isZero();
        assertThat(events.count("connectionCreated")).as("created = closed").isEqualTo(events.count("connectionClosed"));
        assertThat(events.count("checkedOut")).as("checked out = checked in").isEqualTo(events.count("checkedIn"));
        assertThat(events.count("checkOutStarted")).as("every check-out ends once")
                .isEqualTo(events.count("checkedOut") + events.count("checkOutFailed"));
        assertThat(pool.stats().created()).isEqualTo(backend.opened.get());
        // The timings are recorded without atomics, by each connection's borrower of the moment: none may be lost.
        assertThat(pool.metrics().acquireWait().count()).as("acquire waits timed").isEqualTo(events.count("checkedOut"));
        assertThat(pool.metrics().timeInUse().count()).as("holds timed").isEqualTo(events.count("checkedIn"));
        // The run exercised what it claims to.
        assertThat(outcomes).containsKeys("borrowed", "async-borrowed", "timeout", "double-release-refused", "broken");
        // Every operation ended in exactly one outcome: none was lost or answered twice.
        long ended = List.of("borrowed", "timeout", "interrupted", "backend-failure", "async-borrowed", "async-failed")
                .stream().mapToLong(k -> outcomes.getOrDefault(k, new AtomicLong()).get()).sum();
        assertThat(ended).as("operations that ended").isEqualTo((long) THREADS * OPS_PER_THREAD);
    }

    private void oneRandomOperation(ConnectionPool<FakeConnection> pool) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int dice = random.nextInt(100);
        try {
            if (dice < 10) {
                asyncBorrow(pool, random.nextBoolean() ? Duration.ofMillis(20) : Duration.ZERO);
                return;
            }
            if (dice < 14) {
                Thread.currentThread().interrupt();
            }
            Duration timeout = dice < 20 ? Duration.ZERO : Duration.ofMillis(random.nextInt(1, 30));
            PooledConnection<FakeConnection> c = pool.acquire(timeout);
            Thread.interrupted();
            use(c, random);
            if (dice < 24) {
                c.markBroken(null);
                count("broken");
            }
            c.close();
            count("borrowed");
            if (dice >= 95) {
                try {
                    c.close();
                    violations.add(new AssertionError("double release accepted"));
                } catch (IllegalReleaseException expected) {
                    count("double-release-refused");
                }
                try {
                    c.connection();
                    violations.add(new AssertionError("released handle still usable"));
                } catch (ConnectionClosedException expected) {
                    count("released-handle-refused");
                }
            }
        } catch (AcquireTimeoutException | PoolExhaustedException e) {
            count("timeout");
        } catch (AcquireInterruptedException e) {
            if (!Thread.currentThread().isInterrupted()) {
                violations.add(new AssertionError("interrupt flag lost", e));
            }
            count("interrupted");
        } catch (BackendUnavailableException | ConnectionOpenException e) {
            count("backend-failure");
        } finally {
            Thread.interrupted();
        }
    }

    private void asyncBorrow(ConnectionPool<FakeConnection> pool, Duration timeout) {
        asyncInFlight.incrementAndGet();
        pool.acquireAsync(timeout).whenComplete((c, error) -> {
            try {
                if (c != null) {
                    use(c, ThreadLocalRandom.current());
                    c.close();
                    count("async-borrowed");
                } else {
                    count("async-failed");
                }
            } catch (Throwable e) {
                violations.add(e);
            } finally {
                asyncInFlight.decrementAndGet();
            }
        });
    }

    /** Uses the connection as its only borrower; a second holder is a double lend. */
    private void use(PooledConnection<FakeConnection> c, ThreadLocalRandom random) {
        FakeConnection raw = c.connection();
        int holders = raw.enter();
        try {
            if (holders != 1) {
                violations.add(new AssertionError(raw + " lent to " + holders + " borrowers at once"));
            }
            if (raw.closed) {
                violations.add(new AssertionError(raw + " lent after it was closed"));
            }
            int spins = random.nextInt(200);
            for (int i = 0; i < spins; i++) {
                Thread.onSpinWait();
            }
            if (c.connection() != raw) {
                violations.add(new AssertionError("the handle changed connection"));
            }
        } finally {
            raw.exit();
        }
    }

    private void makeChaos(ConnectionPool<FakeConnection> pool, AtomicBoolean running) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running.get()) {
            int dice = random.nextInt(100);
            if (dice < 40 && !backend.connections.isEmpty()) {
                // A connection dies: validations of it fail from now on.
                backend.connections.get(random.nextInt(backend.connections.size())).valid = false;
            } else if (dice < 60) {
                backend.openFailures.add(new IllegalStateException("open failed"));
            } else if (dice < 65) {
                backend.failAllOpens = new FakeBackend.ServerDown("server down");
                sleep(2);
                backend.failAllOpens = null;
            } else if (dice < 68) {
                pool.clear(new IllegalStateException("chaos clear"));
            } else if (dice < 70) {
                clock.advance(Duration.ofMillis(600)); // idle connections now need validation
            }
            sleep(1);
        }
    }

    private void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
