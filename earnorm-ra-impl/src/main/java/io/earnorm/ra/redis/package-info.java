/**
 * The Redis backend: pooled single connections ({@code redis.clients.jedis.Connection}, one socket
 * each), so that pool sizes and lifetimes are real sockets; for a Redis Cluster, leases on the pool's
 * one cluster client ({@link io.earnorm.ra.redis.RedisTopology}).
 *
 * <ul>
 * <li>{@link io.earnorm.ra.redis.RedisPool} — the plain-Java pool and its builder; options
 *     {@code uri} ({@code redis://[user:password@]host[:port][/database]}), {@code user},
 *     {@code password}, {@code database}, {@code clientName}, {@code connectTimeout},
 *     {@code socketTimeout}, {@code tls}, {@code tlsTrustFile}, {@code tlsKeyStore}, {@code tlsKeyStorePassword} (seed-style snake_case works too), plus the pool options. {@code rediss://} turns TLS on ({@link io.earnorm.ra.backend.TlsSettings}).</li>
 * <li>{@link io.earnorm.ra.redis.RedisBackend} — open (then {@code PING}, which proves the
 *     credentials), validate ({@code PING}, answered within the pool's bound), reset, close, and which
 *     errors mean the server is unreachable.</li>
 * <li>{@link io.earnorm.ra.redis.RedisHandle} — the borrowed connection, over a
 *     {@link io.earnorm.ra.pool.Lease} so that the resource adapter reuses it.</li>
 * <li>{@link io.earnorm.ra.redis.RedisTopology} — one server, a cluster (several hosts in the uri,
 *     or {@code cluster}) or the master a set of Sentinels names ({@code sentinels},
 *     {@code masterName}, {@code sentinelPassword}).</li>
 * </ul>
 *
 * <h2>Choices</h2>
 * <ul>
 * <li>The protocol is RESP2, without negotiation: {@code execute} returns bulk and status replies
 *     as {@code String}, integers as {@code Long}, arrays as {@code List}, nil as {@code null}
 *     (maps such as {@code HGETALL}'s arrive as flat lists). Raw bytes come from
 *     {@link io.earnorm.ra.redis.RedisHandle#executeBinary}.</li>
 * <li>Session state a borrower changes is put back on return: an open {@code MULTI} is discarded,
 *     watches dropped, the configured database selected and the client name set again. A
 *     connection whose session cannot be put back ({@code AUTH}, {@code CLIENT TRACKING},
 *     {@code CLIENT NO-EVICT}, {@code READONLY}, ...) is closed instead of reused. {@code RESET} is
 *     never used: it would log out an ACL user.</li>
 * <li>{@code execute} refuses subscribe-mode commands, {@code MONITOR}, {@code CLIENT REPLY OFF|SKIP},
 *     {@code QUIT}, {@code RESET} and {@code HELLO} before sending them. Pub/Sub needs a connection
 *     of its own, outside the pool.</li>
 * <li>Typed access is Jedis's {@code JedisCommands} on the one socket, behind a guard: no
 *     {@code close}, {@code select} or {@code multi} is reachable from it.</li>
 * <li>Cluster: the driver's cluster client does the routing and follows MOVED, ASK and failovers;
 *     which arguments are keys is asked of the cluster ({@code COMMAND INFO}, cached per command;
 *     {@code COMMAND GETKEYS} for movable keys). Commands that keep state on one socket are refused,
 *     since consecutive commands of a borrower may use different sockets.</li>
 * <li>Sentinel: not the driver's sentinel provider, which pools the master's sockets itself; the
 *     pool asks the sentinels for the master at each open and keeps real single sockets. {@code ROLE}
 *     is checked at open and validation, and a {@code READONLY} reply clears the pool.</li>
 * </ul>
 */
package io.earnorm.ra.redis;
