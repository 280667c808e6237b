package io.earnorm.ra.sample.it;

import io.earnorm.ra.sample.WriteRateLimiter;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application on Payara Micro, called over HTTP as its users would: a user directory
 * with users in MongoDB, a read-through cache and a write rate limit in Redis, and an audit trail
 * in PostgreSQL written in one JTA transaction with the email address's claim.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SampleApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleDeployment.application();
    }

    @ArquillianResource
    URL deployed;

    private Api api;
    private String client;

    @BeforeEach
    void client() {
        api = new Api(deployed);
        client = "it-" + UUID.randomUUID();
    }

    @Test
    void statusShowsTheThreeFactoriesAndTheirBackendsUp() {
        Api.Reply status = api.get("api/status");

        assertThat(status.status()).as(status.toString()).isEqualTo(200);
        JsonObject body = status.json().asJsonObject();
        assertThat(body.getBoolean("up")).isTrue();
        assertThat(body.getJsonArray("factories").getValuesAs(JsonObject.class))
                .extracting(f -> f.getString("backend") + " " + f.getString("jndiName") + " " + f.getString("definedBy") + " " + f.getBoolean("up"))
                .containsExactly(
                        "mongodb java:app/eis/users @ConnectionFactoryDefinition true",
                        "redis java:app/eis/cache @ConnectionFactoryDefinition true",
                        "postgresql eis/earnorm/ledger asadmin commands true");
    }

    @Test
    void aCreatedUserIsStoredCachedOnFirstReadAndAudited() {
        String email = unique("ada") + "@example.com";
        Api.Reply created = api.post("api/users", "{\"name\": \"Ada Lovelace\", \"email\": \"" + email.toUpperCase() + "\"}", client);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject user = created.json().asJsonObject();
        String id = user.getString("id");
        assertThat(user.getString("name")).isEqualTo("Ada Lovelace");
        assertThat(user.getString("email")).isEqualTo(email);
        assertThat(created.header("Location")).endsWith("/api/users/" + id);

        Api.Reply first = api.get("api/users/" + id);
        Api.Reply second = api.get("api/users/" + id);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-Cache")).isEqualTo("miss");
        assertThat(second.header("X-Cache")).isEqualTo("hit");
        assertThat(second.json()).isEqualTo(first.json()).isEqualTo(user);

        assertThat(api.get("api/users").json().asJsonArray().getValuesAs(JsonObject.class))
                .extracting(u -> u.getString("id")).contains(id);
        assertThat(auditActions(id)).containsExactly("created");
    }

    @Test
    void aTakenEmailIsRefusedWith409AndItsAuditEntryIsRolledBack() throws SQLException {
        String email = unique("grace") + "@example.com";
        assertThat(api.post("api/users", "{\"name\": \"Grace\", \"email\": \"" + email + "\"}", client).status()).isEqualTo(201);

        Api.Reply again = api.post("api/users", "{\"name\": \"Grace Again\", \"email\": \"" + email + "\"}", client);

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        JsonObject error = again.json().asJsonObject();
        assertThat(error.getString("error")).isEqualTo("conflict");
        assertThat(error.getString("field")).isEqualTo("email");
        assertThat(error.getString("message")).contains(email);
        // The refused signup's audit entry was written before its claim failed, in the same transaction.
        assertThat(auditEntriesInPostgres(email)).isEqualTo(1);
    }

    @Test
    void aDeletedUserIsGoneFromStoreAndCacheAndItsEmailIsFreeAgain() {
        String email = unique("alan") + "@example.com";
        String id = api.post("api/users", "{\"name\": \"Alan\", \"email\": \"" + email + "\"}", client).json().asJsonObject().getString("id");
        assertThat(api.get("api/users/" + id).header("X-Cache")).isEqualTo("miss");

        Api.Reply deleted = api.delete("api/users/" + id, client);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        Api.Reply gone = api.get("api/users/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().asJsonObject().getString("error")).isEqualTo("not_found");
        assertThat(auditActions(id)).containsExactly("created", "deleted");
        assertThat(api.post("api/users", "{\"name\": \"Alan Again\", \"email\": \"" + email + "\"}", client).status()).isEqualTo(201);
    }

    @Test
    void badInputGets400NamingWhatWasWrong() {
        assertBadRequest(api.post("api/users", "{\"name\": \"Ada\"}", client), "email", "email is required");
        assertBadRequest(api.post("api/users", "{\"name\": \"Ada\", \"email\": \"not an address\"}", client), "email", "email must look like");
        assertBadRequest(api.post("api/users", "{\"name\": \"\", \"email\": \"ada@example.com\"}", client), "name", "name must have 1 to 100");
        assertBadRequest(api.post("api/users", "{\"name\": 42, \"email\": \"ada@example.com\"}", client), "name", "name must be a string");
        assertBadRequest(api.post("api/users", "this is not json", client), "body", "not valid JSON");
        assertBadRequest(api.post("api/users", "{\"name\": \"Ada\", \"email\": \"ada@example.com\"}", "no spaces allowed"), "X-Client-Id", "X-Client-Id must be");
    }

    @Test
    void anUnknownUserOrPathGets404AsJson() {
        Api.Reply user = api.get("api/users/" + UUID.randomUUID());
        assertThat(user.status()).isEqualTo(404);
        assertThat(user.json().asJsonObject().getString("error")).isEqualTo("not_found");

        Api.Reply path = api.get("api/nothing-here");
        assertThat(path.status()).isEqualTo(404);
        assertThat(path.json().asJsonObject().getString("error")).isEqualTo("http_404");
    }

    @Test
    void writesPastTheLimitGet429WithRetryAfter() {
        int limit = WriteRateLimiter.WRITES_PER_WINDOW;
        for (int i = 0; i < limit; i++) {
            Api.Reply counted = api.delete("api/users/no-such-user", client);
            assertThat(counted.status()).as(counted.toString()).isEqualTo(404);
        }

        Api.Reply refused = api.delete("api/users/no-such-user", client);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        JsonObject error = refused.json().asJsonObject();
        assertThat(error.getString("error")).isEqualTo("rate_limited");
        assertThat(error.getInt("limit")).isEqualTo(limit);
        assertThat(error.getInt("retryAfterSeconds")).isBetween(1, WriteRateLimiter.WINDOW_SECONDS);
        assertThat(refused.header("Retry-After")).isEqualTo(String.valueOf(error.getInt("retryAfterSeconds")));
        assertThat(api.delete("api/users/no-such-user", "other-" + client).status()).isEqualTo(404);
    }

    private void assertBadRequest(Api.Reply reply, String field, String message) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        JsonObject error = reply.json().asJsonObject();
        assertThat(error.getString("error")).isEqualTo("invalid_request");
        assertThat(error.getString("field")).isEqualTo(field);
        assertThat(error.getString("message")).contains(message);
    }

    private List<String> auditActions(String id) {
        Api.Reply audit = api.get("api/users/" + id + "/audit");
        assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
        JsonArray entries = audit.json().asJsonArray();
        return entries.getValuesAs(JsonObject.class).stream().map(e -> e.getString("action")).toList();
    }

    private static int auditEntriesInPostgres(String email) throws SQLException {
        PostgresAddress postgres = PayaraBackends.postgres();
        try (Connection conn = DriverManager.getConnection(postgres.url(), postgres.user(), postgres.password());
             PreparedStatement count = conn.prepareStatement("select count(*) from earnorm_sample_audit where email = ?")) {
            count.setString(1, email);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
