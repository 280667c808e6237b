package io.earnorm.ra.backend;

import io.earnorm.ra.api.pool.InvalidConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a password option's value comes from, so that it need not sit in a deployment descriptor:
 * {@code ${ENV=NAME}} reads the environment variable {@code NAME}, {@code ${FILE=/path}} the file's
 * content (without the trailing line break, as {@code echo secret > file} writes it); any other
 * value is the password itself. A reference that cannot be read fails with the option's name and
 * the reference, never with a password.
 */
public final class PasswordSource {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(ENV|FILE)=([^}]+)}");

    private final UnaryOperator<String> environment;

    private PasswordSource(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** Resolves against this process's environment. */
    public static String resolve(String option, String value) {
        return new PasswordSource(System::getenv).read(option, value);
    }

    /** Resolves against the given environment (tests). */
    static String resolve(String option, String value, Map<String, String> environment) {
        return new PasswordSource(environment::get).read(option, value);
    }

    private String read(String option, String value) {
        if (value == null) {
            return null;
        }
        Matcher m = REFERENCE.matcher(value.strip());
        if (!m.matches()) {
            return value;
        }
        String name = m.group(2).strip();
        if (m.group(1).equals("ENV")) {
            String secret = environment.apply(name);
            if (secret == null) {
                throw new InvalidConfigException(option, value, option + " reads the environment variable " + name + ", which is not set ("
                        + option + "=" + value + ")");
            }
            return secret;
        }
        try {
            return stripLineBreak(Files.readString(Path.of(name)));
        } catch (IOException | RuntimeException e) {
            throw new InvalidConfigException(option, value, option + " reads the file " + name + ", which cannot be read: "
                    + e.getClass().getSimpleName() + " (" + option + "=" + value + ")", e);
        }
    }

    private static String stripLineBreak(String content) {
        if (content.endsWith("\r\n")) {
            return content.substring(0, content.length() - 2);
        }
        return content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    }
}
