package io.earnorm.ra.serverbench.harness;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs one step: {@code workers} tasks on an executor (in the server, a managed executor), each
 * calling the operation in a closed loop, first for the warm-up and then for the measured time.
 * A call counts when it ends inside the measured window. Each worker keeps its own histogram and,
 * where the JVM can tell, the bytes its thread allocated over its measured calls.
 */
public final class Harness {

    private static final int WARMING = 0;
    private static final int MEASURING = 1;
    private static final int DONE = 2;

    private final ExecutorService executor;

    public Harness(ExecutorService executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    public StepResult run(String operationName, String side, Operation operation, int workers, Duration warmup, Duration measure)
            throws InterruptedException {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1 (workers=" + workers + ")");
        }
        if (warmup.isNegative() || measure.isZero() || measure.isNegative()) {
            throw new IllegalArgumentException("warm-up must be >= 0 and measurement > 0 (warmup=" + warmup + ", measure=" + measure + ")");
        }
        Phase phase = new Phase();
        CountDownLatch started = new CountDownLatch(workers);
        List<Worker> all = new ArrayList<>(workers);
        List<Future<?>> running = new ArrayList<>(workers);
        for (int i = 0; i < workers; i++) {
            Worker w = new Worker(operation, phase, started);
            all.add(w);
            running.add(executor.submit(w));
        }
        try {
            started.await();
            Thread.sleep(warmup.toMillis());
            long from = System.nanoTime();
            phase.value = MEASURING;
            Thread.sleep(measure.toMillis());
            phase.value = DONE;
            long window = System.nanoTime() - from;
            for (Future<?> f : running) {
                f.get();
            }
            return result(operationName, side, workers, window, all);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a benchmark worker failed outside its operation", e.getCause());
        } finally {
            phase.value = DONE;
        }
    }

    private static StepResult result(String operationName, String side, int workers, long windowNanos, List<Worker> all) {
        LatencyHistogram total = new LatencyHistogram();
        long errors = 0;
        String firstError = "";
        long allocated = 0;
        long allocatedCalls = 0;
        boolean allocationKnown = true;
        for (Worker w : all) {
            total.add(w.histogram);
            errors += w.errors;
            if (firstError.isEmpty() && w.firstError != null) {
                firstError = w.firstError.toString();
            }
            allocationKnown &= w.allocationKnown;
            allocated += w.allocatedAtEnd - w.allocatedAtStart;
            allocatedCalls += w.allocatedCalls;
        }
        double seconds = windowNanos / 1e9;
        double bytesPerCall = allocationKnown && allocatedCalls > 0 ? (double) allocated / allocatedCalls : -1;
        return new StepResult(operationName, side, workers, total.count(), seconds, total.count() / seconds,
                total.mean() / 1e3, total.percentile(0.50) / 1e3, total.percentile(0.99) / 1e3,
                total.percentile(0.999) / 1e3, total.max() / 1e3, bytesPerCall, errors, firstError);
    }

    /** Where the step is, read by every worker after each call. */
    private static final class Phase {
        volatile int value = WARMING;
    }

    private static final class Worker implements Runnable {

        private final Operation operation;
        private final Phase phase;
        private final CountDownLatch started;
        private final LatencyHistogram histogram = new LatencyHistogram();
        private final com.sun.management.ThreadMXBean threads = allocationCounter();
        private final boolean allocationKnown = threads != null;
        private long errors;
        private Exception firstError;
        private long allocatedAtStart = -1;
        private long allocatedAtEnd;
        private long allocatedCalls;

        Worker(Operation operation, Phase phase, CountDownLatch started) {
            this.operation = operation;
            this.phase = phase;
            this.started = started;
        }

        @Override
        public void run() {
            started.countDown();
            int before = phase.value;
            while (before != DONE) {
                if (before == MEASURING && allocationKnown && allocatedAtStart < 0) {
                    allocatedAtStart = threads.getCurrentThreadAllocatedBytes();
                    allocatedAtEnd = allocatedAtStart;
                }
                long t0 = System.nanoTime();
                try {
                    operation.call();
                } catch (Exception e) {
                    errors++;
                    if (firstError == null) {
                        firstError = e;
                    }
                }
                long t1 = System.nanoTime();
                int after = phase.value;
                if (after == MEASURING) {
                    histogram.record(t1 - t0);
                    if (allocatedAtStart >= 0) {
                        allocatedCalls++;
                        allocatedAtEnd = threads.getCurrentThreadAllocatedBytes();
                    }
                }
                before = after;
            }
            if (allocatedAtStart < 0) {
                allocatedAtStart = 0;
                allocatedAtEnd = 0;
            }
        }

        /** HotSpot's per-thread allocation counter, when this JVM has it and it is on. */
        private static com.sun.management.ThreadMXBean allocationCounter() {
            if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemorySupported()
                    && t.isThreadAllocatedMemoryEnabled()) {
                return t;
            }
            return null;
        }
    }
}
