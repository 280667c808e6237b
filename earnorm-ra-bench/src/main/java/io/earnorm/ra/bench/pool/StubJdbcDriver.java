package io.earnorm.ra.bench.pool;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver for {@code jdbc:stub:} URLs whose connections do no I/O, so that HikariCP is
 * measured on its own. HikariCP instantiates it from its class name; it deliberately does not
 * register itself with {@link java.sql.DriverManager}, so it cannot answer for anyone else's URL.
 */
public final class StubJdbcDriver implements Driver {

    static final String URL = "jdbc:stub:";

    @Override
    public Connection connect(String url, Properties info) {
        // JDBC wants null, not an exception, for a URL that belongs to another driver.
        return acceptsURL(url) ? new StubJdbcConnection() : null;
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(URL);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("the stub driver has no logger");
    }
}
