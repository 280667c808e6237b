import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's plain-Java examples are these files, whole, and its dependency blocks are the ones
 * this module compiles them with: a snippet that is in the README compiles and runs as it stands.
 */
class ReadmeExamplesTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void everyExampleFileStandsWholeInTheReadme() throws IOException {
        String readme = Files.readString(README);
        try (var files = Files.list(Path.of("src/main/java"))) {
            var examples = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
            assertThat(examples).hasSizeGreaterThanOrEqualTo(6);
            for (Path example : examples) {
                assertThat(readme).as(example.getFileName() + " in README.md, whole")
                        .contains("```java\n" + Files.readString(example) + "```");
            }
        }
    }

    @Test
    void theReadmesDependencyBlocksAreTheOnesTheExamplesCompileWith() throws IOException {
        String readme = Files.readString(README);
        String pom = Files.readString(Path.of("pom.xml"));
        for (String block : new String[] {"dependencies", "dependencies-jca", "dependencies-mongo-in-process"}) {
            assertThat(readme).as("the README's " + block + " block").contains("```xml\n" + block(pom, block) + "```");
        }
    }

    private static String block(String pom, String name) {
        String start = "<!-- readme:" + name + ":start -->\n";
        int from = pom.indexOf(start);
        int to = pom.indexOf("    <!-- readme:" + name + ":end -->");
        assertThat(from).as(start.strip()).isNotNegative();
        String xml = pom.substring(from + start.length(), to)
                .replace("${project.version}", System.getProperty("earnorm.version"))
                .replace("${jakarta.resource.version}", System.getProperty("jakarta.resource.version"))
                .replace("${mongo-java-server.version}", System.getProperty("mongo-java-server.version"));
        return Arrays.stream(xml.split("\n", -1)).map(l -> l.startsWith("    ") ? l.substring(4) : l)
                .collect(Collectors.joining("\n"));
    }
}
