package io.earnorm.ra.pool;

/**
 * The pool's source of elapsed time. Production pools use {@link #SYSTEM}; unit tests substitute a
 * clock they move by hand so that idle, lifetime and leak rules are tested without sleeping.
 */
interface PoolClock {

    PoolClock SYSTEM = new PoolClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long currentTimeMillis() {
            return System.currentTimeMillis();
        }
    };

    long nanoTime();

    long currentTimeMillis();
}
