package io.earnorm.ra.bench.pool;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** One Agroal pool over {@link StubJdbcDriver}, shared by all benchmark threads, full before the first iteration. */
@State(Scope.Benchmark)
public class AgroalPoolState {

    AgroalDataSource dataSource;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        AgroalDataSourceConfigurationSupplier config = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool
                        .initialSize(PoolSize.CONNECTIONS)
                        .minSize(PoolSize.CONNECTIONS)
                        .maxSize(PoolSize.CONNECTIONS)
                        .acquisitionTimeout(PoolSize.WAIT_LIMIT)
                        .connectionFactoryConfiguration(factory -> factory
                                .jdbcUrl(StubJdbcDriver.URL)
                                .connectionProviderClass(StubJdbcDriver.class)));
        dataSource = AgroalDataSource.from(config);
        awaitFull();
    }

    /**
     * Agroal opens initialSize in the background, and its metrics (off by default, and not free
     * when on) are the only count it gives: holding all connections at once makes sure they exist
     * before the first measurement, which would otherwise be charged for the opens.
     */
    private void awaitFull() throws SQLException {
        List<Connection> all = new ArrayList<>();
        try {
            for (int i = 0; i < PoolSize.CONNECTIONS; i++) {
                all.add(dataSource.getConnection());
            }
        } finally {
            for (Connection c : all) {
                c.close();
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        dataSource.close();
    }
}
