package io.earnorm.ra.spi;

import io.earnorm.ra.backend.Secrets;

import java.util.Objects;

/**
 * Who a physical connection is authenticated as. Each credential has its own sub-pool, so a
 * connection opened as one user is never handed to another. The password never shows in
 * {@link #toString()}.
 *
 * <p>An empty password is no password: GlassFish and Payara hand over the connector pool's user
 * with an empty password when the pool sets none, and that is the same credential as the
 * configured user without a password (one sub-pool, named {@code poolName}), not a second one.
 *
 * @param user     the user, or {@code null} for the backend's default (no authentication)
 * @param password the password, or {@code null} (an empty one is taken as {@code null})
 */
public record Credential(String user, String password) {

    public Credential {
        if (password != null && password.isEmpty()) {
            password = null;
        }
    }

    /** No user of the caller's own: the factory's configured credentials apply. */
    public static final Credential NONE = new Credential(null, null);

    public boolean isNone() {
        return user == null && password == null;
    }

    /** The same object first: the server hands over the configured credential itself on almost every getConnection. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Credential c && Objects.equals(user, c.user) && Objects.equals(password, c.password);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(user) + Objects.hashCode(password);
    }

    @Override
    public String toString() {
        return "Credential[user=" + Objects.toString(user, "(default)") + ", password=" + (password == null ? "(none)" : Secrets.MASK) + "]";
    }
}
