package io.earnorm.ra.servers.it;

import java.nio.file.Path;

/** Payara Micro 7 on a JDK 21 or newer: Temurin 25 here, or the JDK at EARNORM_JDK21_HOME. */
class PayaraMicro7IT extends ServerChecksIT {

    static final Path JDK = Path.of(System.getenv().getOrDefault("EARNORM_JDK21_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"));

    @Override
    ManagedServer server() {
        return new PayaraMicro("payara-micro-7", "payara-micro-7.jar", JDK, 18400);
    }
}
