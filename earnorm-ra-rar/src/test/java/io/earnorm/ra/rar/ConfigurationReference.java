package io.earnorm.ra.rar;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The README's configuration reference, rendered from ra.xml: one table of the pool properties
 * every definition shares, then one table per backend of its own properties.
 */
final class ConfigurationReference {

    static final String START = "<!-- configuration-reference:start (generated from ra.xml; RaXmlTest keeps it so) -->";
    static final String END = "<!-- configuration-reference:end -->";

    private ConfigurationReference() {
    }

    static String render(RaXml raXml) {
        Set<String> shared = sharedNames(raXml);
        StringBuilder md = new StringBuilder();
        md.append(START).append("\n\n");
        md.append("Every connection definition (pool options and default credentials):\n\n");
        table(md, raXml.definitions().get(0).properties().stream().filter(p -> shared.contains(p.name())).toList());
        for (RaXml.Definition d : raXml.definitions()) {
            md.append("\n`").append(simpleName(d.managedConnectionFactoryClass())).append("` (`").append(simpleName(d.connectionFactoryInterface()))
                    .append("` → `").append(simpleName(d.connectionInterface())).append("`):\n\n");
            table(md, d.properties().stream().filter(p -> !shared.contains(p.name())).toList());
        }
        md.append("\n").append(END);
        return md.toString();
    }

    /** The properties every definition declares alike. */
    static Set<String> sharedNames(RaXml raXml) {
        return raXml.definitions().get(0).properties().stream()
                .filter(p -> raXml.definitions().stream().allMatch(d -> d.properties().contains(p)))
                .map(RaXml.Property::name)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static void table(StringBuilder md, List<RaXml.Property> properties) {
        md.append("| property | type | default | meaning |\n|---|---|---|---|\n");
        for (RaXml.Property p : properties) {
            md.append(row(p.name(), p.type(), p.defaultValue(), p.description())).append('\n');
        }
    }

    /** One property's row: name, type, default (if any) and meaning. */
    static String row(String name, String type, String defaultValue, String description) {
        return "| `" + name + "` | " + simpleName(type) + " | " + (defaultValue == null ? "" : "`" + defaultValue + "`") + " | "
                + description.replace("|", "\\|") + " |";
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
