package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.CloseReason;
import io.earnorm.ra.api.pool.PoolHistory;
import io.earnorm.ra.api.pool.PoolMetrics;
import io.earnorm.ra.api.pool.PoolStats;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * What the pool core reports beyond its events: the timings of borrows, opens and closes. The core
 * defines it and an observer implements it ({@code io.earnorm.ra.metrics} does, found through
 * {@link java.util.ServiceLoader} by {@link Factory}), so the core depends on no observer.
 *
 * <p>The borrow path calls {@link ConnectionRecorder#borrowEnded} on the recorder of the connection
 * it returns: one object per connection with one writer at a time, so an implementation can record
 * with plain stores and no allocation.
 */
public interface PoolRecorder {

    /** A connection opened in {@code openNanos}; the returned recorder times its borrows until it closes. */
    ConnectionRecorder connectionOpened(long openNanos);

    /** A connection closed, or failed to open ({@code connection} is then {@code null}). */
    void connectionClosed(ConnectionRecorder connection, CloseReason reason);

    /** Everything recorded so far, beside the pool's {@code stats}. */
    PoolMetrics snapshot(PoolStats stats);

    /**
     * Takes one history sample from {@code stats} and what the recorder counted; called every
     * {@link HistoryOptions#interval()} by a pool thread, never on the borrow path.
     */
    default void sample(PoolStats stats) {
    }

    /** The samples and state changes recorded so far ({@link PoolHistory#EMPTY} when none are kept). */
    default PoolHistory history() {
        return PoolHistory.EMPTY;
    }

    /** The pool turned ready; called before the listeners hear {@code poolReady}. */
    default void poolReady() {
    }

    /** The pool was cleared and paused ({@code cause} null when requested). */
    default void poolCleared(Throwable cause) {
    }

    /** The pool was closed. */
    default void poolClosed() {
    }

    /** Where one connection's borrows are timed; written only by the connection's borrower of the moment. */
    interface ConnectionRecorder {

        /** A borrow ended: the borrower waited {@code waitNanos} for the connection and held it {@code heldNanos}. */
        void borrowEnded(long waitNanos, long heldNanos);
    }

    /** Makes the recorder of one pool; registered as a {@link java.util.ServiceLoader} service. */
    interface Factory {

        /**
         * @param nanoClock        the pool's elapsed-time clock
         * @param epochMillisClock the pool's wall clock, for the times of history samples and markers
         * @param history          how often to sample and how many samples to keep
         */
        PoolRecorder create(LongSupplier nanoClock, LongSupplier epochMillisClock, HistoryOptions history);
    }

    /**
     * The shape of a pool's history: a sample every {@code interval}, the last {@code length} kept.
     * The defaults (5 s, 720: one hour) can be changed for every pool of the JVM with the system
     * properties {@value #INTERVAL_PROPERTY} (a duration such as {@code 500ms}, {@code 5s},
     * {@code PT1M}) and {@value #LENGTH_PROPERTY}.
     */
    record HistoryOptions(Duration interval, int length) {

        public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
        public static final int DEFAULT_LENGTH = 720;
        public static final String INTERVAL_PROPERTY = "io.earnorm.ra.pool.historyInterval";
        public static final String LENGTH_PROPERTY = "io.earnorm.ra.pool.historyLength";

        public HistoryOptions {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("history interval must be > 0 (interval=" + interval + ")");
            }
            if (length < 1) {
                throw new IllegalArgumentException("history length must be >= 1 (length=" + length + ")");
            }
        }

        /** The defaults, or the system properties where set. */
        public static HistoryOptions fromSystemProperties() {
            String interval = System.getProperty(INTERVAL_PROPERTY);
            String length = System.getProperty(LENGTH_PROPERTY);
            try {
                return new HistoryOptions(interval == null ? DEFAULT_INTERVAL : Durations.parse(INTERVAL_PROPERTY, interval.trim()),
                        length == null ? DEFAULT_LENGTH : Integer.parseInt(length.trim()));
            } catch (IllegalArgumentException e) {
                System.getLogger(PoolRecorder.class.getName()).log(System.Logger.Level.WARNING,
                        "pool history: ignoring " + INTERVAL_PROPERTY + "=" + interval + ", " + LENGTH_PROPERTY + "=" + length
                                + " (" + e.getMessage() + "); using every " + DEFAULT_INTERVAL + ", " + DEFAULT_LENGTH + " samples");
                return new HistoryOptions(DEFAULT_INTERVAL, DEFAULT_LENGTH);
            }
        }
    }
}
