package io.earnorm.ra.servers;

import io.earnorm.ra.api.EarnormConnection;
import io.earnorm.ra.api.EarnormConnectionFactory;
import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.api.PostgresConnectionFactory;
import io.earnorm.ra.api.pool.AcquireTimeoutException;
import io.earnorm.ra.api.pool.ConnectionClosedException;
import io.earnorm.ra.servers.Definition.Backend;
import io.earnorm.ra.servers.Definition.DefinedBy;
import io.earnorm.ra.servers.Definition.Variant;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The checks, the same on every server: for each {@link Definition}, its factory found by JNDI
 * and by {@code @Resource} with a round trip through each, the adapter's maxSize cap, a closed handle
 * refused, 20 rounds through the factories with the server's pool on; local JTA commit and rollback
 * on PostgreSQL, and XA commit and rollback over two PostgreSQL XA factories in one transaction.
 */
final class ServerChecks {

    /** Rounds through a factory whose server pool (steady 8) is larger than the adapter's maxSize (5). */
    static final int ROUNDS = 20;
    private static final String TABLE = "earnorm_servers_it";

    private final Map<Definition, EarnormConnectionFactory<?>> injected;
    private final UserTransaction tx;
    private final List<CheckResult> results = new ArrayList<>();

    ServerChecks(Map<Definition, EarnormConnectionFactory<?>> injected, UserTransaction tx) {
        this.injected = injected;
        this.tx = tx;
    }

    List<CheckResult> runAll() {
        for (Definition d : Definition.all()) {
            check(d.label() + " found by JNDI, round trip", () -> RoundTrip.through(lookup(d), d.backend()));
            check(d.label() + " injected by @Resource, round trip", () -> RoundTrip.through(injectedFactory(d), d.backend()));
            check(d.label() + " maxSize " + Definition.MAX_SIZE + " caps the connections", () -> maxSizeCaps(d));
            check(d.label() + " closed handle refused", () -> closedHandleRefused(d));
            if (d.variant() == Variant.POOLED) {
                check(d.label() + " " + ROUNDS + " rounds with the server's pool on", () -> rounds(d));
            }
            if (d.backend() == Backend.POSTGRES && d.variant() != Variant.XA) {
                check(d.label() + " JTA commit", () -> localTransaction(d, true));
                check(d.label() + " JTA rollback", () -> localTransaction(d, false));
            }
        }
        check("XA commit over app/postgres-xa and admin/postgres-xa", () -> xa(true));
        check("XA rollback over app/postgres-xa and admin/postgres-xa", () -> xa(false));
        return List.copyOf(results);
    }

    private void check(String name, Check body) {
        try {
            body.run();
            results.add(new CheckResult(CheckResult.Outcome.PASS, name, ""));
        } catch (Check.Skip e) {
            results.add(new CheckResult(CheckResult.Outcome.SKIP, name, e.getMessage()));
        } catch (Exception | AssertionError e) {
            results.add(new CheckResult(CheckResult.Outcome.FAIL, name, causeChain(e)));
        } finally {
            endTransactionLeftOpen();
        }
    }

    private EarnormConnectionFactory<?> lookup(Definition d) throws NamingException {
        Object found = new InitialContext().lookup(d.lookupName());
        if (!(found instanceof EarnormConnectionFactory<?> factory)) {
            throw new AssertionError(d.lookupName() + " is a " + (found == null ? "null" : found.getClass().getName()) + ", not a connection factory");
        }
        return factory;
    }

    private EarnormConnectionFactory<?> injectedFactory(Definition d) {
        EarnormConnectionFactory<?> factory = injected.get(d);
        if (factory == null) {
            throw new AssertionError("nothing injected for " + d.label());
        }
        return factory;
    }

    /** maxSize connections held at once; one more times out; after one is closed, the next is served. */
    private void maxSizeCaps(Definition d) throws Exception {
        EarnormConnectionFactory<?> factory = injectedFactory(d);
        List<EarnormConnection> held = new ArrayList<>();
        try {
            for (int i = 0; i < Definition.MAX_SIZE; i++) {
                EarnormConnection c = factory.getConnection();
                RoundTrip.on(c, d.backend());
                held.add(c);
            }
            try {
                EarnormConnection extra = factory.getConnection();
                held.add(extra);
                RoundTrip.on(extra, d.backend());
                throw new AssertionError("connection " + (Definition.MAX_SIZE + 1) + " was served with " + Definition.MAX_SIZE + " in use");
            } catch (Exception e) {
                if (!hasCause(e, AcquireTimeoutException.class)) {
                    throw new AssertionError("connection " + (Definition.MAX_SIZE + 1) + " was refused, but not by the pool's acquire timeout: " + causeChain(e), e);
                }
            }
            held.remove(0).close();
            RoundTrip.through(factory, d.backend());
        } finally {
            held.forEach(EarnormConnection::close);
        }
    }

