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

    /** Replaces every occurrence of {@code secret} in {@code text}, for driver messages that echo a credential. */
    public static String scrub(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, MASK);
    }
}
