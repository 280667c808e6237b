package io.earnorm.ra.sample.it;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * Load on one instance of the sample application, flat out, until closed: {@code threads} clients
 * each sending {@code GET /api/status} (which borrows a connection of each factory, the ledger's
 * among them) as soon as the last one was answered. Every answer must be 200 (all factories up).
 */
final class StatusLoad implements AutoCloseable {

    private final Api api;
    private final List<Thread> threads;
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private volatile boolean stopped;

    private StatusLoad(Api api, int threads, String name) {
        this.api = api;
        this.threads = IntStream.range(0, threads).mapToObj(i -> {
            Thread t = new Thread(this::run, "status-load-" + name + "-" + i);
            t.setDaemon(true);
            return t;
        }).toList();
    }

    static StatusLoad start(Api api, int threads, String name) {
        StatusLoad load = new StatusLoad(api, threads, name);
        load.threads.forEach(Thread::start);
        return load;
    }

    /** Requests answered with 200 so far. */
    int answered() {
        return answered.get();
    }

    /** The first request that failed or was not answered with 200, or null. */
    String firstFailure() {
        return firstFailure.get();
    }

    private void run() {
        while (!stopped) {
            try {
                Api.Reply reply = api.get("api/status");
                if (reply.status() != 200) {
                    firstFailure.compareAndSet(null, "GET api/status: " + reply);
                    return;
                }
                answered.incrementAndGet();
            } catch (RuntimeException e) {
                if (!stopped) {
                    firstFailure.compareAndSet(null, "GET api/status: " + e + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
                }
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        for (Thread t : threads) {
            t.join(60_000);
        }
    }
}
