package io.earnorm.ra.mongo;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.ServerAddress;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

/**
 * Tells, with one TCP connect per host, whether any MongoDB host accepts connections at all.
 *
 * <p>The driver's server selection waits out its whole timeout even when every host refused the
 * connection at once (its monitor only tries again after a heartbeat interval), so a closed port
 * took a pool's validationTimeout to fail where PostgreSQL and Redis fail in milliseconds. Used
 * only while the driver sees no server answering; a host that accepts hands the question back to
 * the driver (handshake, TLS, credentials).
 */
final class HostReachability {

    private HostReachability() {
    }

    /**
     * Returns when one of {@code hosts} accepts a TCP connection (or {@code hosts} is empty);
     * throws when none does within {@code bound} in all.
     *
     * @throws MongoSocketOpenException naming the last host tried, with the last refusal as cause
     */
    static void requireOneAccepting(List<ServerAddress> hosts, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        IOException last = null;
        for (ServerAddress host : hosts) {
            int remainingMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (deadline - System.nanoTime()) / 1_000_000));
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host.getHost(), host.getPort()), remainingMillis);
                return;
            } catch (IOException refused) {
                last = refused;
            }
            if (System.nanoTime() - deadline >= 0) {
                break;
            }
        }
        if (last != null) {
            ServerAddress named = hosts.get(hosts.size() - 1);
            throw new MongoSocketOpenException(hosts.size() == 1 ? "the host refused the connection or did not answer: " + last.getMessage()
                    : "none of the " + hosts.size() + " hosts accepted a connection; the last said: " + last.getMessage(), named, last);
        }
    }
}
