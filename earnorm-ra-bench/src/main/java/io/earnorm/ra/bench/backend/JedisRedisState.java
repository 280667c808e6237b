package io.earnorm.ra.bench.backend;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/**
 * Jedis 8's own pooled client, {@link RedisClient} (JedisPool and JedisPooled are deprecated or
 * gone in Jedis 8): every command borrows a connection from its commons-pool2 pool and gives it
 * back. Shared by all benchmark threads.
 */
@State(Scope.Benchmark)
public class JedisRedisState {

    RedisClient client;

    @Setup(Level.Trial)
    public void open(RedisData data) throws Exception {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(PoolSize.CONNECTIONS);
        pool.setMaxIdle(PoolSize.CONNECTIONS);
        pool.setMinIdle(PoolSize.CONNECTIONS);
        pool.setBlockWhenExhausted(true);
        pool.setMaxWait(PoolSize.WAIT_LIMIT);
        // The EarnORM pool registers no MBean either.
        pool.setJmxEnabled(false);
        // What the EarnORM pool's connections are: RESP2 without a HELLO, 2 s connect and socket timeouts.
        DefaultJedisClientConfig connection = DefaultJedisClientConfig.builder()
                .autoNegotiateProtocol(false)
                .connectionTimeoutMillis(2000)
                .socketTimeoutMillis(2000)
                .build();
        client = RedisClient.builder()
                .clientConfig(connection)
                .fromURI(Servers.redisUri())
                .poolConfig(pool)
                .build();
        // minIdle is otherwise only honoured by the evictor, which first runs after 30 s.
        client.getPool().preparePool();
        Checks.poolIsFull("Jedis RedisClient", client.getPool().getNumIdle());
        Checks.sameValue("Jedis RedisClient GET", RedisData.VALUE, client.get(RedisData.firstKey()));
    }

    @TearDown(Level.Trial)
    public void close() {
        client.close();
    }
}
