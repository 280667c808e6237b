package io.earnorm.ra.pool;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How one instance reads the names the server listed, and the names it gives. */
class FleetViewTest {

    private final FleetTag self = new FleetTag("orders", "0000aaaa");

    @Test
    void countsTheOthersPooledConnectionsAndEveryInstanceSeenButItsOwnConnections() {
        FleetView v = FleetView.of(List.of(
                "ef/orders/0000aaaa/p", "ef/orders/0000aaaa/p", "ef/orders/0000aaaa/c",
                "ef/orders/1111bbbb/p", "ef/orders/1111bbbb/p", "ef/orders/1111bbbb/c",
                "ef/orders/2222cccc/w"), self);

        assertThat(v).isEqualTo(new FleetView(2, 3, 1));
        assertThat(v.share(12)).isEqualTo(4);
    }

    @Test
    void ignoresOtherFleetsAndNamesOfNoKnownRole() {
        FleetView v = FleetView.of(java.util.Arrays.asList(
                "ef/orders2/1111bbbb/p", "ef/orders/1111bbbb/x", "ef/orders/1111bbbb/pp", "ef/orders//p", "psql", null), self);

        assertThat(v).isEqualTo(new FleetView(0, 1, 0));
    }

    @Test
    void namesAreSafeForEveryBackendAndLongPoolNamesStayApart() {
        FleetTag tag = FleetTag.newInstance("java:app/eis/orders pool[alice]");
        assertThat(tag.connectionName()).matches("ef/java:app_eis_orders_pool_alice_/[0-9a-f]{8}/p");
        assertThat(tag.counterName(true)).endsWith("/w");

        String longName = "a".repeat(60);
        String a = FleetTag.fleetOf(longName + "1");
        String b = FleetTag.fleetOf(longName + "2");
        assertThat(a).hasSize(40).isNotEqualTo(b);
        assertThat(FleetTag.newInstance(longName).connectionName().length()).isLessThanOrEqualTo(63);
    }
}
