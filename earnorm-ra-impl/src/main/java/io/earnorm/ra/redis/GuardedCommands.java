package io.earnorm.ra.redis;

import io.earnorm.ra.backend.Guard;
import io.earnorm.ra.pool.Lease;
import redis.clients.jedis.commands.JedisCommands;
import redis.clients.jedis.exceptions.JedisException;


/**
 * Jedis's typed commands on a borrowed connection, as the borrower may hold them: only the
 * {@link JedisCommands} interface (so nothing can close, select, subscribe or start a transaction
 * on the pooled socket), refusing every call once the borrow ends, and reporting a lost connection
 * to the lease so that the pool retires it. The driver's own exceptions come through unchanged,
 * as users of a typed Jedis API expect.
 */
final class GuardedCommands {

    private GuardedCommands() {
    }

    static JedisCommands of(Lease<RedisSession> lease) {
        RedisSession session = lease.connection();
        return Guard.of(JedisCommands.class, session.typed(), lease::connection, returned -> false, failure -> {
            if (failure instanceof JedisException failed && session.retiresOn(failed) && !lease.isReleased()) {
                lease.markBroken(failed);
            }
        });
    }
}
