package io.earnorm.ra.redis;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One Redis command as {@code execute} received it, encoded for the wire. The operation is the
 * command's name; it may carry leading arguments after spaces ({@code "CLIENT ID"},
 * {@code "CONFIG GET"}). Arguments are {@code String} (sent as UTF-8), {@code byte[]} (sent as
 * is) or numbers (sent as their decimal text); anything else is refused, naming its position and type.
 *
 * @param command    the command name, upper case, for messages and session tracking
 * @param subcommand the first argument, upper case, or {@code null} when there is none
 * @param name       the command name as the caller wrote it, sent as is
 * @param arguments  the encoded arguments
 */
record RedisCommandLine(String command, String subcommand, byte[] name, List<byte[]> arguments) {

    static RedisCommandLine of(String operation, Object... args) {
        if (operation == null || operation.isBlank()) {
            throw new IllegalArgumentException("execute needs a Redis command name such as GET or SET (operation="
                    + (operation == null ? "null" : "'" + operation + "'") + ")");
        }
        String[] words = operation.trim().split("\\s+");
        String command = words[0].toUpperCase(Locale.ROOT);
        Object[] given = args == null ? new Object[0] : args;
        List<byte[]> encoded = new ArrayList<>(words.length - 1 + given.length);
        for (int i = 1; i < words.length; i++) {
            encoded.add(words[i].getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < given.length; i++) {
            encoded.add(encode(command, i + 1, given[i]));
        }
        String subcommand = encoded.isEmpty() ? null : word(encoded.get(0));
        return new RedisCommandLine(command, subcommand, words[0].getBytes(StandardCharsets.UTF_8), List.copyOf(encoded));
    }

    /** The argument at {@code index} (0 for the first) as an upper-case word, or {@code null}. */
    String argument(int index) {
        return index < arguments.size() ? word(arguments.get(index)) : null;
    }

    /** An argument read as a keyword; long ones (values, not keywords) are not decoded. */
    private static String word(byte[] argument) {
        return argument.length > 32 ? null : new String(argument, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
    }

    private static byte[] encode(String command, int position, Object arg) {
        if (arg instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        if (arg instanceof byte[] b) {
            return b;
        }
        if (arg instanceof Integer || arg instanceof Long || arg instanceof Short || arg instanceof Byte || arg instanceof BigInteger) {
            return arg.toString().getBytes(StandardCharsets.US_ASCII);
        }
        if (arg instanceof BigDecimal d) {
            return d.toPlainString().getBytes(StandardCharsets.US_ASCII);
        }
        if (arg instanceof Double || arg instanceof Float) {
            return floatText(command, position, ((Number) arg).doubleValue()).getBytes(StandardCharsets.US_ASCII);
        }
        throw new IllegalArgumentException("argument " + position + " of Redis command " + command + " is "
                + (arg == null ? "null" : "a " + arg.getClass().getName())
                + "; Redis arguments are String, byte[] or a number (Integer, Long, Short, Byte, BigInteger, BigDecimal, Double, Float)");
    }

    /** How Redis reads floats: {@code inf}, {@code -inf}, or plain decimal text. */
    private static String floatText(String command, int position, double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("argument " + position + " of Redis command " + command + " is NaN, which Redis does not accept");
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).toPlainString();
    }

    @Override
    public String toString() {
        // Arguments may be values or secrets (AUTH): only the command is shown.
        return command + (arguments.isEmpty() ? "" : " (" + arguments.size() + " arguments)");
    }
}
