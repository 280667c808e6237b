package io.earnorm.ra.backend;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;

/**
 * Tells apart, from the JDK's exceptions in a cause chain, a server that cannot be reached from a
 * connection that broke. Backends add their drivers' own exception types on top.
 */
public final class NetworkErrors {

    private NetworkErrors() {
    }

    /** The server could not be reached at all: refused, no route, unknown host, connect timed out. */
    public static boolean isUnreachable(Throwable error) {
        for (Throwable t : Causes.chain(error)) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof PortUnreachableException) {
                return true;
            }
            if (t instanceof SocketTimeoutException && String.valueOf(t.getMessage()).toLowerCase().contains("connect")) {
                return true;
            }
            // Some drivers (Jedis 8) attach the connect failure as a suppressed exception, not as the cause.
            for (Throwable suppressed : t.getSuppressed()) {
                if (isUnreachable(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An established connection failed: closed, reset, broken pipe, read timed out, end of stream. */
    public static boolean isConnectionLoss(Throwable error) {
        for (Throwable t : Causes.chain(error)) {
            if (t instanceof SocketException || t instanceof EOFException || t instanceof InterruptedIOException
                    || t instanceof ClosedChannelException) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null) {
                String m = t.getMessage().toLowerCase();
                if (m.contains("broken pipe") || m.contains("connection reset") || m.contains("end of stream")) {
                    return true;
                }
            }
        }
        return isUnreachable(error);
    }
}
