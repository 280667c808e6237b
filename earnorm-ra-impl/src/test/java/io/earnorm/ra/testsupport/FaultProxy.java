package io.earnorm.ra.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on a loopback port in front of a real server, for network faults no test server
 * offers: added latency, a black hole (connections stay open but nothing comes back), a reset of
 * every connection, and a refusing port. Runs on daemon threads; {@link #close()} stops it all.
 */
public final class FaultProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;
    private volatile long latencyMillis;
    private volatile boolean blackHole;
    private volatile boolean closed;

    private FaultProxy(InetSocketAddress target, int port) {
        this.target = target;
        this.port = port;
    }

    /** Starts a proxy on a free loopback port that forwards to {@code host:port}. */
    public static FaultProxy start(String host, int port) {
        FaultProxy proxy = new FaultProxy(new InetSocketAddress(host, port), 0);
        return proxy.listen(0);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return listener == null ? port : listener.getLocalPort();
    }

    /** Forwards everything again, at full speed. */
    public void pass() {
        latencyMillis = 0;
        blackHole = false;
    }

    /** Delays every chunk in both directions by {@code delay}. */
    public void latency(Duration delay) {
        latencyMillis = delay.toMillis();
    }

    /** From now on nothing is forwarded in either direction; connections stay open, as behind a dropped route. */
    public void blackHole() {
        blackHole = true;
    }

    /** Resets every open connection (RST, not FIN); new connections are still accepted. */
    public void resetConnections() {
        for (Link link : links) {
            link.reset();
        }
    }

    /** Stops listening: new connections are refused. Open ones are reset. */
    public void refuse() {
        ServerSocket s = listener;
        listener = null;
        closeQuietly(s);
        resetConnections();
    }

    /** Listens again on the same port after {@link #refuse()}. */
    public void accept() {
        if (listener == null) {
            listen(lastPort);
        }
    }

    private int lastPort;

    private FaultProxy listen(int wanted) {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted));
            listener = s;
            lastPort = s.getLocalPort();
            Thread t = new Thread(() -> acceptLoop(s), "fault-proxy-accept-" + lastPort);
            t.setDaemon(true);
            t.start();
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("fault proxy could not listen on port " + wanted, e);
        }
    }

    private void acceptLoop(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket server;
                try {
                    server = new Socket();
                    server.connect(target, 5_000);
                } catch (IOException e) {
                    reset(client);
                    continue;
                }
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Link link = new Link(client, server);
                links.add(link);
                link.start();
            } catch (IOException e) {
                if (!s.isClosed()) {
                    continue;
                }
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        refuse();
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // already closed
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // closing is best effort
        }
    }

    /** One proxied connection: two pumps, one per direction. */
    private final class Link {
        private final Socket client;
        private final Socket server;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() {
            pump(client, server, "up");
            pump(server, client, "down");
        }

        void reset() {
            FaultProxy.reset(client);
            FaultProxy.reset(server);
            links.remove(this);
        }

        private void pump(Socket from, Socket to, String direction) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        long delay = latencyMillis;
                        if (delay > 0) {
                            Thread.sleep(delay);
                        }
                        if (blackHole || closed) {
                            continue;
                        }
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // the link is gone
                } finally {
                    if (!blackHole) {
                        reset();
                    }
                }
            }, "fault-proxy-" + direction + "-" + port());
            t.setDaemon(true);
            t.start();
        }
    }
}
