/**
 * What the three backends share above the pool core and below the driver-specific code: the base
 * of a borrowed connection handle ({@link io.earnorm.ra.backend.PooledHandle}), the base of the
 * plain-Java pools and their builders ({@link io.earnorm.ra.backend.BackendPool},
 * {@link io.earnorm.ra.backend.BackendPoolBuilder}), guarding proxies that make typed accessors
 * refuse calls after release ({@link io.earnorm.ra.backend.Guard}), masking of secrets in addresses
 * ({@link io.earnorm.ra.backend.Secrets}), the classification of network errors
 * ({@link io.earnorm.ra.backend.NetworkErrors}) and the reading of TLS trust and key files
 * ({@link io.earnorm.ra.backend.TlsSettings}).
 *
 * <p>This package is a refinement of DESIGN.md's package list: it sits between
 * {@code io.earnorm.ra.pool} and the backend packages, and like the pool core it imports no driver.
 */
package io.earnorm.ra.backend;
