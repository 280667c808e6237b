package io.earnorm.ra.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The PostgreSQL writes that belong together, each in one container-managed JTA transaction: the
 * audit entry and the email claim commit together or not at all. The audit entry is written
 * first, so a refused claim (the address is taken) visibly rolls it back.
 */
@ApplicationScoped
public class Ledger {

    @Inject
    AuditTrail audit;

    @Inject
    EmailClaims emails;

    @Transactional
    public void recordSignup(User user, String client) {
        audit.append(user.id(), "created", user.email(), client);
        emails.claim(user.email(), user.id());
    }

    /** Undoes a signup whose user could not be stored, keeping a trace of it. */
    @Transactional
    public void cancelSignup(User user, String client) {
        audit.append(user.id(), "create-failed", user.email(), client);
        emails.release(user.email(), user.id());
    }

    @Transactional
    public void recordDeletion(User user, String client) {
        audit.append(user.id(), "deleted", user.email(), client);
        emails.release(user.email(), user.id());
    }
}
