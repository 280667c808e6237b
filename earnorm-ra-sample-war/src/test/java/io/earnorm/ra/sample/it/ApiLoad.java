package io.earnorm.ra.sample.it;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * Steady load on the sample application through its API, on threads of its own, until closed:
 * each round creates a user (MongoDB, and the PostgreSQL ledger) under a new client id (so the
 * write rate limit does not refuse it) and reads it twice (a cache miss and a hit: Redis).
 * Bounded: it stops by itself after {@code maxRounds} rounds (all threads together) or {@code maxTime}.
 */
final class ApiLoad implements AutoCloseable {

    private static final Duration PAUSE = Duration.ofMillis(20);

    private final Api api;
    private final List<Thread> threads;
    private final AtomicInteger rounds = new AtomicInteger();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private volatile boolean stopped;

    private ApiLoad(Api api, int threads, int maxRounds, Duration maxTime) {
        this.api = api;
        Instant deadline = Instant.now().plus(maxTime);
        this.threads = IntStream.range(0, threads).mapToObj(i -> {
            Thread t = new Thread(() -> run(maxRounds, deadline), "api-load-" + i);
            t.setDaemon(true);
            return t;
        }).toList();
    }

    /** {@code threads} clients, each sending its next request when the last one was answered. */
    static ApiLoad start(Api api, int threads, int maxRounds, Duration maxTime) {
        ApiLoad load = new ApiLoad(api, threads, maxRounds, maxTime);
        load.threads.forEach(Thread::start);
        return load;
    }

    /** Rounds done so far. */
    int rounds() {
        return rounds.get();
    }

    /** The first request that did not get the expected status, or null. */
    String firstFailure() {
        return firstFailure.get();
    }

    private void run(int maxRounds, Instant deadline) {
        while (!stopped && rounds.get() < maxRounds && Instant.now().isBefore(deadline)) {
            String client = "load-" + UUID.randomUUID();
            Api.Reply created = api.post("api/users", "{\"name\": \"Load Lou\", \"email\": \"" + client + "@example.com\"}", client);
            if (created.status() != 201) {
                firstFailure.compareAndSet(null, "POST api/users: " + created);
                return;
            }
            String id = created.json().asJsonObject().getString("id");
            for (int i = 0; i < 2; i++) {
                Api.Reply read = api.get("api/users/" + id);
                if (read.status() != 200) {
                    firstFailure.compareAndSet(null, "GET api/users/" + id + ": " + read);
                    return;
                }
            }
            // Deleted again, so that the directory's list (its first 100 users) still shows what other tests create.
            Api.Reply deleted = api.delete("api/users/" + id, client);
            if (deleted.status() != 204) {
                firstFailure.compareAndSet(null, "DELETE api/users/" + id + ": " + deleted);
                return;
            }
            rounds.incrementAndGet();
            try {
                Thread.sleep(PAUSE.toMillis()); // steady, not flat out: the machine is shared with the server and Prometheus
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        try {
            for (Thread t : threads) {
                t.join(Duration.ofSeconds(60).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
