package io.earnorm.ra.spi.redis;

import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.api.RedisConnectionFactory;
import io.earnorm.ra.spi.EarnormConnectionFactoryBase;
import jakarta.resource.spi.ConnectionManager;

/** What applications look up or get injected: hands out {@link RedisConnection}s through the connection manager. */
public class RedisConnectionFactoryImpl extends EarnormConnectionFactoryBase<RedisConnection> implements RedisConnectionFactory {

    private static final long serialVersionUID = 1L;

    public RedisConnectionFactoryImpl(RedisManagedConnectionFactory managedFactory, ConnectionManager manager) {
        super(managedFactory, manager, RedisConnection.class);
    }
}
