package io.earnorm.ra.pool;

import java.util.Map;

/**
 * Makes a pool of one backend type from a name and the seed-style options map (pool options such
 * as {@code min_size} or {@code maxSize}, plus the backend's own: {@code uri}, {@code database}, ...).
 * A pool class's {@code (String, Map)} constructor fits: {@code manager.registerPoolType("mongodb", MongoPool::new)}.
 */
@FunctionalInterface
public interface PoolFactory {

    Pool<?> create(String name, Map<String, ?> options);
}
