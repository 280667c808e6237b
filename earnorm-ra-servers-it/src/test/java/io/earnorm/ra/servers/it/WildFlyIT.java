package io.earnorm.ra.servers.it;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * WildFly (standalone.xml, JDK 17). Configured offline: jboss-cli's embedded server runs
 * src/main/servers/wildfly/earnorm-ra.cli (the RAR and the resource-adapters subsystem's connection
 * definitions), moves the ports into this suite's range and deploys the test WAR; then the server boots.
 */
class WildFlyIT extends ServerChecksIT {

    private static final int HTTP_PORT = 18100;

    @Override
    ManagedServer server() {
        return new WildFly();
    }

    static final class WildFly implements ManagedServer {

        private final Path home = Suite.serversDir().resolve("wildfly-" + Suite.property("wildfly.version"));
        private final Path log = Suite.log("wildfly");
        private ServerProcess process;

        @Override
        public URI start() throws Exception {
            Files.deleteIfExists(log);
            Path configuration = home.resolve("standalone/configuration");
            Path pristine = configuration.resolve("standalone.xml.pristine");
            if (!Files.exists(pristine)) {
                Files.copy(configuration.resolve("standalone.xml"), pristine);
            }
            Files.copy(pristine, configuration.resolve("standalone.xml"), StandardCopyOption.REPLACE_EXISTING);
            for (String dir : List.of("data", "tmp", "log", "deployments")) {
                Suite.deleteTree(home.resolve("standalone").resolve(dir));
            }
            Files.createDirectories(home.resolve("standalone/deployments"));

            Path properties = home.resolve("earnorm.properties");
            Files.writeString(properties, "earnorm.rar=" + Suite.rar() + "\n");
            Path script = home.resolve("earnorm-setup.cli");
            Files.writeString(script, String.join("\n",
                    "embed-server --server-config=standalone.xml --std-out=echo",
                    "/socket-binding-group=standard-sockets/socket-binding=txn-recovery-environment:write-attribute(name=port, value=18112)",
                    "/socket-binding-group=standard-sockets/socket-binding=txn-status-manager:write-attribute(name=port, value=18113)",
                    Suite.read(Suite.config("wildfly", "earnorm-ra.cli")),
                    "deploy " + Suite.war() + " --name=servers-it.war",
                    "stop-embedded-server", ""));
            Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"));
            ServerProcess.run("jboss-cli", List.of(home.resolve("bin/jboss-cli.sh").toString(),
                    "--file=" + script, "--properties=" + properties), home, env, log, Duration.ofMinutes(3));

            process = ServerProcess.start("WildFly", List.of(home.resolve("bin/standalone.sh").toString(),
                    "-Djboss.http.port=" + HTTP_PORT, "-Djboss.https.port=18143", "-Djboss.ajp.port=18109",
                    "-Djboss.management.http.port=18190", "-Djboss.management.https.port=18193"), home, env, log);
            URI app = URI.create("http://127.0.0.1:" + HTTP_PORT + "/servers-it/");
            process.awaitOk(app.resolve("ready"), Duration.ofMinutes(3), "started (with errors)");
            return app;
        }

        @Override
        public void close() {
            if (process != null) {
                process.close();
            }
        }
    }
}
