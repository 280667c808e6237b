package io.earnorm.ra.spi;

import jakarta.resource.spi.ConnectionRequestInfo;

/**
 * The credentials of application-managed sign-on ({@code getConnection(user, password)}), passed by
 * the connection manager to the managed connection factory. Equal when the credentials are.
 */
public record EarnormConnectionRequestInfo(Credential credential) implements ConnectionRequestInfo {
}
