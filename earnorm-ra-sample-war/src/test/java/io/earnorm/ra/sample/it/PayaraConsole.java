package io.earnorm.ra.sample.it;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * On the client side: what Payara Micro writes to its console, which is its server log. The
 * Arquillian container prints each line of the server process on the test JVM's
 * {@code System.out}; from {@link #record()} on, a copy of it is kept here too.
 */
final class PayaraConsole {

    private static final ByteArrayOutputStream COPY = new ByteArrayOutputStream();
    private static PrintStream original;

    private PayaraConsole() {
    }

    /** Starts keeping a copy of {@code System.out}; call it before the server starts (in the {@code @Deployment} method). */
    static synchronized void record() {
        if (original != null) {
            return;
        }
        original = System.out;
        PrintStream through = original;
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                through.write(b);
                synchronized (COPY) {
                    COPY.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                through.write(b, off, len);
                synchronized (COPY) {
                    COPY.write(b, off, len);
                }
            }

            @Override
            public void flush() {
                through.flush();
            }
        }, true, StandardCharsets.UTF_8));
    }

    /** What was written so far. */
    static String text() {
        synchronized (COPY) {
            return COPY.toString(StandardCharsets.UTF_8);
        }
    }

    /** Stops keeping a copy; {@code System.out} is the test JVM's own again. */
    static synchronized void stop() {
        if (original != null) {
            System.setOut(original);
            original = null;
        }
    }
}
