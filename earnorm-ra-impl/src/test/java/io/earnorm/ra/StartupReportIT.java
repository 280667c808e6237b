package io.earnorm.ra;

import io.earnorm.ra.backend.BackendPool;
import io.earnorm.ra.backend.StartupReport;
import io.earnorm.ra.mongo.MongoPool;
import io.earnorm.ra.postgres.PostgresPool;
import io.earnorm.ra.redis.RedisPool;
import io.earnorm.ra.testsupport.TestServers;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every backend gives the start-up report the README promises: what the pool reached, in the
 * backend's own words (not the fallback "type at address"), how many connections the server
 * accepts where it says, and a warning when maxSize x instances is more than that.
 */
class StartupReportIT {

    @Test
    void postgresReportsItsRoleAndVersionAndWarnsPastMaxConnections() throws SQLException {
        int limit = postgresLimit();
        String url = TestServers.postgresUrl();

        StartupReport.Findings modest = findings(n -> PostgresPool.builder().url(url).maxSize(2).instances(n).build(), 1);
        StartupReport.Findings crowded = findings(n -> PostgresPool.builder().url(url).maxSize(limit / 3 + 1).instances(n).build(), 3);

        assertThat(modest.topology()).matches("(primary|replica) .* \\(PostgreSQL \\d+.*\\), (not )?in recovery");
        assertThat(modest.limit()).hasValue(limit);
        assertThat(modest.overLimit()).isFalse();
        assertThat(crowded.wanted()).isEqualTo((limit / 3 + 1) * 3);
        assertThat(crowded.overLimit()).isTrue();
    }

    @Test
    void redisReportsItsRoleAndWarnsPastMaxclients() {
        String uri = TestServers.redisUri();
        StartupReport.Findings modest = findings(n -> RedisPool.builder().uri(uri).maxSize(2).instances(n).build(), 1);
        int limit = modest.limit().orElseThrow();
        StartupReport.Findings crowded = findings(n -> RedisPool.builder().uri(uri).maxSize(limit / 3 + 1).instances(n).build(), 3);

        assertThat(modest.topology()).startsWith("master ");
        assertThat(modest.overLimit()).isFalse();
        assertThat(crowded.overLimit()).isTrue();
    }

    @Test
    void mongoReportsItsTopologyAndTheServersConnectionLimitWhereServerStatusAnswers() {
        String uri = TestServers.mongoUri();
        StartupReport.Findings modest = findings(n -> MongoPool.builder().uri(uri).database("startup_report").maxSize(2).instances(n).build(), 1);

        assertThat(modest.topology()).startsWith("standalone server: ").contains(" standalone (");
        if (modest.limit().isPresent()) {
            int limit = modest.limit().getAsInt();
            StartupReport.Findings crowded = findings(n -> MongoPool.builder().uri(uri).database("startup_report")
                    .maxSize(limit / 3 + 1).instances(n).build(), 3);
            assertThat(crowded.overLimit()).isTrue();
        } else {
            // mongo-java-server answers serverStatus without a connections section; a real mongod has one.
            assertThat(TestServers.realMongo()).as("a real mongod reports connections in serverStatus").isFalse();
        }
    }

    private static StartupReport.Findings findings(IntFunction<BackendPool<?, ?>> build, int instances) {
        try (BackendPool<?, ?> pool = build.apply(instances)) {
            pool.init();
            StartupReport.Findings findings = pool.startupFindings();
            assertThat(findings).isNotNull();
            assertThat(findings.topology()).as("the backend's own description, not the fallback").doesNotContain(" at ");
            return findings;
        }
    }

    private static int postgresLimit() throws SQLException {
        try (Connection c = new Driver().connect(TestServers.postgresUrl(), new Properties());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('max_connections')::int - CASE WHEN rolsuper THEN 0 ELSE "
                     + "current_setting('superuser_reserved_connections')::int END FROM pg_roles WHERE rolname = current_user")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
