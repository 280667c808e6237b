/**
 * The MongoDB backend: connections are leases on one shared {@code MongoClient} per pool (per
 * connection factory), never one client per connection.
 *
 * <ul>
 * <li>{@link io.earnorm.ra.mongo.MongoPool} — the plain-Java pool and its builder; options
 *     {@code uri} (passed to the driver as it is: hosts, replica set, TLS, credentials, read
 *     preference, {@code timeoutMS}...), {@code database} (required unless the URI names one),
 *     {@code user}, {@code password}, {@code authSource} (default {@code admin}),
 *     {@code operationTimeout}, {@code readPreference}, {@code writeConcern}, {@code tls},
 *     {@code tlsTrustFile}, {@code tlsKeyStore}, {@code tlsKeyStorePassword} (seed-style snake_case
 *     works too), plus the pool options. The URI's {@code tls=true} turns TLS on too
 *     ({@link io.earnorm.ra.backend.TlsSettings}).</li>
 * <li>{@link io.earnorm.ra.mongo.MongoSettings} — checks the options and derives the driver's
 *     settings from them.</li>
 * <li>{@link io.earnorm.ra.mongo.MongoBackend} — owns the shared client; opens a
 *     {@link io.earnorm.ra.mongo.MongoSlot} by proving the server answers ({@code {ping: 1}}),
 *     validates with {@code {ping: 1}} within the pool's bound, and tells an outage from one lost
 *     connection.</li>
 * <li>{@link io.earnorm.ra.mongo.MongoHandle} — the borrowed connection, over a
 *     {@link io.earnorm.ra.pool.Lease} so that the resource adapter reuses it;
 *     {@link io.earnorm.ra.mongo.MongoExecutor} — what {@code execute} means (its class comment
 *     lists every operation, its arguments and its result).</li>
 * </ul>
 *
 * <h2>Choices</h2>
 * <ul>
 * <li>The pool core counts leases (slots); the driver counts sockets. The driver's pool is sized
 *     from the same options ({@code maxSize → maxConnectionPoolSize}, {@code minSize},
 *     {@code maxLifetime}, {@code idleTimeout}, {@code acquireTimeout → maxWaitTime},
 *     {@code maxConnecting}), so that {@code maxSize} borrowers never wait for a socket. A URI that
 *     sizes the driver's pool itself ({@code maxPoolSize}, ...) is refused rather than silently
 *     overridden.</li>
 * <li>Connect and server-selection timeouts are the URI's (or the driver's defaults) but never
 *     longer than {@code validationTimeout}, so an unreachable server fails an open, and therefore
 *     {@code init()} and the pool's probe, within the pool's bound. Validation uses the driver's
 *     client-side operation timeout ({@code MongoDatabase.withTimeout}), which also bounds a
 *     server that accepts connections but never answers.</li>
 * <li>Operations a borrower runs have no bound by default (long queries stay possible); set
 *     {@code operationTimeout} (or the URI's {@code timeoutMS}) to bound them.</li>
 * <li>Errors: a server refusal (duplicate key, bad update) is an
 *     {@link io.earnorm.ra.api.EarnormBackendException} with {@code connectionLost() == false} and
 *     the connection stays usable; a socket error or a timeout retires the slot; an open that finds
 *     no server, a socket that cannot be opened, or a timeout while the driver sees no server
 *     answering clears and pauses the pool, which turns ready again when a probe's ping
 *     succeeds.</li>
 * <li>Typed access is the driver's {@code MongoDatabase} and everything got from it, behind a guard
 *     that refuses every call after release and reports lost connections. The client itself is
 *     never handed out, so no borrower can close it or start a session on it (transactions need
 *     sessions, and come with the resource adapter's local transactions).</li>
 * <li>Closing the pool closes the client once the last borrowed slot has come back, so a close
 *     never pulls the client from under a borrower.</li>
 * <li>Transactions ({@link io.earnorm.ra.mongo.MongoTransaction}, used by the resource adapter's
 *     local transactions): a client session with a transaction, bound to the borrowed slot, so
 *     that {@code execute} and the typed API run in it without a session-taking API of their own
 *     ({@link io.earnorm.ra.mongo.MongoSessionBinding} sends each call to the driver's overload
 *     with a leading {@code ClientSession}). A standalone server is refused when the transaction
 *     begins; a slot given back or closed with a transaction still open aborts it. Without a
 *     transaction nothing changes: operations run outside any explicit session, as before.</li>
 * <li>Replica sets and {@code mongodb+srv://}: the URI goes to the driver as it is (for an SRV URI the
 *     driver looks up the hosts and the TXT options in DNS). {@link io.earnorm.ra.mongo.MongoConcerns}:
 *     {@code readPreference} and {@code writeConcern} given as options are set on the pool's one client,
 *     so they hold for every database and collection its connections expose, and win over the URI's.
 *     A transaction reads from the primary whatever the pool's read preference, as MongoDB requires.
 *     The start-up report names the topology the driver's monitor found (replica set name, members
 *     and their roles) without a command of its own.</li>
 * </ul>
 */
package io.earnorm.ra.mongo;
