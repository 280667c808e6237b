package io.earnorm.ra.serverbench.app;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

import java.time.Duration;

/**
 * The Redis side a Payara user would write without the adapter: one Jedis 8 {@link RedisClient}
 * (its pooled client; JedisPool and JedisPooled are deprecated or gone in Jedis 8) held by the
 * application, 8 connections open from the start, the adapter's connection settings (RESP2
 * without HELLO, 2 s timeouts).
 */
@ApplicationScoped
public class AppRedisClient {

    private RedisClient client;

    @PostConstruct
    void open() {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(Sizes.CONNECTIONS);
        pool.setMaxIdle(Sizes.CONNECTIONS);
        pool.setMinIdle(Sizes.CONNECTIONS);
        pool.setBlockWhenExhausted(true);
        pool.setMaxWait(Duration.ofSeconds(Sizes.WAIT_LIMIT_SECONDS));
        pool.setJmxEnabled(false);
        DefaultJedisClientConfig connection = DefaultJedisClientConfig.builder()
                .autoNegotiateProtocol(false)
                .connectionTimeoutMillis(2000)
                .socketTimeoutMillis(2000)
                .build();
        client = RedisClient.builder()
                .clientConfig(connection)
                .fromURI(Sizes.required("earnorm.redis.uri"))
                .poolConfig(pool)
                .build();
        // minIdle is otherwise honoured only by the evictor, whose first run is after 30 s.
        try {
            client.getPool().preparePool();
        } catch (Exception e) {
            throw new IllegalStateException("could not open the RedisClient's 8 connections", e);
        }
    }

    RedisClient client() {
        return client;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
