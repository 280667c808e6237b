/**
 * What applications compile against: the connection protocol every backend shares
 * ({@link io.earnorm.ra.api.EarnormConnection}) and one interface per backend
 * ({@link io.earnorm.ra.api.MongoConnection}, {@link io.earnorm.ra.api.RedisConnection},
 * {@link io.earnorm.ra.api.PostgresConnection}). The same interfaces serve the plain Java pools and
 * the resource adapter's connection handles.
 *
 * <p>The typed accessors name driver types (MongoDB's {@code MongoDatabase}, Jedis's
 * {@code JedisCommands}); this module declares the drivers {@code provided}, so an application
 * that uses only one backend needs only that driver to compile.
 */
package io.earnorm.ra.api;
