package io.earnorm.ra.servers.it;

import java.nio.file.Path;

/** Payara Micro 6 (the version earnorm-ra-sample-war uses) on the build's JDK 17. */
class PayaraMicro6IT extends ServerChecksIT {

    @Override
    ManagedServer server() {
        return new PayaraMicro("payara-micro-6", "payara-micro-6.jar", Path.of(System.getProperty("java.home")), 18500);
    }
}
