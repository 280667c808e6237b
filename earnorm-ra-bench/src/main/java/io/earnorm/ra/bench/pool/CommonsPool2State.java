package io.earnorm.ra.bench.pool;

import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** One commons-pool2 {@link GenericObjectPool} of plain objects, shared by all benchmark threads. */
@State(Scope.Benchmark)
public class CommonsPool2State {

    GenericObjectPool<Object> pool;

    @Setup(Level.Trial)
    public void open() throws Exception {
        GenericObjectPoolConfig<Object> config = new GenericObjectPoolConfig<>();
        config.setMaxTotal(PoolSize.CONNECTIONS);
        config.setMaxIdle(PoolSize.CONNECTIONS);
        config.setMinIdle(PoolSize.CONNECTIONS);
        config.setBlockWhenExhausted(true);
        config.setMaxWait(PoolSize.WAIT_LIMIT);
        // The other two pools register no MBean either.
        config.setJmxEnabled(false);
        pool = new GenericObjectPool<>(new NoOpObjectFactory(), config);
        // minIdle is otherwise only honoured by the evictor, which is off by default.
        pool.preparePool();
        int idle = pool.getNumIdle();
        if (idle != PoolSize.CONNECTIONS) {
            throw new IllegalStateException("commons-pool2 holds " + idle + " idle objects after preparePool(), expected " + PoolSize.CONNECTIONS);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        pool.close();
    }
}
