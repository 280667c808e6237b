package io.earnorm.ra.mongo;

import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketOpenException;
import io.earnorm.ra.backend.Causes;
import io.earnorm.ra.pool.Durations;

import javax.net.ssl.SSLException;
import java.net.SocketTimeoutException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;

/**
 * A MongoDB slot could not be opened: the server did not answer the {@code ping} that proves it is
 * there, or refused the credentials. The pool puts it under its own exception, whose message
 * already names the backend and the address; this one says what went wrong and, through
 * {@link #serverUnreachable()}, whether the server could not be reached at all (which pauses the
 * pool) or answered with a refusal.
 */
public final class MongoOpenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean serverUnreachable;

    private MongoOpenException(String message, boolean serverUnreachable, Throwable cause) {
        super(message, cause);
        this.serverUnreachable = serverUnreachable;
    }

    /** True when no server answered in time: every open would fail the same way until one does. */
    public boolean serverUnreachable() {
        return serverUnreachable;
    }

    /**
     * Explains a driver failure while opening; the password is scrubbed, and a cause that echoes it is dropped.
     *
     * @param tlsFailure the TLS error the driver met on the way, or {@code null}: it, not the timeout it
     *                   led to, is what the reader needs to hear
     */
    static MongoOpenException of(RuntimeException error, MongoSettings settings, Duration bound, SSLException tlsFailure) {
        boolean unreachable = MongoErrors.isConnectionLost(error);
        String what;
        if (tlsFailure != null) {
            what = "the TLS handshake failed: " + tlsReason(tlsFailure) + " (" + tlsFailure + "); " + details(error);
        } else if (error instanceof MongoSocketOpenException && !(error.getCause() instanceof SocketTimeoutException)) {
            // Refused at once (HostReachability): no time bound was waited out, so none is named.
            what = "no server accepted a connection: " + details(error);
        } else if (unreachable) {
            what = "no server answered within " + Durations.format(bound) + " (validationTimeout): " + details(error);
        } else if (error instanceof MongoSecurityException) {
            what = "the server refused the credentials of user '" + settings.user() + "' (authSource '" + settings.authSource() + "'): "
                    + details(error);
        } else {
            what = "the server refused the ping that proves a connection works: " + details(error);
        }
        return new MongoOpenException(settings.scrub(what), unreachable, mentions(error, settings) ? null : error);
    }

    private static String tlsReason(SSLException failure) {
        for (Throwable t : Causes.chain(failure)) {
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException) {
                return "the server's certificate could not be verified: no authority of tlsTrustFile (else of the JVM's trust store) signed it";
            }
            String message = String.valueOf(t.getMessage());
            if (t instanceof CertificateException && (message.contains("No name matching") || message.contains("No subject alternative"))) {
                return "the server's certificate does not name the host connected to (only the uri's tlsAllowInvalidHostnames=true lets that pass)";
            }
        }
        return "the server refused the handshake or broke it off (a server that asks for a client certificate needs tlsKeyStore)";
    }

    /** The driver's message plus the reasons under it, each once. */
    private static String details(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
        for (Throwable t : Causes.under(error)) {
            if (!text.toString().contains(String.valueOf(t.getMessage()))) {
                text.append(" (").append(t).append(')');
            }
        }
        return text.toString();
    }

    private static boolean mentions(Throwable error, MongoSettings settings) {
        for (Throwable t : Causes.chain(error)) {
            if (settings.mentionsPassword(t.getMessage())) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (settings.mentionsPassword(s.getMessage())) {
                    return true;
                }
            }
        }
        return false;
    }
}