    private void closedHandleRefused(Definition d) throws Exception {
        EarnormConnection c = injectedFactory(d).getConnection();
        RoundTrip.on(c, d.backend());
        c.close();
        try {
            Object answer = RoundTrip.touch(c, d.backend());
            throw new AssertionError("a closed handle answered: " + answer);
        } catch (RuntimeException e) {
            if (!hasCause(e, ConnectionClosedException.class)) {
                throw new AssertionError("a closed handle was refused, but not as closed: " + causeChain(e), e);
            }
        }
    }

    private void rounds(Definition d) throws Exception {
        EarnormConnectionFactory<?> factory = injectedFactory(d);
        for (int round = 1; round <= ROUNDS; round++) {
            try {
                RoundTrip.through(factory, d.backend());
            } catch (Exception e) {
                throw new AssertionError("round " + round + " of " + ROUNDS + " failed: " + causeChain(e), e);
            }
        }
    }

    /** A row written in a JTA transaction is there after commit and not after rollback. */
    private void localTransaction(Definition d, boolean commit) throws Exception {
        PostgresConnectionFactory factory = (PostgresConnectionFactory) injectedFactory(d);
        createTable(factory);
        String key = UUID.randomUUID().toString();
        tx.begin();
        try (PostgresConnection c = factory.getConnection()) {
            c.execute("insert into " + TABLE + " (k) values (?)", key);
        }
        end(commit);
        expectRows(factory, key, commit ? 1 : 0);
    }

    /** Two XA factories in one JTA transaction: two branches, prepared and committed, or rolled back. */
    private void xa(boolean commit) throws Exception {
        PostgresConnectionFactory app = (PostgresConnectionFactory) injected.get(new Definition(DefinedBy.APP, Backend.POSTGRES, Variant.XA));
        PostgresConnectionFactory admin = (PostgresConnectionFactory) injected.get(new Definition(DefinedBy.ADMIN, Backend.POSTGRES, Variant.XA));
        PostgresConnectionFactory plain = (PostgresConnectionFactory) injected.get(new Definition(DefinedBy.APP, Backend.POSTGRES, Variant.PLAIN));
        requirePreparedTransactions(plain);
        createTable(plain);
        String viaApp = UUID.randomUUID().toString();
        String viaAdmin = UUID.randomUUID().toString();
        tx.begin();
        try (PostgresConnection a = app.getConnection(); PostgresConnection b = admin.getConnection()) {
            a.execute("insert into " + TABLE + " (k) values (?)", viaApp);
            b.execute("insert into " + TABLE + " (k) values (?)", viaAdmin);
        }
        end(commit);
        expectRows(plain, viaApp, commit ? 1 : 0);
        expectRows(plain, viaAdmin, commit ? 1 : 0);
    }

    private static void requirePreparedTransactions(PostgresConnectionFactory factory) throws Exception {
        try (PostgresConnection c = factory.getConnection()) {
            Object max = c.fetchVal("show max_prepared_transactions");
            if ("0".equals(String.valueOf(max))) {
                throw new Check.Skip("the PostgreSQL at 127.0.0.1:5432 has max_prepared_transactions = 0, so it cannot prepare an XA branch;"
                        + " .ci/prepare-machine sets it to 20 (ALTER SYSTEM SET max_prepared_transactions = 20 and a restart)");
            }
        }
    }

    private void end(boolean commit) throws Exception {
        if (commit) {
            tx.commit();
        } else {
            tx.rollback();
        }
    }

    private static void createTable(PostgresConnectionFactory factory) throws Exception {
        try (PostgresConnection c = factory.getConnection()) {
            c.execute("create table if not exists " + TABLE + " (k text primary key)");
        }
    }

    /** Checks the rows of {@code key}, then removes them. */
    private static void expectRows(PostgresConnectionFactory factory, String key, int expected) throws Exception {
        try (PostgresConnection c = factory.getConnection()) {
            long rows = ((Number) c.fetchVal("select count(*) from " + TABLE + " where k = ?", key)).longValue();
            if (rows != expected) {
                throw new AssertionError("rows with key " + key + ": expected " + expected + " but found " + rows);
            }
            // Each run's keys are new: without this the table only grows, run after run.
            c.execute("delete from " + TABLE + " where k = ?", key);
        }
    }

    /** A check that failed inside a transaction must not leave it to the next check. */
    private void endTransactionLeftOpen() {
        try {
            if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                tx.rollback();
            }
        } catch (Exception ignored) {
            // the check's own failure is what is reported
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static String causeChain(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 2000; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }
}
