package io.earnorm.ra.spi.mongo;

import io.earnorm.ra.api.MongoConnection;
import io.earnorm.ra.api.MongoConnectionFactory;
import io.earnorm.ra.spi.EarnormConnectionFactoryBase;
import jakarta.resource.spi.ConnectionManager;

/** What applications look up or get injected: hands out {@link MongoConnection}s through the connection manager. */
public class MongoConnectionFactoryImpl extends EarnormConnectionFactoryBase<MongoConnection> implements MongoConnectionFactory {

    private static final long serialVersionUID = 1L;

    public MongoConnectionFactoryImpl(MongoManagedConnectionFactory managedFactory, ConnectionManager manager) {
        super(managedFactory, manager, MongoConnection.class);
    }
}
