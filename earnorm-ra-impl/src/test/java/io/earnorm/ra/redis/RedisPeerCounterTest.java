package io.earnorm.ra.redis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the fleet's names out of a CLIENT LIST reply. */
class RedisPeerCounterTest {

    @Test
    void takesTheNameFieldsThatStartWithThePrefix() {
        String list = """
                id=3 addr=127.0.0.1:50000 laddr=127.0.0.1:6379 fd=8 name=ef/orders/1111bbbb/p age=1 idle=0 flags=N db=0
                id=4 addr=127.0.0.1:50001 laddr=127.0.0.1:6379 fd=9 name= age=1 idle=0 flags=N db=0
                id=5 addr=127.0.0.1:50002 laddr=127.0.0.1:6379 fd=10 name=ef/users/2222cccc/p age=1 idle=0 flags=N db=0
                id=6 addr=127.0.0.1:50003 laddr=127.0.0.1:6379 fd=11 name=ef/orders/2222cccc/c age=1 idle=0 flags=N db=0
                """;

        assertThat(RedisPeerCounter.namesIn(list, "ef/orders/")).containsExactly("ef/orders/1111bbbb/p", "ef/orders/2222cccc/c");
    }
}
