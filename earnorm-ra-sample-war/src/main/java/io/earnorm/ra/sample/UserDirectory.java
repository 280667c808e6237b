package io.earnorm.ra.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The directory's use cases, across the three backends.
 *
 * <p>MongoDB is written outside the ledger's JTA transaction, after it commits: the adapter's
 * MongoDB connections begin a MongoDB transaction when they join a JTA one, which needs a replica
 * set, and one transaction may hold only one non-XA resource. So a user that cannot be stored
 * has its signup undone by a second transaction ({@link Ledger#cancelSignup}).
 */
@ApplicationScoped
public class UserDirectory {

    /** The most users a list returns. */
    public static final int LIST_LIMIT = 100;

    @Inject
    WriteRateLimiter rateLimiter;

    @Inject
    LedgerSchema schema;

    @Inject
    Ledger ledger;

    @Inject
    UserStore store;

    @Inject
    UserCache cache;

    @Inject
    AuditTrail audit;

    public User create(NewUser request, String client) {
        rateLimiter.check(client);
        schema.ensureCreated();
        User user = new User(UUID.randomUUID().toString(), request.name(), request.email(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        ledger.recordSignup(user, client);
        try {
            store.insert(user);
        } catch (RuntimeException e) {
            ledger.cancelSignup(user, client);
            throw e;
        }
        return user;
    }

    /** The user, from the cache when it is there, else from MongoDB (and then cached). */
    public Optional<Found> find(String id) {
        Optional<User> cached = cache.get(id);
        if (cached.isPresent()) {
            return Optional.of(new Found(cached.get(), true));
        }
        Optional<User> stored = store.find(id);
        stored.ifPresent(cache::put);
        return stored.map(user -> new Found(user, false));
    }

    public List<User> list() {
        return store.list(LIST_LIMIT);
    }

    public void delete(String id, String client) {
        rateLimiter.check(client);
        User user = store.find(id).orElseThrow(() -> ApiException.notFound("no user with id " + id));
        schema.ensureCreated();
        ledger.recordDeletion(user, client);
        store.delete(id);
        cache.evict(id);
    }

    /** The audit trail of one user, deleted or not. */
    public List<AuditEntry> auditOf(String id) {
        schema.ensureCreated();
        return audit.entriesFor(id);
    }

    /** A user found, and whether the cache had it. */
    public record Found(User user, boolean fromCache) {
    }
}
