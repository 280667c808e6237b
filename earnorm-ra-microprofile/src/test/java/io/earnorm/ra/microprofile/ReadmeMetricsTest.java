package io.earnorm.ra.microprofile;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README lists every published metric under the name Prometheus shows, with its meaning. */
class ReadmeMetricsTest {

    @Test
    void everyMetricIsInTheReadmeWithItsDescription() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));

        for (PoolGauge gauge : PoolGauge.values()) {
            assertThat(readme).contains("| `" + prometheus(gauge.metricName()) + "` | gauge | " + gauge.description() + " |");
        }
        for (PoolTiming timing : PoolTiming.values()) {
            assertThat(readme).contains("| `" + prometheus(timing.metricName()) + "_seconds` | timer | " + timing.description() + " |");
        }
    }

    static String prometheus(String name) {
        return name.replace('.', '_');
    }
}
