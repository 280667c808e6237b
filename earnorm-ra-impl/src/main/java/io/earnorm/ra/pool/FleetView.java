package io.earnorm.ra.pool;

import java.util.HashSet;
import java.util.Set;

/**
 * One count of the fleet on the server, seen from one instance: the other instances' pooled
 * connections, how many instances there are (this one always included), and how many of the
 * others want their share.
 */
record FleetView(int othersConnections, int instances, int othersWanting) {

    /** Reads the names a {@link PeerCounter} listed; names of other fleets or of no known role are ignored. */
    static FleetView of(Iterable<String> names, FleetTag self) {
        String prefix = self.prefix();
        Set<String> instances = new HashSet<>();
        instances.add(self.instance());
        int others = 0;
        int wanting = 0;
        for (String name : names) {
            if (name == null || !name.startsWith(prefix)) {
                continue;
            }
            String rest = name.substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash <= 0 || slash != rest.length() - 2) {
                continue;
            }
            String instance = rest.substring(0, slash);
            char role = rest.charAt(slash + 1);
            if (role != 'p' && role != 'c' && role != 'w') {
                continue;
            }
            instances.add(instance);
            if (instance.equals(self.instance())) {
                continue; // this instance's own connections are counted from the pool, which knows them better
            }
            if (role == 'p') {
                others++;
            } else if (role == 'w') {
                wanting++;
            }
        }
        return new FleetView(others, instances.size(), wanting);
    }

    /** What each instance may hold whatever the others do. */
    int share(int budget) {
        return budget / instances;
    }
}
