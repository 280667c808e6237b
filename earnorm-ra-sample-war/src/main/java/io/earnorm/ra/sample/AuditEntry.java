package io.earnorm.ra.sample;

import java.time.Instant;

/** One line of the audit trail: who did what to which user, and when. */
public record AuditEntry(long id, Instant at, String userId, String action, String email, String client) {
}
