package io.earnorm.ra.sample;

import io.earnorm.ra.api.PostgresConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.lang.System.Logger.Level;

/**
 * The ledger's two tables, created when the application starts or, if PostgreSQL was not
 * reachable then, before the first write. Never inside a transaction, so that a rolled back
 * write cannot take the tables with it.
 */
@ApplicationScoped
public class LedgerSchema {

    private static final System.Logger LOG = System.getLogger(LedgerSchema.class.getName());

    private volatile boolean created;

    @Inject
    LedgerConnections ledger;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        try {
            ensureCreated();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the ledger's tables could not be created yet; the first write tries again: " + e.getMessage());
        }
    }

    public void ensureCreated() {
        if (created) {
            return;
        }
        try (PostgresConnection conn = ledger.open()) {
            conn.execute("""
                    create table if not exists earnorm_sample_audit (
                        id bigserial primary key,
                        at timestamptz not null default now(),
                        user_id text not null,
                        action text not null,
                        email text not null,
                        client text not null)""");
            conn.execute("""
                    create table if not exists earnorm_sample_emails (
                        email text primary key,
                        user_id text not null,
                        claimed_at timestamptz not null default now())""");
        }
        created = true;
    }
}
