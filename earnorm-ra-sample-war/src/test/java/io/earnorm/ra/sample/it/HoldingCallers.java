package io.earnorm.ra.sample.it;

import jakarta.enterprise.concurrent.ManagedThreadFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Callers on the server's managed threads (plain threads have no invocation context for the
 * connection manager), each of which holds what it borrowed until the test releases them all: the
 * way to fill a pool and put one caller past it.
 */
final class HoldingCallers<T> implements AutoCloseable {

    /** One caller's work: borrow, then wait for {@code release} before giving back. */
    interface Call<T> {
        T run(CountDownLatch release) throws Exception;
    }

    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService threads;
    private final List<Future<T>> outcomes = new ArrayList<>();

    private HoldingCallers(ManagedThreadFactory threadFactory, int count, Call<T> call) {
        threads = Executors.newFixedThreadPool(count, threadFactory);
        for (int i = 0; i < count; i++) {
            outcomes.add(threads.submit(() -> call.run(release)));
        }
    }

    static <T> HoldingCallers<T> start(ManagedThreadFactory threadFactory, int count, Call<T> call) {
        return new HoldingCallers<>(threadFactory, count, call);
    }

    boolean anyDone() {
        return outcomes.stream().anyMatch(Future::isDone);
    }

    /** Releases every caller and returns what each returned, in the order they were started. */
    List<T> releaseAndCollect(Duration patience) throws Exception {
        release.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> outcome : outcomes) {
            results.add(outcome.get(patience.toSeconds(), TimeUnit.SECONDS));
        }
        return results;
    }

    @Override
    public void close() {
        release.countDown();
        threads.shutdownNow();
    }
}
