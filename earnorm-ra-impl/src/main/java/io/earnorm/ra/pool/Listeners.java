package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.CheckOutFailureReason;
import io.earnorm.ra.api.pool.CloseReason;
import io.earnorm.ra.api.pool.PoolListener;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The listeners of one pool, called in registration order. A listener that throws is logged and
 * skipped, so it can neither break the pool nor starve the listeners after it. With no listener
 * registered every call is a loop over an empty array.
 */
final class Listeners {

    private static final System.Logger LOG = System.getLogger(Listeners.class.getName());
    private static final PoolListener[] NONE = new PoolListener[0];

    private volatile PoolListener[] listeners = NONE;
    /** Told of the pool's state changes only (never of a borrow), for the history's markers. */
    private volatile PoolRecorder stateRecorder = PoolRecorders.NONE;

    /** Tells {@code recorder} of every state change from now on; returns it. */
    PoolRecorder recordStateChangesTo(PoolRecorder recorder) {
        stateRecorder = Objects.requireNonNull(recorder, "recorder");
        return recorder;
    }

    /** A state change for the recorder; like a listener's, its failure is logged and cannot stop the change. */
    private void recordState(Consumer<PoolRecorder> change) {
        try {
            change.accept(stateRecorder);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the pool recorder failed on a state change; the history misses a marker", e);
        }
    }

    synchronized void add(PoolListener listener) {
        Objects.requireNonNull(listener, "listener");
        PoolListener[] next = Arrays.copyOf(listeners, listeners.length + 1);
        next[next.length - 1] = listener;
        listeners = next;
    }

    synchronized void remove(PoolListener listener) {
        PoolListener[] current = listeners;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == listener) {
                PoolListener[] next = new PoolListener[current.length - 1];
                System.arraycopy(current, 0, next, 0, i);
                System.arraycopy(current, i + 1, next, i, current.length - i - 1);
                listeners = next;
                return;
            }
        }
    }

    void poolCreated(String pool, String options) {
        each(l -> l.poolCreated(pool, options));
    }

    void poolReady(String pool) {
        recordState(PoolRecorder::poolReady);
        each(l -> l.poolReady(pool));
    }

    void poolCleared(String pool, int generation, Throwable cause) {
        recordState(r -> r.poolCleared(cause));
        each(l -> l.poolCleared(pool, generation, cause));
    }

    void poolClosed(String pool) {
        recordState(PoolRecorder::poolClosed);
        each(l -> l.poolClosed(pool));
    }

    void connectionCreated(String pool, long id) {
        each(l -> l.connectionCreated(pool, id));
    }

    void connectionReady(String pool, long id, long openNanos) {
        each(l -> l.connectionReady(pool, id, openNanos));
    }

    void connectionClosed(String pool, long id, CloseReason reason, Throwable cause) {
        each(l -> l.connectionClosed(pool, id, reason, cause));
    }

    void validationFailed(String pool, long id) {
        each(l -> l.validationFailed(pool, id));
    }

    void checkOutFailed(String pool, CheckOutFailureReason reason, long waitNanos) {
        each(l -> l.checkOutFailed(pool, reason, waitNanos));
    }

    void leakDetected(String pool, long id, Duration held, Throwable borrowedAt) {
        each(l -> l.leakDetected(pool, id, held, borrowedAt));
    }

    // The three calls of the borrow/return path loop by hand: no lambda, no capture, no allocation.

    void checkOutStarted(String pool) {
        for (PoolListener l : listeners) {
            try {
                l.checkOutStarted(pool);
            } catch (RuntimeException e) {
                failed(l, e);
            }
        }
    }

    void checkedOut(String pool, long id, long waitNanos) {
        for (PoolListener l : listeners) {
            try {
                l.checkedOut(pool, id, waitNanos);
            } catch (RuntimeException e) {
                failed(l, e);
            }
        }
    }

    void checkedIn(String pool, long id, long heldNanos) {
        for (PoolListener l : listeners) {
            try {
                l.checkedIn(pool, id, heldNanos);
            } catch (RuntimeException e) {
                failed(l, e);
            }
        }
    }

    private void each(Consumer<PoolListener> call) {
        for (PoolListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                failed(l, e);
            }
        }
    }

    private static void failed(PoolListener listener, RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "pool listener " + listener.getClass().getName() + " threw; ignored", e);
    }
}
