package io.earnorm.ra.postgres;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenResourcesTest {

    private static AutoCloseable resource(String name) {
        return new AutoCloseable() {
            @Override
            public void close() {
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    @Test
    void drainingByOwnerTakesOnlyThatOwnersResourcesOldestFirstAndLeavesTheOthers() {
        OpenResources open = new OpenResources();
        Object first = new Object();
        Object second = new Object();
        AutoCloseable a = resource("a");
        AutoCloseable b = resource("b");
        AutoCloseable c = resource("c");
        AutoCloseable d = resource("d");
        open.add(a, first);
        open.add(b, second);
        open.add(c, first);
        open.add(d, second);

        assertThat(open.drain(first)).containsExactly(a, c);
        assertThat(open.drain(first)).isEmpty();
        assertThat(open.drainAll()).containsExactly(b, d);
        assertThat(open.drainAll()).isEmpty();
    }

    @Test
    void removingForgetsExactlyThatResourceByIdentityAndGrowsPastTheFirstCapacity() {
        OpenResources open = new OpenResources();
        Object owner = new Object();
        AutoCloseable[] many = new AutoCloseable[10];
        for (int i = 0; i < many.length; i++) {
            many[i] = resource("r" + i);
            open.add(many[i], owner);
        }
        open.remove(many[9]);
        open.remove(many[0]);
        open.remove(many[4]);
        open.remove(resource("r5")); // equal name, another object: nothing to remove

        assertThat(open.drain(owner)).containsExactly(many[1], many[2], many[3], many[5], many[6], many[7], many[8]);
    }
}
