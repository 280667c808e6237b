package io.earnorm.ra.backend;

import io.earnorm.ra.api.pool.InvalidConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordSourceTest {

    @TempDir
    Path dir;

    @Test
    void aPlainValueIsThePasswordItself() {
        assertThat(PasswordSource.resolve("password", "s3cret", Map.of())).isEqualTo("s3cret");
        assertThat(PasswordSource.resolve("password", null, Map.of())).isNull();
        assertThat(PasswordSource.resolve("password", "${NOT_A_SOURCE=x}", Map.of())).isEqualTo("${NOT_A_SOURCE=x}");
    }

    @Test
    void anEnvironmentReferenceReadsTheVariable() {
        assertThat(PasswordSource.resolve("password", "${ENV=PG_PASSWORD}", Map.of("PG_PASSWORD", "from-env"))).isEqualTo("from-env");
    }

    @Test
    void aMissingVariableIsRefusedNamingOptionAndVariable() {
        assertThatThrownBy(() -> PasswordSource.resolve("password", "${ENV=PG_PASSWORD}", Map.of()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("password reads the environment variable PG_PASSWORD, which is not set");
    }

    @Test
    void aFileReferenceReadsTheFileWithoutItsLineBreak() throws IOException {
        Path file = dir.resolve("pw");
        Files.writeString(file, "from-file\n");

        assertThat(PasswordSource.resolve("password", "${FILE=" + file + "}", Map.of())).isEqualTo("from-file");
    }

    @Test
    void anUnreadableFileIsRefusedNamingOptionAndFile() {
        Path missing = dir.resolve("absent");
        assertThatThrownBy(() -> PasswordSource.resolve("password", "${FILE=" + missing + "}", Map.of()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("password reads the file " + missing + ", which cannot be read");
    }
}
