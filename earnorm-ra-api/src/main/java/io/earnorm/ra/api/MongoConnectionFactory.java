package io.earnorm.ra.api;

/** The resource adapter's factory of {@link MongoConnection}s, bound in JNDI by the server. */
public interface MongoConnectionFactory extends EarnormConnectionFactory<MongoConnection> {
}
