package io.earnorm.ra.postgres;

import io.earnorm.ra.api.pool.InvalidConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading JDBC URLs as pgjdbc does, and refusing the others with the password masked. */
class PostgresUrlTest {

    @Test
    void readsHostsDatabaseAndParameters() {
        PostgresUrl url = PostgresUrl.parse(" jdbc:postgresql://db1:5433,db2/app?user=alice&password=p%40ss&sslmode=disable ");

        assertThat(url.base()).isEqualTo("jdbc:postgresql://db1:5433,db2/app");
        assertThat(url.hosts()).containsExactly("db1:5433", "db2:5432");
        assertThat(url.database()).isEqualTo("app");
        assertThat(url.parameters()).isEqualTo(Map.of("user", "alice", "password", "p@ss", "sslmode", "disable"));
        assertThat(url.address()).isEqualTo("db1:5433,db2:5432/app");
        assertThat(url.toString()).doesNotContain("p@ss").contains("password");
    }

    @Test
    void acceptsTheDriversShortFormsAndIpv6() {
        assertThat(PostgresUrl.parse("jdbc:postgresql:app").hosts()).containsExactly("localhost:5432");
        assertThat(PostgresUrl.parse("jdbc:postgresql://h/").database()).isNull();
        assertThat(PostgresUrl.parse("jdbc:postgresql://[::1]:6000/app").hosts()).containsExactly("[::1]:6000");
    }

    @Test
    void refusesWhatIsNotAPostgresqlJdbcUrlSayingWhy() {
        Map<String, String> reasons = Map.of(
                "jdbc:mysql://h:3306/app", "it is for another driver (jdbc:mysql:)",
                "postgresql://h/app", "libpq connection URI",
                "JDBC:POSTGRESQL://h/app", "lower case",
                "h:5432/app", "does not start with jdbc:postgresql://",
                "jdbc:postgresql://h", "a '/' must follow the hosts",
                "jdbc:postgresql://h:port/app", "port in 1-65535",
                "jdbc:postgresql://h:0/app", "port in 1-65535",
                "jdbc:postgresql:///app", "names no host");

        reasons.forEach((text, reason) -> {
            InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class, () -> PostgresUrl.parse(text));
            assertThat(e).as(text).isNotNull();
            assertThat(e.option()).isEqualTo("url");
            assertThat(e.getMessage()).as(text).startsWith("postgresql url ").contains(reason);
        });
        for (String empty : new String[] {null, "", "  "}) {
            assertThat(catchThrowableOfType(InvalidConfigException.class, () -> PostgresUrl.parse(empty)))
                    .hasMessageContaining("needs a url").hasMessageContaining("jdbc:postgresql://host[:port]/database");
        }
    }

    @Test
    void passwordsNeverReachTheMessage() {
        for (String text : List.of("jdbc:postgresql://bob:Se-cret@h/app", "postgres://bob:Se-cret@h/app",
                "jdbc:postgresql://h:99999/app?password=Se-cret", "jdbc:mysql://h/app?user=bob&password=Se-cret",
                "jdbc:postgresql://b:Se@cret@h/app")) {
            InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class, () -> PostgresUrl.parse(text));

            assertThat(e.getMessage()).as(text).doesNotContain("Se-cret").doesNotContain("cret@").contains("****");
            assertThat(e.value()).as(text).doesNotContain("Se-cret").doesNotContain("cret@");
        }
    }

    @Test
    void masksUserInfoAndPasswordParameters() {
        assertThat(PostgresUrl.masked("jdbc:postgresql://bob:pw@h:1/db?password=x&ssl=true"))
                .isEqualTo("jdbc:postgresql://bob:****@h:1/db?password=****&ssl=true");
        assertThat(PostgresUrl.masked("jdbc:postgresql://h/db?sslpassword=k")).isEqualTo("jdbc:postgresql://h/db?sslpassword=****");
        assertThat(PostgresUrl.masked("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
    }
}
