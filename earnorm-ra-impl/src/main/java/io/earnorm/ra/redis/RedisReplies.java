package io.earnorm.ra.redis;

import io.earnorm.ra.api.EarnormBackendException;
import redis.clients.jedis.exceptions.JedisDataException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns a RESP2 reply, as the driver reads it, into what {@code execute} returns: bulk and status
 * replies as {@code String} (UTF-8) or, for {@code executeBinary}, as {@code byte[]}; integers as
 * {@code Long}; arrays as unmodifiable {@code List}s of the same, recursively; nil as {@code null}.
 * An error inside an array (a command that failed within {@code EXEC}) is returned in its place as
 * an {@link EarnormBackendException}, not thrown, so the other results stay readable.
 */
final class RedisReplies {

    private RedisReplies() {
    }

    static Object decode(Object reply, boolean binary, String command) {
        if (reply instanceof byte[] bytes) {
            return binary ? bytes : new String(bytes, StandardCharsets.UTF_8);
        }
        if (reply instanceof List<?> items) {
            List<Object> decoded = new ArrayList<>(items.size());
            for (Object item : items) {
                decoded.add(decode(item, binary, command));
            }
            return Collections.unmodifiableList(decoded);
        }
        if (reply instanceof JedisDataException error) {
            return new EarnormBackendException(RedisBackend.TYPE, command, "redis " + command + " failed for one of its results: "
                    + error.getMessage(), false, error);
        }
        return reply;
    }
}
