package io.earnorm.ra.mongo;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import io.earnorm.ra.backend.Causes;

import java.util.function.BooleanSupplier;

/**
 * Sorts the driver's failures: a refusal by the server (a duplicate key, a bad query) leaves
 * everything usable; a lost connection retires the borrowed slot; a server that cannot be reached
 * clears and pauses the pool.
 */
final class MongoErrors {

    private MongoErrors() {
    }

    /**
     * True when the server did not answer rather than refused: a socket error (closed, reset, read
     * timed out, could not open) or a timeout (no server selectable, the operation's bound passed).
     */
    static boolean isConnectionLost(Throwable error) {
        for (Throwable t : Causes.chain(error)) {
            if (t instanceof MongoSocketException || t instanceof MongoTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the server itself is out of reach, so that every borrower would fail alike: an open
     * that found no answering server, a socket that could not be opened, or a timeout while the
     * driver's own monitoring sees no server answering either. A timeout while the server is seen
     * answering (a slow query past its bound) is one borrower's problem, not an outage.
     *
     * @param serverAnswering the driver's current view: does any server of the cluster answer its monitor?
     */
    static boolean isServerUnavailable(Throwable error, BooleanSupplier serverAnswering) {
        boolean timedOut = false;
        for (Throwable t : Causes.chain(error)) {
            if (t instanceof MongoOpenException open) {
                return open.serverUnreachable();
            }
            if (t instanceof MongoSocketOpenException) {
                return true;
            }
            timedOut |= t instanceof MongoTimeoutException;
        }
        return timedOut && !serverAnswering.getAsBoolean();
    }
}
