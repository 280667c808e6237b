package io.earnorm.ra.api.pool;

import java.time.Duration;
import java.util.List;

/**
 * What a pool did recently: one {@link PoolSample} per interval, oldest first, in a ring of fixed
 * size (by default every 5 s over the last hour: 720 samples), and the {@link PoolMarker}s of its
 * state changes over about the same time, oldest first. Samples are taken by a pool thread, never
 * on the borrow path.
 *
 * @param interval the time between two samples
 * @param capacity the most samples kept; older ones are overwritten
 * @param samples  the samples kept, oldest first
 * @param markers  the state changes kept, oldest first
 */
public record PoolHistory(Duration interval, int capacity, List<PoolSample> samples, List<PoolMarker> markers) {

    /** No history (a pool without the metrics recorder). */
    public static final PoolHistory EMPTY = new PoolHistory(Duration.ZERO, 0, List.of(), List.of());

    public PoolHistory {
        samples = List.copyOf(samples);
        markers = List.copyOf(markers);
    }
}
