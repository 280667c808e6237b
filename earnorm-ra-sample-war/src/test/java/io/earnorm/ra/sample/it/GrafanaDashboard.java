package io.earnorm.ra.sample.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Grafana dashboard JSON file as Prometheus would see its queries: every panel target's
 * {@code expr}, and the metric selector of every {@code label_values(...)} template variable,
 * with the dashboard's variables replaced the way Grafana does when "All" is chosen (by the
 * variable's {@code allValue}) and Grafana's own {@code $__rate_interval} and {@code $__interval}
 * by a given range.
 */
final class GrafanaDashboard {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");

    private final Path file;
    private final JsonObject dashboard;
    private final Map<String, String> values = new HashMap<>();

    private GrafanaDashboard(Path file, JsonObject dashboard, String rateInterval) {
        this.file = file;
        this.dashboard = dashboard;
        values.put("__rate_interval", rateInterval);
        values.put("__interval", rateInterval);
        for (JsonObject variable : variables()) {
            if (variable.containsKey("allValue")) {
                values.put(variable.getString("name"), variable.getString("allValue"));
            }
        }
    }

    /** The dashboard in {@code file}; {@code rateInterval} (e.g. {@code 10s}) stands for Grafana's range variables. */
    static GrafanaDashboard read(Path file, String rateInterval) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); JsonReader json = Json.createReader(in)) {
            return new GrafanaDashboard(file, json.readObject(), rateInterval);
        }
    }

    /** Every query of the dashboard's panels, variables replaced. */
    List<Query> panelQueries() {
        List<Query> queries = new ArrayList<>();
        for (JsonValue panel : dashboard.getJsonArray("panels")) {
            JsonObject p = panel.asJsonObject();
            for (JsonValue target : p.getJsonArray("targets")) {
                String expr = target.asJsonObject().getString("expr");
                queries.add(new Query(p.getString("title") + " / " + target.asJsonObject().getString("refId"), substitute(expr)));
            }
        }
        return queries;
    }

    /** For each {@code label_values(selector, label)} variable: the selector (variables replaced) and the label. */
    List<LabelValues> labelValuesVariables() {
        List<LabelValues> found = new ArrayList<>();
        for (JsonObject variable : variables()) {
            if (!"query".equals(variable.getString("type"))) {
                continue;
            }
            String query = variable.getJsonObject("query").getString("query");
            Matcher m = LABEL_VALUES.matcher(query);
            if (!m.matches()) {
                throw new IllegalStateException(file + ": variable " + variable.getString("name") + " is not a label_values(selector, label) query: " + query);
            }
            found.add(new LabelValues(variable.getString("name"), substitute(m.group(1)), m.group(2)));
        }
        return found;
    }

    private List<JsonObject> variables() {
        return dashboard.getJsonObject("templating").getJsonArray("list").getValuesAs(JsonObject.class);
    }

    private String substitute(String expr) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalStateException(file + ": '" + expr + "' uses $" + name + ", which the dashboard does not define (with an allValue)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    /** A panel's query: where it is ({@code panel title / refId}) and its PromQL. */
    record Query(String where, String promql) {
    }

    /** A template variable that lists the values of {@code label} among the series of {@code selector}. */
    record LabelValues(String variable, String selector, String label) {
    }
}
