package io.earnorm.ra.spi;

import io.earnorm.ra.api.pool.AcquireInterruptedException;
import io.earnorm.ra.api.pool.AcquireTimeoutException;
import io.earnorm.ra.api.pool.BackendUnavailableException;
import io.earnorm.ra.api.pool.ConnectionOpenException;
import io.earnorm.ra.api.pool.PoolClosedException;
import io.earnorm.ra.api.pool.PoolExhaustedException;
import io.earnorm.ra.api.pool.PoolException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.CommException;
import jakarta.resource.spi.EISSystemException;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.resource.spi.RetryableUnavailableException;

/**
 * Translates the pool core's typed exceptions into the Connectors API's checked ones, keeping the
 * typed exception as the cause so that an application can still tell a timeout from an outage.
 */
final class ResourceErrors {

    private ResourceErrors() {
    }

    static ResourceException of(RuntimeException e) {
        ResourceException r;
        if (e instanceof AcquireTimeoutException || e instanceof PoolExhaustedException) {
            r = new ResourceAllocationException(e.getMessage());
        } else if (e instanceof BackendUnavailableException) {
            r = new RetryableUnavailableException(e.getMessage());
        } else if (e instanceof ConnectionOpenException) {
            r = new CommException(e.getMessage());
        } else if (e instanceof PoolClosedException || e instanceof AcquireInterruptedException || e instanceof PoolException) {
            r = new ResourceException(e.getMessage());
        } else {
            r = new EISSystemException(e.getMessage());
        }
        r.initCause(e);
        return r;
    }
}
