package io.earnorm.ra.spi.postgres;

import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.api.PostgresConnectionFactory;
import io.earnorm.ra.api.pool.PoolStats;
import io.earnorm.ra.spi.Credential;
import io.earnorm.ra.spi.EarnormManagedConnection;
import io.earnorm.ra.testsupport.TestServers;
import jakarta.resource.ResourceException;
import org.junit.jupiter.api.AfterEach;
import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * What the tests of the PostgreSQL connection definition share: factories configured in plain Java
 * on the test server (TestServers: the user's, this machine's, or one the tests start), tables and
 * roles with names unique to each test (dropped afterwards), a JDBC connection outside any pool
 * for checking and disturbing from the side, and whatever a test opens closed after it.
 */
abstract class JcaPostgresFixture {

    private final String prefix = "earnorm_jca_" + getClass().getSimpleName().toLowerCase(Locale.ROOT).replace("jcapostgres", "") + "_"
            + UUID.randomUUID().toString().substring(0, 8) + "_";
    private final List<String> tables = new ArrayList<>();
    private final List<String> roles = new ArrayList<>();
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

    /** The shared test server's URL, with its user (and password, if any) as parameters. */
    static String serverUrl() {
        return TestServers.postgresUrl();
    }

    /** A connection definition on the test server, configured as a deployer would, closed after the test. */
    PostgresManagedConnectionFactory managedFactory() {
        PostgresManagedConnectionFactory mcf = new PostgresManagedConnectionFactory();
        mcf.setUrl(serverUrl());
        mcf.setAcquireTimeout("10s");
        mcf.setMaxSize(4);
        return closeLater(mcf);
    }

    /** A connection definition whose pool holds one physical connection, so that which one is lent next is certain. */
    PostgresManagedConnectionFactory singleConnectionFactory() {
        PostgresManagedConnectionFactory mcf = managedFactory();
        mcf.setMaxSize(1);
        return mcf;
    }

    /** The application's view: the connection factory over the adapter's own connection manager. */
    static PostgresConnectionFactory connectionFactory(PostgresManagedConnectionFactory mcf) throws ResourceException {
        return (PostgresConnectionFactory) mcf.createConnectionFactory();
    }

    @SuppressWarnings("unchecked")
    static EarnormManagedConnection<io.earnorm.ra.postgres.PostgresSession> managedConnection(PostgresManagedConnectionFactory mcf) throws ResourceException {
        return (EarnormManagedConnection<io.earnorm.ra.postgres.PostgresSession>) mcf.createManagedConnection(null, null);
    }

    static PostgresConnection handle(EarnormManagedConnection<?> mc) throws ResourceException {
        return (PostgresConnection) mc.getConnection(null, null);
    }

    /** The stats of the sub-pool of the configured user. */
    static PoolStats defaultPoolStats(PostgresManagedConnectionFactory mcf) {
        return mcf.poolFor(new Credential(mcf.getUser(), mcf.getPassword())).stats();
    }

    <T extends AutoCloseable> T closeLater(T resource) {
        toClose.push(resource);
        return resource;
    }

    /** A name unique to this test, for a table or a role. */
    String name(String name) {
        return prefix + name;
    }

    /** Creates a table of this test and returns its name; it is dropped after the test. */
    String table(String name, String columns) {
        String table = name(name);
        tables.add(table);
        adminExecute("CREATE TABLE " + table + " (" + columns + ")");
        return table;
    }

    /** Creates a login role of this test and returns its name; it is dropped after the test. */
    String role(String name, String password) {
        String role = name(name);
        roles.add(role);
        adminExecute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
        return role;
    }

    void adminExecute(String sql) {
        try (Connection c = newAdmin(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    long adminCount(String sql) {
        try (Connection c = newAdmin(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    List<String> adminStrings(String sql) {
        List<String> values = new ArrayList<>();
        try (Connection c = newAdmin(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Ends the server process behind a connection, as an operator (or a crash of that backend)
     * would, and waits (up to 5 s) until it is gone.
     */
    void terminateBackend(int pid) {
        adminExecute("SELECT pg_terminate_backend(" + pid + ", 5000)");
    }

    static int backendPid(PostgresConnection connection) {
        return (Integer) connection.fetchVal("SELECT pg_backend_pid()");
    }

    /** A plain pgjdbc connection as the URL's user, outside any pool. */
    static Connection newAdmin() throws SQLException {
        return new Driver().connect(serverUrl(), new Properties());
    }

    /** Runs before tables and roles are dropped: a test class's own clean-up of the server (prepared transactions). */
    void beforeDropping() {
    }

    @AfterEach
    void cleanUp() throws Exception {
        Exception failure = null;
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception e) {
                failure = first(failure, e);
            }
        }
        try {
            beforeDropping();
        } catch (RuntimeException e) {
            failure = first(failure, e);
        }
        for (String table : tables) {
            try {
                adminExecute("DROP TABLE IF EXISTS " + table);
            } catch (RuntimeException e) {
                failure = first(failure, e);
            }
        }
        for (String role : roles) {
            try {
                adminExecute("DROP ROLE IF EXISTS " + role);
            } catch (RuntimeException e) {
                failure = first(failure, e);
            }
        }
        tables.clear();
        roles.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private static Exception first(Exception failure, Exception e) {
        return failure == null ? e : failure;
    }
}
