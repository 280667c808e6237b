package io.earnorm.ra.pool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One physical connection in a pool and its state.
 *
 * <p>The state is one {@code long}: a borrow stamp in the high bits and a {@link #IDLE},
 * {@link #IN_USE}, {@link #RESERVED} or {@link #REMOVED} tag in the low two. Every claim bumps the
 * stamp, so the state word a borrower was given identifies its borrow: a stale
 * {@link PooledConnection} from an earlier borrow can never release, or reach, the current
 * borrower's connection, because its compare-and-set expects a word that no longer exists.
 * Whoever moves the entry out of {@code IDLE} owns it until it puts it back, and only the owner
 * writes the plain fields.
 */
final class PoolEntry<C> {

    static final long IDLE = 0;
    static final long IN_USE = 1;
    /** Owned by the pool itself: being validated by keepalive, handed over, or retired. */
    static final long RESERVED = 2;
    static final long REMOVED = 3;
    private static final long TAG = 3;
    private static final long ONE_STAMP = 4;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(PoolEntry.class, "state", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final ConnectionPool<C> pool;
    final long id;
    final C connection;
    final int generation;
    final long createdNanos;
    final long createdMillis;
    /** Age at which this entry expires (maxLifetime less its jitter), or 0 for never. */
    final long lifetimeNanos;
    /** Where this connection's borrows are timed; written only by its owner of the moment. */
    final PoolRecorder.ConnectionRecorder recorder;

    @SuppressWarnings("unused") // accessed through STATE
    private volatile long state;

    /** Written by the owner; the compare-and-set that hands ownership on publishes it. */
    long lastUsedNanos;
    /** When keepalive last found it valid; keepalive does not count as use, so idle retirement still applies. */
    long lastValidatedNanos;
    long borrowedNanos;
    /** Set by a borrower who saw the connection fail; read by the same borrower on return. */
    Throwable brokenCause;
    boolean broken;
    /** The current borrow as leak detection sees it; only written while leak detection is on. */
    volatile BorrowRecord borrowRecord;
    /** How long the current borrower waited for this connection; written by that borrower. */
    long waitNanos;
    /** The borrow that {@code clear(cause, true)} closed under its holder, so its handle can say so; 0 for none. */
    volatile long interruptedBorrow;

    PoolEntry(ConnectionPool<C> pool, long id, C connection, int generation, long createdNanos, long createdMillis, long lifetimeNanos,
              PoolRecorder.ConnectionRecorder recorder) {
        this.recorder = recorder;
        this.pool = pool;
        this.id = id;
        this.connection = connection;
        this.generation = generation;
        this.createdNanos = createdNanos;
        this.createdMillis = createdMillis;
        this.lifetimeNanos = lifetimeNanos;
        this.lastUsedNanos = createdNanos;
        this.lastValidatedNanos = createdNanos;
        this.state = RESERVED;
    }

    long state() {
        return state;
    }

    static long tag(long state) {
        return state & TAG;
    }

    /** IDLE → IN_USE with a new stamp; returns the new state word, or -1 when the entry was not idle. */
    long tryClaim() {
        long s = state;
        if ((s & TAG) != IDLE) {
            return -1;
        }
        long claimed = s + ONE_STAMP + IN_USE;
        return STATE.compareAndSet(this, s, claimed) ? claimed : -1;
    }

    /** IDLE → RESERVED, for the pool's own work on an idle connection. */
    boolean tryReserve() {
        long s = state;
        return (s & TAG) == IDLE && STATE.compareAndSet(this, s, s + ONE_STAMP + RESERVED);
    }

    /** Marks an entry the caller owns as borrowed, with a new stamp: how a newly opened connection is handed over. */
    void markInUse() {
        STATE.setVolatile(this, ((state & ~TAG) + ONE_STAMP) | IN_USE);
    }

    /** Moves an entry the caller owns (state {@code expected}) to {@code tag}, keeping its stamp. */
    boolean transition(long expected, long tag) {
        return STATE.compareAndSet(this, expected, (expected & ~TAG) | tag);
    }

    /** Puts an owned entry in {@code tag}, keeping its stamp; only the owner may call this. */
    void set(long tag) {
        STATE.setVolatile(this, (state & ~TAG) | tag);
    }

    /**
     * Takes an entry away from its borrower ({@code borrowState}, IN_USE) for a clear that
     * interrupts connections in use; false when the borrow already ended.
     */
    boolean tryInterrupt(long borrowState) {
        interruptedBorrow = borrowState;
        if (STATE.compareAndSet(this, borrowState, (borrowState & ~TAG) | REMOVED)) {
            return true;
        }
        interruptedBorrow = 0;
        return false;
    }

    boolean isRemoved() {
        return (state & TAG) == REMOVED;
    }

    /**
     * One borrow as leak detection records it: the borrow's state word, when, and the borrower's
     * stack. Only the housekeeping task reads it and sets {@code reported}.
     */
    static final class BorrowRecord {
        final long stamp;
        final long borrowedNanos;
        final Throwable stack;
        boolean reported;

        BorrowRecord(long stamp, long borrowedNanos, Throwable stack) {
            this.stamp = stamp;
            this.borrowedNanos = borrowedNanos;
            this.stack = stack;
        }
    }
}
