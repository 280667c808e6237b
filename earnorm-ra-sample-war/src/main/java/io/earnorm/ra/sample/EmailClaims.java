package io.earnorm.ra.sample;

import io.earnorm.ra.api.EarnormBackendException;
import io.earnorm.ra.api.PostgresConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.SQLException;

/** Which user holds which email address: PostgreSQL's primary key keeps addresses unique. */
@ApplicationScoped
public class EmailClaims {

    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    LedgerConnections ledger;

    /** Claims {@code email} for {@code userId}, or refuses with 409 when another user holds it. */
    public void claim(String email, String userId) {
        try (PostgresConnection conn = ledger.open()) {
            conn.execute("insert into earnorm_sample_emails(email, user_id) values (?, ?)", email, userId);
        } catch (EarnormBackendException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw ApiException.conflict("email", "email " + email + " is already taken");
            }
            throw e;
        }
    }

    public void release(String email, String userId) {
        try (PostgresConnection conn = ledger.open()) {
            conn.execute("delete from earnorm_sample_emails where email = ? and user_id = ?", email, userId);
        }
    }
}
