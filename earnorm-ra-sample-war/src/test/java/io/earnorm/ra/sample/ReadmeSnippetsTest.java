package io.earnorm.ra.sample;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's deployment snippets are the files the in-container tests deploy: the
 * {@code @ConnectionFactoryDefinition}s of the sample application and its post-boot command file,
 * both with Payara's connector pool on and its matching off;
 * and its Prometheus scrape configuration is the one PrometheusDashboardIT starts Prometheus with.
 * The paths come from Surefire (see the pom).
 */
class ReadmeSnippetsTest {

    private static final String FENCE = "```";

    @Test
    void theReadmeShowsTheApplicationsConnectionFactoryDefinitionsAsTheyAre() throws IOException {
        String source = read("earnorm.sample.definitions");
        String definitions = between(source, "// readme:connection-factory-definitions:start\n", "// readme:connection-factory-definitions:end");

        assertThat(definitions).contains("@ConnectionFactoryDefinition(", "maxPoolSize = ", "match-connections=false").doesNotContain("pooling=false");
        assertThat(readmeSnippet("connection-factory-definitions")).isEqualTo(definitions);
    }

    @Test
    void theReadmeShowsThePostBootCommandsAsTheyAre() throws IOException {
        String commands = read("earnorm.sample.postboot");

        assertThat(commands).contains("deploy --name=earnorm-ra", "create-connector-connection-pool", "--pooling=true", "--matchconnections=false", "create-connector-resource");
        assertThat(readmeSnippet("post-boot-commands")).isEqualTo(commands);
    }

    @Test
    void theReadmeShowsThePrometheusScrapeConfigurationAsItIs() throws IOException {
        String config = read("earnorm.prometheus.config");

        assertThat(config).contains("job_name: payara-micro", "metrics_path: /metrics");
        assertThat(readmeSnippet("prometheus-scrape-config")).isEqualTo(config);
    }

    /** The body of the fenced block between the README's markers for {@code name}. */
    private static String readmeSnippet(String name) throws IOException {
        String marked = between(read("earnorm.readme"), "<!-- snippet:" + name + ":start -->\n", "<!-- snippet:" + name + ":end -->");
        assertThat(marked).as("README snippet " + name).startsWith(FENCE).endsWith(FENCE + "\n");
        return marked.substring(marked.indexOf('\n') + 1, marked.length() - FENCE.length() - 1);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        int to = text.indexOf(end, from + 1);
        assertThat(from).as("marker " + start.strip()).isNotNegative();
        assertThat(to).as("marker " + end.strip()).isPositive();
        return text.substring(from + start.length(), to);
    }

    private static String read(String property) throws IOException {
        String path = System.getProperty(property);
        assertThat(path).as("system property " + property + " (set by Surefire)").isNotNull();
        return Files.readString(Path.of(path));
    }
}
