/**
 * The PostgreSQL connection definition of the resource adapter.
 *
 * <ul>
 * <li>{@link io.earnorm.ra.spi.postgres.PostgresManagedConnectionFactory} — config properties
 *     {@code url}, {@code applicationName}, {@code connectTimeout}, {@code socketTimeout} (the plain
 *     {@code PostgresPool}'s options, with its defaults), {@code xa}, and the user, password and pool
 *     options every connection definition has. Handles are the plain pool's
 *     {@link io.earnorm.ra.postgres.PostgresHandle}s over the managed connection's lease.</li>
 * <li>{@link io.earnorm.ra.spi.postgres.PostgresConnectionFactoryImpl} — the application's
 *     {@link io.earnorm.ra.api.PostgresConnectionFactory}.</li>
 * <li>{@link io.earnorm.ra.spi.postgres.PostgresLocalTransaction} and
 *     {@link io.earnorm.ra.spi.postgres.PostgresXaResource} — transaction support.</li>
 * </ul>
 *
 * <h2>Choices</h2>
 * <ul>
 * <li>XA is chosen per connection definition with the boolean property {@code xa} (default false),
 *     rather than by a second connection definition class: one class, one set of properties, and a
 *     deployer flips one value (and declares the pool's transaction support as XATransaction). With
 *     {@code xa=true} every physical connection is a pgjdbc {@code PGXAConnection}, the class
 *     {@code PGXADataSource} hands out, built exactly as it builds them but over a connection the
 *     driver opened directly (see {@code XaOpener}): same URL parameters, exact connect timeout, no
 *     {@code DriverManager}. The handle works through that XA connection's {@code java.sql.Connection}.
 *     {@code getTransactionSupport()} answers XATransaction with {@code xa=true} and LocalTransaction
 *     without; an XA definition supports local transactions too (a container may use them for a
 *     transaction with a single resource), a plain one refuses {@code getXAResource()}.</li>
 * <li>A transaction keeps the managed connection on its physical connection from its start to its
 *     end ({@code transactionStarted()}/{@code transactionEnded()}): for XA from {@code start} to the
 *     {@code commit} or {@code rollback} of the branch, prepare included, because pgjdbc sends the
 *     second phase on the connection that ran the branch ({@code isSameRM} is identity). A managed
 *     connection destroyed inside a transaction is closed, not reused: PostgreSQL then rolls back
 *     what was not prepared; a prepared branch stays in the server, where {@code recover()} from any
 *     connection of the same database finds it.</li>
 * <li>The session is marked while the container's transaction runs, so that the borrower cannot end
 *     it through {@code jdbc()}, local work and an XA branch exclude each other, and the pool's reset
 *     does not mistake the container's auto-commit switch for a borrower's change (see
 *     {@link io.earnorm.ra.postgres.PostgresSession}).</li>
 * <li>Credentials: the configured user and password keep the URL's {@code user}/{@code password}
 *     parameters as fallbacks, like the plain pool; a user given by sign-on (application- or
 *     container-managed) is used with exactly the password given with it, never the URL's.</li>
 * <li>A wrong {@code url} is reported with its password masked: the generic check would echo the
 *     configured value, and a JDBC URL may carry a {@code password} parameter.</li>
 * </ul>
 */
package io.earnorm.ra.spi.postgres;
