package io.earnorm.ra.api;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;

import java.io.Serializable;

/**
 * What an application looks up in JNDI or gets injected with {@code @Resource}: a factory of
 * pooled connections to one backend. Serializable and Referenceable, so that a server can bind it.
 *
 * @param <C> the connection it hands out
 */
public interface EarnormConnectionFactory<C extends EarnormConnection> extends Serializable, Referenceable {

    /**
     * A connection authenticated as the container decides (container-managed sign-on) or, failing
     * that, as the factory's configured user.
     *
     * @throws ResourceException when no connection could be had: the pool's typed exception
     *                           ({@link io.earnorm.ra.api.pool.AcquireTimeoutException}, ...) is its cause
     */
    C getConnection() throws ResourceException;

    /**
     * A connection authenticated as {@code user} (application-managed sign-on). Connections of one
     * user are never handed to another.
     */
    C getConnection(String user, String password) throws ResourceException;
}
