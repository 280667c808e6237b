package io.earnorm.ra.sample.it;

import io.earnorm.ra.api.MongoConnectionFactory;
import io.earnorm.ra.api.PostgresConnectionFactory;
import io.earnorm.ra.api.RedisConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

/** The sample application's three factories as the container injects them into a bean. */
@ApplicationScoped
public class InjectedFactories {

    @Resource(lookup = "java:app/eis/users")
    MongoConnectionFactory users;

    @Resource(lookup = "java:app/eis/cache")
    RedisConnectionFactory cache;

    @Resource(lookup = "eis/earnorm/ledger")
    PostgresConnectionFactory ledger;

    public MongoConnectionFactory users() {
        return users;
    }

    public RedisConnectionFactory cache() {
        return cache;
    }

    public PostgresConnectionFactory ledger() {
        return ledger;
    }
}
