package io.earnorm.ra.backend;

import java.util.regex.Pattern;

/** Masks secrets before an address or a message reaches a log line, a {@code toString} or an exception. */
public final class Secrets {

    /** What a masked secret reads as. */
    public static final String MASK = "****";

    /** {@code scheme://user:secret@host} — the user info of a URI, up to the last '@' before the host. */
    private static final Pattern URI_PASSWORD = Pattern.compile("(?<=://)([^/?#@:]*):([^/?#]*)@");
    /** {@code password=secret} in a query string or a key-value list. */
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)((?:password|passwd|pwd|secret)=)([^&;,\\s]*)");

    private Secrets() {
    }

    /**
     * Returns {@code text} with the password of any URI in it ({@code user:secret@host}) and any
     * {@code password=} parameter replaced by {@value #MASK}.
     */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = URI_PASSWORD.matcher(text).replaceAll("$1:" + MASK + "@");
        return PASSWORD_PARAM.matcher(masked).replaceAll("$1" + MASK);
    }

    /**
     * Replaces {@code secret} in {@code text} wherever it stands as a whole token, for driver and
     * server messages that echo a credential. An occurrence glued to a letter or digit on a side
     * where the secret itself begins or ends with one is part of another word and is left alone:
     * a password {@code WRONG} must not turn Redis's {@code WRONGPASS} reply into {@code ****PASS},
     * which garbles the message and hints at the password.
     */
    public static String scrub(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0;
        for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
            int end = at + secret.length();
            if (at < copied || gluedBefore(text, at, secret) || gluedAfter(text, end, secret)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, at).append(MASK);
            copied = end;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static boolean gluedBefore(String text, int at, String secret) {
        return at > 0 && Character.isLetterOrDigit(secret.charAt(0)) && Character.isLetterOrDigit(text.charAt(at - 1));
    }

    private static boolean gluedAfter(String text, int end, String secret) {
        return end < text.length() && Character.isLetterOrDigit(secret.charAt(secret.length() - 1))
                && Character.isLetterOrDigit(text.charAt(end));
    }
}
