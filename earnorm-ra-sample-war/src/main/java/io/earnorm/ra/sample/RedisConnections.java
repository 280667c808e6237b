package io.earnorm.ra.sample;

import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.api.RedisConnectionFactory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.resource.ResourceException;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Connections to Redis, for the cache and the rate limit, through a factory looked up in JNDI
 * with a plain {@link InitialContext}: the other way of getting a factory, besides injection.
 */
@ApplicationScoped
public class RedisConnections {

    static final String JNDI_NAME = "java:app/eis/cache";

    private RedisConnectionFactory factory;

    @PostConstruct
    void lookUp() {
        try {
            factory = (RedisConnectionFactory) new InitialContext().lookup(JNDI_NAME);
        } catch (NamingException e) {
            throw new IllegalStateException("no Redis connection factory at " + JNDI_NAME
                    + ": is the earnorm-ra resource adapter deployed before this application?", e);
        }
    }

    public RedisConnection open() {
        try {
            return factory.getConnection();
        } catch (ResourceException e) {
            throw ApiException.unavailable("redis", e);
        }
    }

    public boolean ping() {
        try (RedisConnection conn = open()) {
            return conn.ping();
        }
    }
}
