package io.earnorm.ra.sample.it;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Steady load on the sample application through its API, on one thread of its own, until closed:
 * each round creates a user (MongoDB, and the PostgreSQL ledger) under a new client id (so the
 * write rate limit does not refuse it) and reads it twice (a cache miss and a hit: Redis).
 * Bounded: it stops by itself after {@code maxRounds} rounds or {@code maxTime}.
 */
final class ApiLoad implements AutoCloseable {

    private static final Duration PAUSE = Duration.ofMillis(20);

    private final Api api;
    private final Thread thread;
    private final AtomicInteger rounds = new AtomicInteger();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private volatile boolean stopped;

    private ApiLoad(Api api, int maxRounds, Duration maxTime) {
        this.api = api;
        this.thread = new Thread(() -> run(maxRounds, Instant.now().plus(maxTime)), "api-load");
        this.thread.setDaemon(true);
    }

    static ApiLoad start(Api api, int maxRounds, Duration maxTime) {
        ApiLoad load = new ApiLoad(api, maxRounds, maxTime);
        load.thread.start();
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
            rounds.incrementAndGet();
            try {
                Thread.sleep(PAUSE.toMillis()); // steady, not flat out: the machine is shared with the server and Prometheus
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(Duration.ofSeconds(60).toMillis());
    }
}
