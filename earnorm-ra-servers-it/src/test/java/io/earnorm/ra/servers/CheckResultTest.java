package io.earnorm.ra.servers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The line a check result travels as, from the servlet to the test. */
class CheckResultTest {

    @Test
    void aResultSurvivesItsLineWithAnEmptyOrAMultiLineDetail() {
        CheckResult passed = new CheckResult(CheckResult.Outcome.PASS, "app/postgres JTA commit", "");
        CheckResult failed = new CheckResult(CheckResult.Outcome.FAIL, "admin/redis closed handle refused", "line one\nline\ttwo");

        assertThat(CheckResult.parse(passed.toLine())).isEqualTo(passed);
        assertThat(CheckResult.parse(failed.toLine())).isEqualTo(
                new CheckResult(CheckResult.Outcome.FAIL, "admin/redis closed handle refused", "line one line two"));
        assertThat(CheckResult.parse("PASS\tXA rollback")).isEqualTo(new CheckResult(CheckResult.Outcome.PASS, "XA rollback", ""));
    }

    @Test
    void aLineThatIsNoResultIsRefusedNamingIt() {
        assertThatThrownBy(() -> CheckResult.parse("<html>Error 500</html>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<html>Error 500</html>");
    }

    @Test
    void everyDefinitionHasItsOwnLookupName() {
        assertThat(Definition.all()).hasSize(14);
        assertThat(Definition.all().stream().map(Definition::lookupName).distinct()).hasSize(14)
                .contains("java:app/eis/app/postgres-xa", "java:comp/env/eis/admin/redis-pooled");
    }
}
