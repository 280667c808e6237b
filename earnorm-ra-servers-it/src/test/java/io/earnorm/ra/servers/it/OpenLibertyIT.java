package io.earnorm.ra.servers.it;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Open Liberty (JDK 17): a server of its own in a user directory under target/, whose server.xml is
 * src/main/servers/liberty/server.xml (the RAR, the administrator's connection factories, the test
 * WAR), with the two paths in bootstrap.properties; run in the foreground.
 */
class OpenLibertyIT extends ServerChecksIT {

    private static final int HTTP_PORT = 18300;
    private static final String SERVER = "earnorm";

    @Override
    ManagedServer server() {
        return new OpenLiberty();
    }

    static final class OpenLiberty implements ManagedServer {

        private final Path home = Suite.serversDir().resolve("wlp");
        private final Path userDir = Suite.serversDir().resolve("liberty-usr");
        private final Path log = Suite.log("liberty");
        private final Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"), "WLP_USER_DIR", userDir.toString());
        private ServerProcess process;

        @Override
        public URI start() throws Exception {
            Files.deleteIfExists(log);
            Suite.deleteTree(userDir);
            Path server = Files.createDirectories(userDir.resolve("servers").resolve(SERVER));
            Files.copy(Suite.config("liberty", "server.xml"), server.resolve("server.xml"));
            Files.writeString(server.resolve("bootstrap.properties"),
                    "earnorm.rar=" + Suite.rar() + "\nearnorm.war=" + Suite.war() + "\n");
            process = ServerProcess.start("Open Liberty", List.of(home.resolve("bin/server").toString(), "run", SERVER), home, env, log);
            URI app = URI.create("http://127.0.0.1:" + HTTP_PORT + "/servers-it/");
            process.awaitOk(app.resolve("ready"), Duration.ofMinutes(3), "CWWKZ0002E");
            return app;
        }

        @Override
        public void close() {
            if (process != null) {
                try {
                    ServerProcess.run("server stop", List.of(home.resolve("bin/server").toString(), "stop", SERVER), home, env, log, Duration.ofMinutes(1));
                } catch (Exception e) {
                    System.getLogger(OpenLibertyIT.class.getName()).log(System.Logger.Level.WARNING, "server stop failed; stopping the process", e);
                }
                process.close();
            }
        }
    }
}
