package io.earnorm.ra.demo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A JDBC URL split into the address and the credentials it carries as {@code user} and
 * {@code password} parameters: the connection definitions take those as config properties of their
 * own, which is what Payara signs on with.
 */
record PostgresAddress(String url, String user, String password) {

    /** {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=x} → the three parts; no user means {@code postgres}. */
    static PostgresAddress parse(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("EARNORM_POSTGRES_URL must look like jdbc:postgresql://host:port/database?user=...&password=..., not " + jdbcUrl);
        }
        int query = jdbcUrl.indexOf('?');
        if (query < 0) {
            return new PostgresAddress(jdbcUrl, "postgres", "");
        }
        String user = "postgres";
        String password = "";
        List<String> kept = new ArrayList<>();
        for (String parameter : jdbcUrl.substring(query + 1).split("&")) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            String value = equals < 0 ? "" : URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8);
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
        return url + " as " + user;
    }
}
