/**
 * The MongoDB connection definition of the resource adapter.
 *
 * <ul>
 * <li>{@link io.earnorm.ra.spi.mongo.MongoManagedConnectionFactory} — config properties {@code uri},
 *     {@code database}, {@code authSource}, {@code operationTimeout} (as {@code MongoPool}'s
 *     builder), plus the pool options and {@code user}/{@code password} of the base class; hands
 *     out {@link io.earnorm.ra.mongo.MongoHandle}s through
 *     {@link io.earnorm.ra.spi.mongo.MongoConnectionFactoryImpl}.</li>
 * <li>{@link io.earnorm.ra.spi.mongo.MongoLocalTransaction} — the connection definition is
 *     {@code LocalTransaction}: a client session with a transaction, in which every handle of the
 *     managed connection runs while it is active.</li>
 * </ul>
 *
 * <h2>Choices</h2>
 * <ul>
 * <li>One {@code MongoClient} per credential: the driver authenticates every socket of a client as
 *     one user, so each credential's sub-pool has a backend and a client of its own, and a
 *     connection of one user is never lent to another. Closing the factory shuts every client down,
 *     each once its last borrowed slot has come back.</li>
 * <li>Transactions need a replica set or a sharded cluster; {@code begin} against a standalone
 *     server fails at once with a {@code LocalTransactionException} that says so, instead of the
 *     first operation failing.</li>
 * <li>Credentials both in the {@code uri} and from the caller ({@code getConnection(user, password)}
 *     or a {@code PasswordCredential}) are refused with a {@code SecurityException}, as
 *     {@code MongoPool} refuses credentials given twice: configure {@code user} and
 *     {@code password} as properties when applications sign on with their own.</li>
 * <li>XA is not offered: MongoDB has no two-phase commit for an external coordinator.</li>
 * </ul>
 */
package io.earnorm.ra.spi.mongo;
