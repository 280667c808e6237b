package io.earnorm.ra.spi;

import org.junit.jupiter.api.Test;

import java.util.List;

/** The config contract of the JCA base classes, on a definition without I/O; and its own address property. */
class ConfigPropertyValidationTest extends JcaConfigContract<FakeManagedConnectionFactory> {

    @Test
    void aWrongAddressIsRefusedNamingThePropertyTheValueAndTheRule() throws Exception {
        FakeManagedConnectionFactory mcf = configured();
        mcf.setAddress("http://x");

        assertRefused(mcf, "address=http://x", "address must start with fake://");
    }

    @Override
    protected FakeManagedConnectionFactory configured() {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        mcf.setAcquireTimeout("30s"); // the fake's own default is 2s, to keep its tests short
        mcf.setUser("app");
        mcf.setPassword(SECRET);
        return mcf;
    }

    @Override
    protected List<String> backendProperties() {
        return List.of("address");
    }
}
