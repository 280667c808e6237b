/**
 * The PostgreSQL backend: pooled pgjdbc connections ({@code PgConnection}), one server session each.
 *
 * <ul>
 * <li>{@link io.earnorm.ra.postgres.PostgresPool} — the plain-Java pool and its builder; options
 *     {@code url} ({@code jdbc:postgresql://host[:port][,host[:port]...]/database[?parameters]}),
 *     {@code user}, {@code password}, {@code applicationName}, {@code connectTimeout},
 *     {@code socketTimeout} (seed-style snake_case works too), plus the pool options. The options
 *     given on their own win over the URL's parameters of the same meaning; the URL's other
 *     parameters go to the driver as they are.</li>
 * <li>{@link io.earnorm.ra.postgres.PostgresBackend} — open (through a
 *     {@link io.earnorm.ra.postgres.PostgresOpener}: pgjdbc's driver, or for an XA connection
 *     definition {@link io.earnorm.ra.postgres.PostgresOpener#xa()}, pgjdbc's {@code PGXAConnection}
 *     built as {@code PGXADataSource} builds it over a connection the driver opened with the same
 *     settings), validate ({@code isValid}, answered within the pool's bound
 *     to the millisecond), reset, close, and which errors mean the server is unavailable.</li>
 * <li>{@link io.earnorm.ra.postgres.PostgresHandle} — the borrowed connection, over a
 *     {@link io.earnorm.ra.pool.Lease} so that the resource adapter reuses it;
 *     {@link io.earnorm.ra.postgres.PostgresSession} — the physical connection with its session
 *     defaults and what the borrower changed.</li>
 * </ul>
 *
 * <h2>Choices</h2>
 * <ul>
 * <li>Timeouts. {@code connectTimeout} bounds the whole open (socket, TLS, authentication), exactly,
 *     through pgjdbc's {@code loginTimeout}; by default it is half the pool's acquire timeout, between
 *     1s and pgjdbc's 10s, so that a server that accepts the connection and never answers fails the
 *     open (and pauses the pool) while its borrower still waits. {@code socketTimeout} bounds every
 *     statement; it is off by default, since queries may legitimately run long, and validation has its
 *     own bound. A {@code loginTimeout} in the URL is refused in favour of {@code connectTimeout}.</li>
 * <li>Errors by SQLState. An open failing with class 08 (but {@code 08004}) or {@code 57P01}-{@code 57P03}
 *     means the server is unavailable, which pauses the pool; {@code 08004} (pgjdbc's "rejected": no
 *     password given, SSL not offered), {@code 28xxx} (authentication) and {@code 3D000} (unknown
 *     database) are configuration errors that reach the caller as they are. On an open connection
 *     class 08 and {@code 57P01}-{@code 57P03} ({@code pg_terminate_backend}, shutdown) mean the
 *     connection is lost and is retired; anything else ({@code 23xxx}, {@code 42xxx}, ...) fails the
 *     one statement and leaves the connection usable.</li>
 * <li>{@code execute}/{@code fetch} run prepared statements; parameters are always bound, never
 *     spliced. Rows are unmodifiable maps in column order; dates and times come as {@code java.time}
 *     values and arrays as Java arrays, so that nothing read depends on the connection afterwards.
 *     {@code execute} answers the rows touched, as PostgreSQL's command tag counts them.</li>
 * <li>Reset on return: statements opened through {@code jdbc()} and still open are closed (a
 *     handle closes its own; this catches a borrow that ended without its handle closing), an open
 *     transaction is rolled back (also one begun by a {@code BEGIN} statement, or failed), and the
 *     settings changed through {@code jdbc()} (auto-commit, isolation, read-only, schema, application
 *     name, network timeout) are put back, and only those, like HikariCP's dirty bits.
 *     {@code DISCARD ALL} is not used: it would drop pgjdbc's server-side prepared statements.
 *     Session state changed by SQL ({@code SET}, temporary tables, advisory locks, {@code LISTEN})
 *     is not undone, as in HikariCP; use {@code SET LOCAL} inside a transaction, or the JDBC setters.</li>
 * <li>Transactions a resource adapter's container runs (a JCA local transaction, an XA branch) are
 *     marked on the session: meanwhile {@code jdbc()} refuses to commit, roll back or turn
 *     auto-commit on (SQLState {@code 2D000}), the container's own auto-commit switch is not a
 *     borrower change, and auto-commit is put back on return in any case. Plain pools never mark
 *     a session, so none of this changes them.</li>
 * <li>{@code jdbc()} never hands out the physical connection: it, its statements, result sets and
 *     database metadata are wrapper classes of our own ({@code BorrowedConnection},
 *     {@code BorrowedStatement}, {@code BorrowedResultSet}, ...; the rarer arrays, LOBs and
 *     result set metadata are reflective proxies) that refuse calls after the borrow and are
 *     closed with it, and {@code unwrap} offers only interfaces that cannot close anything
 *     ({@code PGConnection}).</li>
 * </ul>
 */
package io.earnorm.ra.postgres;
