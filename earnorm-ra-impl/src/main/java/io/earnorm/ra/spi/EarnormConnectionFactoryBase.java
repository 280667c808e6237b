package io.earnorm.ra.spi;

import io.earnorm.ra.api.EarnormConnection;
import io.earnorm.ra.api.EarnormConnectionFactory;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;

import javax.naming.Reference;
import java.util.Objects;

/**
 * The application-facing connection factory: asks the connection manager (the container's, or
 * {@link NonManagedConnectionManager}) for a connection of its managed connection factory.
 * Serializable and Referenceable, so that a server can bind it in JNDI.
 *
 * @param <H> the connection interface it hands out
 */
public abstract class EarnormConnectionFactoryBase<H extends EarnormConnection> implements EarnormConnectionFactory<H> {

    private static final long serialVersionUID = 1L;

    private final AbstractManagedConnectionFactory<?> managedFactory;
    private final ConnectionManager manager;
    private final Class<H> connectionType;
    private Reference reference;

    protected EarnormConnectionFactoryBase(AbstractManagedConnectionFactory<?> managedFactory, ConnectionManager manager, Class<H> connectionType) {
        this.managedFactory = Objects.requireNonNull(managedFactory, "managedFactory");
        this.manager = Objects.requireNonNull(manager, "manager");
        this.connectionType = connectionType;
    }

    @Override
    public H getConnection() throws ResourceException {
        return connectionType.cast(manager.allocateConnection(managedFactory, null));
    }

    @Override
    public H getConnection(String user, String password) throws ResourceException {
        if (user == null || user.isBlank()) {
            throw new jakarta.resource.spi.SecurityException("getConnection(user, password) needs a user; use getConnection() for the configured one");
        }
        return connectionType.cast(manager.allocateConnection(managedFactory, new EarnormConnectionRequestInfo(new Credential(user, password))));
    }

    /** The managed connection factory behind this factory, for monitoring and tests. */
    public AbstractManagedConnectionFactory<?> managedConnectionFactory() {
        return managedFactory;
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + managedFactory + "]";
    }
}
