package io.earnorm.ra.spi.postgres;

import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.api.PostgresConnectionFactory;
import io.earnorm.ra.spi.EarnormConnectionFactoryBase;
import jakarta.resource.spi.ConnectionManager;

/**
 * What an application looks up or gets injected: hands out {@link PostgresConnection}s through the
 * container's connection manager (or the adapter's own, without a server).
 */
public class PostgresConnectionFactoryImpl extends EarnormConnectionFactoryBase<PostgresConnection> implements PostgresConnectionFactory {

    private static final long serialVersionUID = 1L;

    public PostgresConnectionFactoryImpl(PostgresManagedConnectionFactory managedFactory, ConnectionManager manager) {
        super(managedFactory, manager, PostgresConnection.class);
    }
}
