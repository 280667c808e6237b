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
                    // The server hands over the pool's configured user on every getConnection:
                    // that one is answered without copying the password into a new string.
                    if (isConfigured(pc, configured)) {
                        return configured;
                    }
                    return new Credential(pc.getUserName(), pc.getPassword() == null ? null : new String(pc.getPassword()));
                }
            }
        }
        if (info instanceof EarnormConnectionRequestInfo requested && !requested.credential().isNone()) {
            return requested.credential();
        }
        return configured;
    }

    /** Whether {@code pc} names the configured user with the configured password (empty being none, as in {@link Credential}). */
    private static boolean isConfigured(PasswordCredential pc, Credential configured) {
        if (!pc.getUserName().equals(configured.user())) {
            return false;
        }
        char[] given = pc.getPassword();
        String expected = configured.password();
        if (given == null || given.length == 0) {
            return expected == null;
        }
        if (expected == null || expected.length() != given.length) {
            return false;
        }
        for (int i = 0; i < given.length; i++) {
            if (given[i] != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
