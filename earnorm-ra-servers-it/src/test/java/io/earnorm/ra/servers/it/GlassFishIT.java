package io.earnorm.ra.servers.it;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GlassFish 7 (JDK 17): a domain of its own with every port at 182xx (--portbase 18200), started in
 * the foreground; asadmin deploys the RAR as earnorm-ra, runs src/main/servers/glassfish/resources.asadmin
 * (the administrator's pools and resources) and deploys the test WAR.
 */
class GlassFishIT extends ServerChecksIT {

    private static final int PORT_BASE = 18200;
    private static final int ADMIN_PORT = PORT_BASE + 48;
    private static final int HTTP_PORT = PORT_BASE + 80;
    private static final String DOMAIN = "earnorm";

    @Override
    ManagedServer server() {
        return new GlassFish();
    }

    static final class GlassFish implements ManagedServer {

        private final Path home = Suite.serversDir().resolve("glassfish7");
        private final Path domains = Suite.serversDir().resolve("glassfish-domains");
        private final Path log = Suite.log("glassfish");
        private final Map<String, String> env = Map.of("AS_JAVA", System.getProperty("java.home"), "JAVA_HOME", System.getProperty("java.home"));
        private ServerProcess process;

        @Override
        public URI start() throws Exception {
            Files.deleteIfExists(log);
            Suite.deleteTree(domains);
            asadmin(List.of("create-domain", "--portbase", String.valueOf(PORT_BASE), "--nopassword=true", "--domaindir", domains.toString(), DOMAIN));
            process = ServerProcess.start("GlassFish", List.of(asadminCommand(), "start-domain", "--verbose", "--domaindir", domains.toString(), DOMAIN),
                    home, env, log);
            process.awaitOk(URI.create("http://127.0.0.1:" + HTTP_PORT + "/"), Duration.ofMinutes(3), null);

            Files.copy(Suite.rar(), domains.resolve("earnorm-ra.rar"));
            remote(List.of("deploy", "--name=earnorm-ra", domains.resolve("earnorm-ra.rar").toString()));
            remote(List.of("multimode", "--file", Suite.config("glassfish", "resources.asadmin").toString()));
            remote(List.of("deploy", "--name=servers-it", "--contextroot=servers-it", Suite.war().toString()));
            URI app = URI.create("http://127.0.0.1:" + HTTP_PORT + "/servers-it/");
            process.awaitOk(app.resolve("ready"), Duration.ofMinutes(1), null);
            return app;
        }

        private void remote(List<String> command) throws Exception {
            List<String> args = new ArrayList<>(List.of("--port", String.valueOf(ADMIN_PORT)));
            args.addAll(command);
            asadmin(args);
        }

        private void asadmin(List<String> args) throws Exception {
            List<String> command = new ArrayList<>(List.of(asadminCommand()));
            command.addAll(args);
            ServerProcess.run("asadmin " + args, command, home, env, log, Duration.ofMinutes(3));
        }

        private String asadminCommand() {
            return home.resolve("bin/asadmin").toString();
        }

        @Override
        public void close() {
            if (process != null) {
                try {
                    asadmin(List.of("stop-domain", "--domaindir", domains.toString(), DOMAIN));
                } catch (Exception e) {
                    System.getLogger(GlassFishIT.class.getName()).log(System.Logger.Level.WARNING, "stop-domain failed; stopping the process", e);
                }
                process.close();
            }
        }
    }
}
