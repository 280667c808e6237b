package io.earnorm.ra.pool;

import io.earnorm.ra.api.pool.InvalidConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"500ms,PT0.5S", "30s,PT30S", "5m,PT5M", "1h,PT1H", "2d,PT48H", "PT30S,PT30S", "pt1m,PT1M", "0,PT0S", " 7s ,PT7S", "250us,PT0.00025S"})
    void readsNumbersWithUnitsAndIso8601(String text, String expected) {
        assertThat(Durations.parse("x", text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "1500"})
    void refusesABareNumberSayingWhy(String text) {
        assertThatThrownBy(() -> Durations.parse("acquireTimeout", text))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("acquireTimeout needs a unit")
                .hasMessageContaining("not a bare number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "abc", "10 parsecs", "-5s", "1.5s", "PTXS"})
    void refusesWhatIsNotADuration(String text) {
        assertThatThrownBy(() -> Durations.parse("idleTimeout", text))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("idleTimeout")
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> Durations.parse("idleTimeout", null)).hasMessageContaining("idleTimeout=null");
    }

    @ParameterizedTest
    @CsvSource({"PT0S,0s", "PT0.5S,500ms", "PT30S,30s", "PT5M,5m", "PT2H,2h", "PT48H,2d", "PT1.5S,1500ms", "PT0.000000001S,1ns"})
    void formatsInTheLargestExactUnitAndReadsBack(String iso, String text) {
        Duration d = Duration.parse(iso);
        assertThat(Durations.format(d)).isEqualTo(text);
        assertThat(Durations.parse("x", text)).isEqualTo(d);
    }
}
