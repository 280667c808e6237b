package io.earnorm.ra.sample.it;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A JDBC URL split into the address and the credentials it carries as {@code user} and
 * {@code password} parameters. The connection definitions take the user and the password as config
 * properties of their own: Payara signs on with those (container-managed sign-on), never with the
 * URL's.
 */
record PostgresAddress(String url, String user, String password) {

    /** {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=x} → the three parts; no user means {@code postgres}. */
    static PostgresAddress parse(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        if (query < 0) {
            return new PostgresAddress(jdbcUrl, "postgres", "");
        }
        String user = "postgres";
        String password = "";
        List<String> kept = new ArrayList<>();
        for (String parameter : jdbcUrl.substring(query + 1).split("&")) {
            String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
            String value = parameter.contains("=") ? URLDecoder.decode(parameter.substring(parameter.indexOf('=') + 1), StandardCharsets.UTF_8) : "";
            switch (name) {
                case "user" -> user = value;
                case "password" -> password = value;
                default -> kept.add(parameter);
            }
        }
        String base = jdbcUrl.substring(0, query);
        return new PostgresAddress(kept.isEmpty() ? base : base + "?" + String.join("&", kept), user, password);
    }

    @Override
    public String toString() {
        return "PostgresAddress[" + url + ", user=" + user + "]";
    }
}
