package io.earnorm.ra.sample.it;

import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.api.PostgresConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Two PostgreSQL writes in one container-managed JTA transaction, each through a connection of its
 * own: on one local-transaction factory, or on two XA factories (one defined by annotation, one by
 * asadmin commands). The second write fails on demand, after the first one succeeded.
 */
@ApplicationScoped
public class TransactionalWrites {

    static final String[] CREATE_TABLES = {
            "create table if not exists earnorm_it_steps (k text not null, step int not null, primary key (k, step))",
            "create table if not exists earnorm_it_orders (k text primary key)",
            "create table if not exists earnorm_it_payments (k text primary key, amount int not null check (amount > 0))"};

    @Resource(lookup = "eis/earnorm/ledger")
    PostgresConnectionFactory local;

    @Resource(lookup = TestFactoryDefinitions.XA_ORDERS)
    PostgresConnectionFactory orders;

    @Resource(lookup = TestFactoryDefinitions.XA_PAYMENTS)
    PostgresConnectionFactory payments;

    /** Steps 1 and 2 of {@code key}; with {@code failSecond}, step 1 again, which the primary key refuses. */
    @Transactional
    public void twoLocalWrites(String key, boolean failSecond) throws Exception {
        try (PostgresConnection first = local.getConnection()) {
            first.execute("insert into earnorm_it_steps(k, step) values (?, 1)", key);
        }
        try (PostgresConnection second = local.getConnection()) {
            second.execute("insert into earnorm_it_steps(k, step) values (?, ?)", key, failSecond ? 1 : 2);
        }
    }

    /** An order and its payment, on two XA factories; a payment amount of 0 or less is refused by a check. */
    @Transactional
    public void orderAndPayment(String key, int amount) throws Exception {
        try (PostgresConnection order = orders.getConnection()) {
            order.execute("insert into earnorm_it_orders(k) values (?)", key);
        }
        try (PostgresConnection payment = payments.getConnection()) {
            payment.execute("insert into earnorm_it_payments(k, amount) values (?, ?)", key, amount);
        }
    }
}
