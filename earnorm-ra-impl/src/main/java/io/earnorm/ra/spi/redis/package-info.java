/**
 * The Redis connection definition of the resource adapter.
 *
 * <ul>
 * <li>{@link io.earnorm.ra.spi.redis.RedisManagedConnectionFactory} — config properties {@code uri},
 *     {@code database}, {@code clientName}, {@code connectTimeout}, {@code socketTimeout} (as
 *     {@code RedisPool}'s builder), plus the pool options and {@code user}/{@code password} of the
 *     base class; hands out {@link io.earnorm.ra.redis.RedisHandle}s (one real socket each) through
 *     {@link io.earnorm.ra.spi.redis.RedisConnectionFactoryImpl}.</li>
 * </ul>
 *
 * <h2>Choices</h2>
 * <ul>
 * <li>{@code NoTransaction}: Redis cannot roll back, and has no two-phase commit. Local and XA
 *     transactions are refused with a {@code NotSupportedException} saying so;
 *     {@code MULTI}/{@code EXEC} stays available through {@code execute}.</li>
 * <li>Each credential has its own sub-pool of sockets authenticated as that ACL user. The
 *     configured {@code user}/{@code password} fill in what the {@code uri} leaves out (as in
 *     {@code RedisPool}); a caller's credential ({@code getConnection(user, password)} or a
 *     {@code PasswordCredential}) stands alone, so no part of the configured credentials is mixed
 *     into it.</li>
 * </ul>
 */
package io.earnorm.ra.spi.redis;
