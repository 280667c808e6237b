package io.earnorm.ra.fleet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@link FleetInstanceMain} in a JVM of its own, started with this JVM's class path: its last
 * reported figures, and the means to stop it gracefully or kill it as {@code kill -9} does.
 */
final class FleetProcess implements AutoCloseable {

    /** One line of figures an instance printed. */
    record Figures(int active, int total, int pending, int fleetCount, int instances, int share, long ok, long failed, long uptimeMillis) {

        static Figures parse(String line) {
            String[] f = line.split(" ");
            return new Figures(Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                    Integer.parseInt(f[5]), Integer.parseInt(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8]), Long.parseLong(f[9]));
        }
    }

    final String label;
    private final Process process;
    private final Writer stdin;
    private volatile Figures last = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0);
    private volatile String done;
    private final List<String> errors = new ArrayList<>();

    private FleetProcess(String label, Process process) {
        this.label = label;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread out = new Thread(this::readStdout, "fleet-out-" + label);
        out.setDaemon(true);
        out.start();
        Thread err = new Thread(this::readStderr, "fleet-err-" + label);
        err.setDaemon(true);
        err.start();
    }

    static FleetProcess start(String label, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FleetInstanceMain.class.getName());
        command.addAll(List.of(args));
        return new FleetProcess(label, new ProcessBuilder(command).start());
    }

    Figures figures() {
        return last;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Requests that failed, from its last line, or from its final line once stopped. */
    long failed() {
        String d = done;
        return d == null ? last.failed() : Long.parseLong(d.split(" ")[2]);
    }

    long succeeded() {
        String d = done;
        return d == null ? last.ok() : Long.parseLong(d.split(" ")[1]);
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    /** Asks it to stop and waits until it has closed its pool and exited. */
    void stop() throws IOException, InterruptedException {
        stdin.write("stop\n");
        stdin.flush();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (int i = 0; i < 100 && done == null; i++) {
            Thread.sleep(20); // the reader thread may still be on the last line
        }
    }

    /** SIGKILL: the JVM ends at once, its sockets closed by the operating system. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void readStdout() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("S ")) {
                    last = Figures.parse(line);
                } else if (line.startsWith("DONE ")) {
                    done = line;
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private void readStderr() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("request failed") || line.contains("Exception") && !line.startsWith("\tat")) {
                    synchronized (this) {
                        errors.add(line);
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }
}
