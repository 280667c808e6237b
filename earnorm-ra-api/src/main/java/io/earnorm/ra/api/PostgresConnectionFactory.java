package io.earnorm.ra.api;

/** The resource adapter's factory of {@link PostgresConnection}s, bound in JNDI by the server. */
public interface PostgresConnectionFactory extends EarnormConnectionFactory<PostgresConnection> {
}
