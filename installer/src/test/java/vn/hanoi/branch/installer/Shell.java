package vn.hanoi.branch.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the documented programs as a user would: in a working folder, output kept in a log file. */
final class Shell {
    /** What JDK 22+ prints when a launcher forgot the installed launchers' --enable-native-access. */
    static final String JVM_WARNING = "WARNING: A restricted method";

    private final Path logs;
    private final List<Process> background = new ArrayList<>();
    private int n;

    Shell(Path logs) {
        this.logs = logs;
    }

    record Result(int exit, String output) {
        Result ok() {
            assertThat(exit).as(output).isZero();
            assertThat(output).as("JVM warnings (missing JVM options)").doesNotContain(JVM_WARNING);
            return this;
        }
    }

    /** Runs to its end (at most {@code seconds}); stdout and stderr together. */
    Result run(Path cwd, Map<String, String> env, String stdin, List<String> argv, int seconds) throws Exception {
        Path log = logs.resolve(String.format("%03d-%s.log", ++n, Path.of(argv.get(0)).getFileName()));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            kill(p);
            throw new AssertionError(argv + " did not end within " + seconds + " s: " + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log));
    }

    /** Starts in the background; {@link #close} stops it and all it started if the test did not. */
    Started start(Path cwd, Map<String, String> env, List<String> argv) throws IOException {
        Path log = logs.resolve(String.format("%03d-%s.log", ++n, Path.of(argv.get(0)).getFileName()));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        background.add(p);
        return new Started(p, log);
    }

    record Started(Process process, Path log) {
        String output() throws IOException {
            return Files.readString(log);
        }
    }

    /** SIGTERM to the process and what it started, SIGKILL after 20 s. */
    static void kill(Process p) throws InterruptedException {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    void close() throws InterruptedException {
        for (Process p : background) {
            if (p.isAlive()) {
                kill(p);
            }
        }
    }
}
