package io.earnorm.ra.api;

/** The resource adapter's factory of {@link RedisConnection}s, bound in JNDI by the server. */
public interface RedisConnectionFactory extends EarnormConnectionFactory<RedisConnection> {
}
