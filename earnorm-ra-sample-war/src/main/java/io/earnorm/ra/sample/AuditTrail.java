package io.earnorm.ra.sample;

import io.earnorm.ra.api.PostgresConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The audit trail in PostgreSQL: one row per change to the directory. */
@ApplicationScoped
public class AuditTrail {

    @Inject
    LedgerConnections ledger;

    public void append(String userId, String action, String email, String client) {
        try (PostgresConnection conn = ledger.open()) {
            conn.execute("insert into earnorm_sample_audit(user_id, action, email, client) values (?, ?, ?, ?)", userId, action, email, client);
        }
    }

    /** Every entry about one user, oldest first. */
    public List<AuditEntry> entriesFor(String userId) {
        try (PostgresConnection conn = ledger.open()) {
            return conn.fetch("select id, at, user_id, action, email, client from earnorm_sample_audit where user_id = ? order by id", userId)
                    .stream().map(AuditTrail::entry).toList();
        }
    }

    private static AuditEntry entry(Map<String, Object> row) {
        return new AuditEntry(((Number) row.get("id")).longValue(), instant(row.get("at")), (String) row.get("user_id"),
                (String) row.get("action"), (String) row.get("email"), (String) row.get("client"));
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass().getName());
    }
}
