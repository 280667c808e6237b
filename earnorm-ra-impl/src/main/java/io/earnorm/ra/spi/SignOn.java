package io.earnorm.ra.spi;

import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.security.PasswordCredential;

import javax.security.auth.Subject;

/** Which credential a connection request is for, by the Connectors rules of sign-on. */
final class SignOn {

    private SignOn() {
    }

    /**
     * The {@link PasswordCredential} for {@code factory} in the container's {@code Subject}
     * (container-managed sign-on) when it names a user, else the credentials the application passed
     * ({@code getConnection(user, password)}), else {@code configured}.
     */
    static Credential credentialOf(Subject subject, ConnectionRequestInfo info, ManagedConnectionFactory factory, Credential configured) {
        if (subject != null) {
            // The live set, filtered here: getPrivateCredentials(Class) copies it into a new set on every call.
            for (Object held : subject.getPrivateCredentials()) {
                if (!(held instanceof PasswordCredential pc)) {
                    continue;
                }
                // Payara hands over a credential with an empty user name when the connector pool
                // names no user: that is no identity, and the configured credentials apply.
                boolean anonymous = pc.getUserName() == null || pc.getUserName().isEmpty();
                if (!anonymous && (pc.getManagedConnectionFactory() == null || pc.getManagedConnectionFactory().equals(factory))) {
                    return new Credential(pc.getUserName(), pc.getPassword() == null ? null : new String(pc.getPassword()));
                }
            }
        }
        if (info instanceof EarnormConnectionRequestInfo requested && !requested.credential().isNone()) {
            return requested.credential();
        }
        return configured;
    }
}
