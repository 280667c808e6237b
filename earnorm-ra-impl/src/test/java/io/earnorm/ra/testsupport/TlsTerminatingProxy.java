package io.earnorm.ra.testsupport;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TLS endpoint on a free 127.0.0.1 port that presents {@link TestCertificates}' server
 * certificate and forwards the decrypted bytes, both ways, to a plain server on loopback: so that a
 * server without TLS of its own (the in-process mongo-java-server) can be reached over real TLS,
 * with a real certificate check on the client's side. Optionally asks for a client certificate
 * signed by the same authority. Counts completed handshakes and keeps the failed ones' reasons, so
 * that a test can tell TLS happened, or why it did not. Daemon threads; {@link #close()} stops all.
 */
public final class TlsTerminatingProxy implements AutoCloseable {

    private static final String KEY_STORE_PASSWORD = "proxy-store";

    private final SSLServerSocket listener;
    private final InetSocketAddress target;
    private final AtomicInteger handshakes = new AtomicInteger();
    private final List<String> failedHandshakes = new CopyOnWriteArrayList<>();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    private TlsTerminatingProxy(SSLServerSocket listener, InetSocketAddress target) {
        this.listener = listener;
        this.target = target;
    }

    /** Terminates TLS with {@code certificates}' server certificate and forwards to {@code 127.0.0.1:targetPort}. */
    public static TlsTerminatingProxy start(TestCertificates certificates, int targetPort) {
        return start(certificates, targetPort, false);
    }

    /**
     * As {@link #start(TestCertificates, int)}; with {@code requireClientCertificate}, a client
     * without a certificate signed by {@code certificates}' authority fails the handshake.
     */
    public static TlsTerminatingProxy start(TestCertificates certificates, int targetPort, boolean requireClientCertificate) {
        try {
            SSLServerSocket s = (SSLServerSocket) context(certificates).getServerSocketFactory().createServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            s.setNeedClientAuth(requireClientCertificate);
            TlsTerminatingProxy proxy = new TlsTerminatingProxy(s, new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
            Thread t = new Thread(proxy::acceptLoop, "tls-proxy-accept-" + s.getLocalPort());
            t.setDaemon(true);
            t.start();
            return proxy;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("tls proxy could not start", e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Handshakes completed so far. */
    public int handshakes() {
        return handshakes.get();
    }

    /** Why the handshakes that failed did, as the server side saw it. */
    public List<String> failedHandshakes() {
        return List.copyOf(failedHandshakes);
    }

    private static SSLContext context(TestCertificates certificates) throws IOException, GeneralSecurityException {
        char[] password = KEY_STORE_PASSWORD.toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certificates.serverKeyStore(KEY_STORE_PASSWORD))) {
            keys.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        // Client certificates, when asked for, must come from the same authority as the server's.
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(certificates.caCert())) {
            trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                SSLSocket client = (SSLSocket) listener.accept();
                sockets.add(client);
                Thread t = new Thread(() -> link(client), "tls-proxy-link-" + port());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                // closed, or one accept failed: the loop condition tells which
            }
        }
    }

    /** Handshakes on its own thread, so that a client that never finishes one holds up no one else. */
    private void link(SSLSocket client) {
        try {
            client.startHandshake();
        } catch (IOException e) {
            failedHandshakes.add(String.valueOf(e));
            closeQuietly(client);
            return;
        }
        handshakes.incrementAndGet();
        Socket server = new Socket();
        sockets.add(server);
        try {
            server.connect(target, 5_000);
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        pump(server, client, "down");
        pump(client, server, "up");
    }

    private void pump(Socket from, Socket to, String direction) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the link is gone
            } finally {
                // One side gone means the conversation is over: end both, as a real server's close would.
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "tls-proxy-" + direction + "-" + port());
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        closeQuietly(listener);
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        sockets.clear();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing is best effort
        }
    }

    @Override
    public String toString() {
        return "TlsTerminatingProxy[127.0.0.1:" + port() + " -> " + target + ", handshakes=" + handshakes() + "]";
    }
}
