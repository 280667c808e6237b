package io.earnorm.ra.sample.it;

import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.api.PostgresConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Writes in one JTA transaction through a factory whose server pool is on, each through a connection of its own. */
@ApplicationScoped
public class PooledWrites {

    @Resource(lookup = ServerPoolOnDefinitions.POOLED_POSTGRES)
    PostgresConnectionFactory pooled;

    /** Steps 1 to {@code steps} of {@code key}; with {@code failLast}, the last one repeats step 1, which the primary key refuses. */
    @Transactional
    public void steps(String key, int steps, boolean failLast) throws Exception {
        for (int step = 1; step <= steps; step++) {
            try (PostgresConnection c = pooled.getConnection()) {
                c.execute("insert into earnorm_it_steps(k, step) values (?, ?)", key, failLast && step == steps ? 1 : step);
            }
        }
    }
}
