package io.earnorm.ra.servers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Servers" section shows the very files the servers suite deploys: each fenced block
 * between {@code <!-- snippet:NAME:start -->} and {@code <!-- snippet:NAME:end -->} equals its file
 * (the application's definitions: the marked part of ChecksServlet). The paths come from Surefire.
 */
class ServersReadmeTest {

    private static final String FENCE = "```";

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "servers-wildfly-cli,                  wildfly/earnorm-ra.cli",
            "servers-glassfish-resources,          glassfish/resources.asadmin",
            "servers-liberty-server-xml,           liberty/server.xml",
            "servers-jboss-deployment-structure,   ../webapp/WEB-INF/jboss-deployment-structure.xml",
            "servers-jboss-web,                    ../webapp/WEB-INF/jboss-web.xml"})
    void theReadmeShowsTheServersDeploymentFileAsItIs(String snippet, String file) throws IOException {
        String deployed = Files.readString(Path.of(property("earnorm.servers.config")).resolve(file));

        assertThat(readmeSnippet(snippet)).isEqualTo(deployed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource("servers-app-definitions")
    void theReadmeShowsTheApplicationsDefinitionsAsTheyAre(String snippet) throws IOException {
        String source = Files.readString(Path.of(property("earnorm.servers.definitions")));
        String definitions = between(source, "// readme:" + snippet + ":start\n", "// readme:" + snippet + ":end");

        assertThat(definitions).contains("@ConnectionFactoryDefinition(", "minPoolSize = 8");
        assertThat(readmeSnippet(snippet)).isEqualTo(definitions);
    }

    /** The body of the fenced block between the README's markers for {@code name}. */
    private static String readmeSnippet(String name) throws IOException {
        String marked = between(Files.readString(Path.of(property("earnorm.readme"))),
                "<!-- snippet:" + name + ":start -->\n", "<!-- snippet:" + name + ":end -->");
        assertThat(marked).as("README snippet " + name).startsWith(FENCE).endsWith(FENCE + "\n");
        return marked.substring(marked.indexOf('\n') + 1, marked.length() - FENCE.length() - 1);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("marker " + start.strip()).isNotNegative();
        int to = text.indexOf(end, from + start.length());
        assertThat(to).as("marker " + end.strip()).isPositive();
        return text.substring(from + start.length(), to);
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property " + name + " (set by Surefire)").isNotNull();
        return value;
    }
}
