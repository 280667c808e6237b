package io.earnorm.ra.servers.it;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Payara Micro (6 or 7) as a process: its post-boot command file deploys the RAR as earnorm-ra and
 * then runs GlassFish's src/main/servers/glassfish/resources.asadmin as it is (Payara Micro takes
 * asadmin commands there), and --deploy deploys the test WAR after them.
 */
final class PayaraMicro implements ManagedServer {

    private final String name;
    private final Path jar;
    private final Path javaHome;
    private final int httpPort;
    private final Path dir;
    private final Path log;
    private ServerProcess process;

    PayaraMicro(String name, String jar, Path javaHome, int httpPort) {
        this.name = name;
        this.jar = Suite.serversDir().resolve(jar);
        this.javaHome = javaHome;
        this.httpPort = httpPort;
        this.dir = Suite.serversDir().resolve(name);
        this.log = Suite.log(name);
    }

    @Override
    public String missing() {
        return Files.isExecutable(javaHome.resolve("bin/java")) ? null
                : name + " needs a JDK at " + javaHome + " (set EARNORM_JDK21_HOME to a JDK 21 or newer): skipped";
    }

    @Override
    public URI start() throws Exception {
        Files.deleteIfExists(log);
        Suite.deleteTree(dir);
        Files.createDirectories(dir);
        Path postBoot = dir.resolve("post-boot-commands.txt");
        Files.writeString(postBoot, "deploy --name=earnorm-ra ${earnorm.rar}\n" + Suite.read(Suite.config("glassfish", "resources.asadmin")));
        process = ServerProcess.start(name, List.of(javaHome.resolve("bin/java").toString(),
                "-Dearnorm.rar=" + Suite.rar(), "-Djava.io.tmpdir=" + dir,
                "-jar", jar.toString(),
                "--nocluster", "--port", String.valueOf(httpPort), "--rootdir", dir.resolve("root").toString(),
                "--postbootcommandfile", postBoot.toString(),
                "--deploy", Suite.war().toString(), "--contextroot", "servers-it"), dir, Map.of(), log);
        URI app = URI.create("http://127.0.0.1:" + httpPort + "/servers-it/");
        process.awaitOk(app.resolve("ready"), Duration.ofMinutes(3), null);
        return app;
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
