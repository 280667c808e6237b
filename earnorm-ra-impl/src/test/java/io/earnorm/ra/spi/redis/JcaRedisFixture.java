package io.earnorm.ra.spi.redis;

import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.redis.RedisSession;
import io.earnorm.ra.spi.EarnormManagedConnection;
import io.earnorm.ra.testsupport.TestServers;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionRequestInfo;
import org.junit.jupiter.api.AfterEach;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import javax.security.auth.Subject;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * What the Redis connection definition's tests share: definitions on the shared test server in a
 * database of their own ({@value #DATABASE}), keys under a prefix unique to each test (deleted
 * afterwards), and whatever a test starts closed after it, newest first.
 */
abstract class JcaRedisFixture {

    /** The tests' own database on a shared server; they delete only the keys they made. */
    static final int DATABASE = 11;

    private final String prefix = "earnorm-jca:" + UUID.randomUUID() + ":";
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

    /** A connection definition on the shared test server, in the tests' database. */
    RedisManagedConnectionFactory sharedServerDefinition() {
        return definition(TestServers.redisUri());
    }

    /** A connection definition on {@code uri}, in the tests' database, closed after the test. */
    RedisManagedConnectionFactory definition(String uri) {
        RedisManagedConnectionFactory mcf = closeLater(new RedisManagedConnectionFactory());
        mcf.setUri(uri);
        mcf.setDatabase(DATABASE);
        mcf.setAcquireTimeout("10s");
        return mcf;
    }

    /** A managed connection of {@code mcf} as a container would create it, destroyed after the test. */
    @SuppressWarnings("unchecked")
    EarnormManagedConnection<RedisSession> managed(RedisManagedConnectionFactory mcf, Subject subject, ConnectionRequestInfo info) throws ResourceException {
        EarnormManagedConnection<RedisSession> mc = (EarnormManagedConnection<RedisSession>) mcf.createManagedConnection(subject, info);
        closeLater(mc::destroy);
        return mc;
    }

    <T extends AutoCloseable> T closeLater(T resource) {
        toClose.push(resource);
        return resource;
    }

    String key(String name) {
        return prefix + name;
    }

    /** A plain Jedis client on a server ({@code redis://[user:password@]host:port}), outside any pool, for checking and disturbing from the side. */
    Jedis admin(String redisUri) {
        URI uri = URI.create(redisUri);
        String user = null;
        String password = null;
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = parts[0].isEmpty() ? null : parts[0];
            password = parts[1];
        }
        return closeLater(new Jedis(new HostAndPort(uri.getHost(), uri.getPort() == -1 ? 6379 : uri.getPort()),
                DefaultJedisClientConfig.builder().user(user).password(password).database(DATABASE).build()));
    }

    static long clientId(RedisConnection connection) {
        return (Long) connection.execute("CLIENT", "ID");
    }

    @AfterEach
    void cleanUp() throws Exception {
        Exception failure = null;
        try {
            Jedis jedis = admin(TestServers.redisUri());
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, new ScanParams().match(prefix + "*").count(1000));
                List<String> keys = page.getResult();
                if (!keys.isEmpty()) {
                    jedis.del(keys.toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        } catch (RuntimeException e) {
            failure = e;
        }
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
