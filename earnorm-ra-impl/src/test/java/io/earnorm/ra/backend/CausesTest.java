package io.earnorm.ra.backend;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class CausesTest {

    @Test
    void theChainIsTheErrorThenEachCauseDownwardsAndUnderLeavesTheErrorOut() {
        ConnectException refused = new ConnectException("Connection refused");
        IOException io = new IOException("open failed", refused);
        RuntimeException top = new RuntimeException("pool", io);

        assertThat(Causes.chain(top)).containsExactly(top, io, refused);
        assertThat(Causes.under(top)).containsExactly(io, refused);
        assertThat(Causes.chain(null)).isEmpty();
        assertThat(Causes.under(null)).isEmpty();
    }

    /** The copies this helper replaced stopped only at an error that is its own cause; a longer loop ran forever. */
    @Test
    void aChainWhoseCausesLoopBackEndsWithEachErrorOnce() {
        LoopingError a = new LoopingError("a");
        LoopingError b = new LoopingError("b");
        a.cause = b;
        b.cause = a;

        assertThat(Causes.chain(a)).containsExactly(a, b);
        // Through the classification that walks it (guarded: before the helper this never returned).
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(30), () -> NetworkErrors.isUnreachable(a))).isFalse();
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(30), () -> NetworkErrors.isConnectionLoss(a))).isFalse();
    }

    /** Throwable.initCause refuses a loop; some libraries' exceptions override getCause, as this one does. */
    private static final class LoopingError extends RuntimeException {
        Throwable cause;

        LoopingError(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable getCause() {
            return cause;
        }
    }
}
