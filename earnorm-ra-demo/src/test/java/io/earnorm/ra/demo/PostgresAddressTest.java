package io.earnorm.ra.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresAddressTest {

    @Test
    void theCredentialsLeaveTheUrlAndTheOtherParametersStay() {
        PostgresAddress a = PostgresAddress.parse("jdbc:postgresql://127.0.0.1:5432/test?user=app&ssl=false&password=s%26cret");

        assertThat(a.url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?ssl=false");
        assertThat(a.user()).isEqualTo("app");
        assertThat(a.password()).isEqualTo("s&cret");
        assertThat(a.toString()).doesNotContain("cret");
    }

    @Test
    void withoutCredentialsTheUserIsPostgresWithNoPassword() {
        PostgresAddress a = PostgresAddress.parse("jdbc:postgresql://127.0.0.1:5432/test");

        assertThat(a).isEqualTo(new PostgresAddress("jdbc:postgresql://127.0.0.1:5432/test", "postgres", ""));
    }

    @Test
    void somethingElseThanAPostgresJdbcUrlIsRefusedByName() {
        assertThatThrownBy(() -> PostgresAddress.parse("postgres://localhost/test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EARNORM_POSTGRES_URL must look like jdbc:postgresql://");
    }
}
