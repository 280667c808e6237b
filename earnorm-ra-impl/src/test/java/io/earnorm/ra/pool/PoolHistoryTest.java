package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.CloseReason;
import io.earnorm.ra.api.pool.PoolHistory;
import io.earnorm.ra.api.pool.PoolMarker;
import io.earnorm.ra.api.pool.PoolSample;
import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.api.pool.PoolExhaustedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A pool's history through {@link ConnectionPool#history()}, over the fake backend, sampled by hand. */
class PoolHistoryTest extends PoolFixture {

    /** Long enough that the scheduled sampler never adds a sample of its own during a test. */
    private static final Duration BY_HAND_ONLY = Duration.ofHours(1);

    @BeforeEach
    void sampleOnlyByHand() {
        System.setProperty(PoolRecorder.HistoryOptions.INTERVAL_PROPERTY, "1h");
    }

    @AfterEach
    void restoreTheDefaults() {
        System.clearProperty(PoolRecorder.HistoryOptions.INTERVAL_PROPERTY);
        System.clearProperty(PoolRecorder.HistoryOptions.LENGTH_PROPERTY);
    }

    @Test
    void samplesCountWhatHappenedInTheirIntervalAndReadTheGaugesAtItsEnd() {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(2));
        for (int i = 0; i < 3; i++) {
            pool.acquire().close();
        }
        PooledConnection<FakeConnection> held = pool.acquire();
        clock.advance(Duration.ofSeconds(5));
        pool.sampler.sample();

        PooledConnection<FakeConnection> second = pool.acquire();
        assertThatThrownBy(() -> pool.acquire(Duration.ZERO)).isInstanceOf(PoolExhaustedException.class);
        second.close();
        held.close();
        clock.advance(Duration.ofSeconds(5));
        pool.sampler.sample();

        PoolHistory h = pool.history();
        assertThat(h.interval()).isEqualTo(BY_HAND_ONLY);
        assertThat(h.capacity()).isEqualTo(PoolRecorder.HistoryOptions.DEFAULT_LENGTH);
        assertThat(h.samples()).hasSize(2);
        PoolSample first = h.samples().get(0);
        assertThat(first.acquires()).as("borrows that ended in the interval").isEqualTo(3);
        assertThat(first.inUse()).isEqualTo(1);
        assertThat(first.open()).isEqualTo(1);
        assertThat(first.opened()).isEqualTo(1);
        assertThat(first.timeouts()).isZero();
        assertThat(first.maxSize()).isEqualTo(2);
        assertThat(first.state()).isEqualTo(PoolState.READY);
        assertThat(first.interval()).isGreaterThanOrEqualTo(Duration.ofSeconds(5)); // the test clock moved 5 s
        PoolSample last = h.samples().get(1);
        assertThat(last.acquires()).isEqualTo(2);
        assertThat(last.inUse()).isZero();
        assertThat(last.idle()).isEqualTo(2);
        assertThat(last.opened()).isEqualTo(1);
        assertThat(last.timeouts()).isEqualTo(1);
        assertThat(last.at()).isAfterOrEqualTo(first.at());
    }

    @Test
    void clearingAndResumingLeaveMarkersAndTheClosesShowInTheNextSample() {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(2));
        pool.acquire().close();
        pool.sampler.sample();

        pool.clear();
        eventually(() -> assertThat(pool.metrics().closedByReason()).containsEntry(CloseReason.STALE, 1L));
        pool.sampler.sample();
        pool.ready();
        pool.sampler.sample();
        pool.close();

        PoolHistory h = pool.history();
        assertThat(h.markers()).extracting(PoolMarker::kind)
                .containsExactly(PoolMarker.Kind.READY, PoolMarker.Kind.CLEARED, PoolMarker.Kind.READY, PoolMarker.Kind.CLOSED);
        assertThat(h.markers().get(1).detail()).isEqualTo("requested");
        assertThat(h.samples()).extracting(PoolSample::state).containsExactly(PoolState.READY, PoolState.PAUSED, PoolState.READY);
        assertThat(h.samples().get(1).closedByReason()).containsEntry(CloseReason.STALE, 1L);
        assertThat(h.samples().get(2).closedByReason()).containsEntry(CloseReason.STALE, 0L);
    }

    @Test
    void aBackendFailureThatClearsThePoolIsNamedInItsMarker() {
        ConnectionPool<FakeConnection> pool = pool(config().maxSize(2));
        pool.clear(new IllegalStateException("connection refused"));

        assertThat(pool.history().markers()).last().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(PoolMarker.Kind.CLEARED);
            assertThat(m.detail()).contains("connection refused");
        });
    }

    @Test
    void aRecorderThatFailsOnAStateChangeNeitherStopsTheChangeNorSilencesTheListeners() {
        Listeners listeners = new Listeners();
        RecordingListener heard = new RecordingListener();
        listeners.add(heard);
        listeners.recordStateChangesTo(new PoolRecorder() {
            @Override
            public ConnectionRecorder connectionOpened(long openNanos) {
                return (wait, held) -> { };
            }

            @Override
            public void connectionClosed(ConnectionRecorder connection, CloseReason reason) {
            }

            @Override
            public io.earnorm.ra.api.pool.PoolMetrics snapshot(io.earnorm.ra.api.pool.PoolStats stats) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void poolCleared(Throwable cause) {
                throw new IllegalStateException("recorder bug");
            }
        });

        listeners.poolCleared("p", 0, null);

        assertThat(heard.count("poolCleared")).isEqualTo(1);
    }

    @Test
    void historyOptionsComeFromSystemPropertiesAndABadValueFallsBackToTheDefaults() {
        String interval = PoolRecorder.HistoryOptions.INTERVAL_PROPERTY;
        String length = PoolRecorder.HistoryOptions.LENGTH_PROPERTY;
        try {
            System.setProperty(interval, "250ms");
            System.setProperty(length, "12");
            assertThat(PoolRecorder.HistoryOptions.fromSystemProperties()).isEqualTo(new PoolRecorder.HistoryOptions(Duration.ofMillis(250), 12));
            System.setProperty(length, "0");
            assertThat(PoolRecorder.HistoryOptions.fromSystemProperties())
                    .isEqualTo(new PoolRecorder.HistoryOptions(PoolRecorder.HistoryOptions.DEFAULT_INTERVAL, PoolRecorder.HistoryOptions.DEFAULT_LENGTH));
        } finally {
            System.setProperty(interval, "1h");
            System.clearProperty(length);
        }
    }
}
