package io.earnorm.ra.sample.it;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Inside the server: a handler on the root logger that keeps every record at every level, as text
 * (level, logger, the message formatted with its parameters, the raw message and parameters, and the
 * stack trace of what was thrown, causes included), from its installation until the server stops.
 * The root logger and the adapter's and drivers' loggers are set to {@code ALL} while it is there.
 */
final class EveryLogRecord extends Handler {

    private static final List<String> LOUD = List.of("", "io.earnorm", "org.postgresql", "org.mongodb", "redis.clients");
    private static EveryLogRecord installed;

    private final SimpleFormatter formatter = new SimpleFormatter();
    private final List<String> texts = new ArrayList<>();

    private EveryLogRecord() {
        setLevel(Level.ALL);
    }

    /** The capture of this server, installed by the first call. */
    static synchronized EveryLogRecord installed() {
        if (installed == null) {
            installed = new EveryLogRecord();
            for (String name : LOUD) {
                Logger.getLogger(name).setLevel(Level.ALL);
            }
            Logger.getLogger("").addHandler(installed);
        }
        return installed;
    }

    @Override
    public void publish(LogRecord r) {
        StringBuilder text = new StringBuilder().append(r.getLevel()).append(' ').append(r.getLoggerName()).append(": ");
        try {
            text.append(formatter.formatMessage(r));
        } catch (RuntimeException e) {
            text.append("(could not format: ").append(e).append(')');
        }
        text.append(" | ").append(r.getMessage());
        if (r.getParameters() != null) {
            text.append(" | ").append(Arrays.deepToString(r.getParameters()));
        }
        if (r.getThrown() != null) {
            text.append('\n').append(stackTrace(r.getThrown()));
        }
        synchronized (texts) {
            texts.add(text.toString());
        }
    }

    /** Every record captured so far. */
    List<String> texts() {
        synchronized (texts) {
            return List.copyOf(texts);
        }
    }

    /** The captured records that contain {@code needle}. */
    List<String> containing(String needle) {
        return texts().stream().filter(t -> t.contains(needle)).toList();
    }

    /** The captured records of loggers whose names start with {@code prefix}. */
    List<String> fromLoggers(String prefix) {
        return texts().stream().filter(t -> t.substring(t.indexOf(' ') + 1).startsWith(prefix)).toList();
    }

    static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
