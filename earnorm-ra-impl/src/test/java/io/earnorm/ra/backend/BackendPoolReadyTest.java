package io.earnorm.ra.backend;

import io.earnorm.ra.api.pool.PoolState;
import io.earnorm.ra.pool.Backend;
import io.earnorm.ra.pool.PoolConfig;
import io.earnorm.ra.pool.PooledConnection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pool core starts paused, but the plain-Java pools are ready from their constructors, so the
 * README's examples (and code written before pools started paused) borrow without calling init().
 */
class BackendPoolReadyTest {

    private static final class Counting implements Backend<Integer> {
        final AtomicInteger opened = new AtomicInteger();

        @Override
        public String type() {
            return "counting";
        }

        @Override
        public String describe() {
            return "counting://test";
        }

        @Override
        public Integer open() {
            return opened.incrementAndGet();
        }

        @Override
        public boolean validate(Integer connection, Duration timeout) {
            return true;
        }

        @Override
        public void close(Integer connection) {
        }
    }

    private static final class Handle extends PooledHandle<Integer> {
        Handle(PooledConnection<Integer> lease) {
            super(lease);
        }

        @Override
        public String backendType() {
            return "counting";
        }

        @Override
        public Object execute(String operation, Object... args) {
            return physical();
        }
    }

    private static final class CountingPool extends BackendPool<Handle, Integer> {
        CountingPool(Counting backend) {
            super("ready-" + System.nanoTime(), backend, PoolConfig.builder().minSize(0).build());
        }

        @Override
        protected Handle wrap(PooledConnection<Integer> lease) {
            return new Handle(lease);
        }
    }

    @Test
    void aPlainJavaPoolIsReadyFromItsConstructorAndOpensNothingUntilAsked() {
        Counting backend = new Counting();
        try (CountingPool pool = new CountingPool(backend)) {
            assertThat(pool.state()).isEqualTo(PoolState.READY);
            assertThat(backend.opened).hasValue(0);
            try (Handle h = pool.acquire()) {
                assertThat(h.execute("get")).isEqualTo(1);
            }
        }
    }
}
