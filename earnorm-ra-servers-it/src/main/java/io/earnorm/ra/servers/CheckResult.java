package io.earnorm.ra.servers;

/**
 * The outcome of one check inside the server, sent to the test as one tab-separated line:
 * outcome, name, detail (the failure's message, or why it was skipped).
 */
public record CheckResult(Outcome outcome, String name, String detail) {

    public enum Outcome { PASS, FAIL, SKIP }

    public String toLine() {
        return outcome + "\t" + name + "\t" + oneLine(detail);
    }

    public static CheckResult parse(String line) {
        String[] parts = line.split("\t", 3);
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a check result line (outcome, name, detail separated by tabs): " + line);
        }
        return new CheckResult(Outcome.valueOf(parts[0]), parts[1], parts.length == 3 ? parts[2] : "");
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }
}
