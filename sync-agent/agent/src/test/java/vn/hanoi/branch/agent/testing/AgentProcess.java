package vn.hanoi.branch.agent.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;
import vn.hanoi.branch.agent.AgentMain;
import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.auth.AuthService;
import vn.hanoi.branch.agent.auth.Passwords;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.testing.DemoBranch;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.device.DeviceRegistry;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.Sessions;
import vn.hanoi.branch.client.AgentLink;

/**
 * The agent as a separate operating-system process (same JVM binary and class path as the test),
 * for what only a real process can show: {@code kill -9}, cold start, resident memory.
 */
public final class AgentProcess implements AutoCloseable {
    private final Path dbFile;
    private final int port;
    private final Path log;
    private Process process;
    private final java.util.Map<String, String> settings = new java.util.HashMap<>();

    private AgentProcess(Path dbFile, int port, Path log) {
        this.dbFile = dbFile;
        this.port = port;
        this.log = log;
    }

    /** Creates a database with the demo branch in {@code dir}; {@link #start()} runs the agent on it. */
    public static AgentProcess prepare(Path dir) {
        Path db = dir.resolve("branch.db");
        try (Database d = Database.open(db, Clock.systemUTC())) {
            d.write(tx -> {
                DemoBranch.seedBranch(tx);
                return null;
            });
        }
        return new AgentProcess(db, freePort(), dir.resolve("agent.log"));
    }

    /** A pairing code written straight into the database (as the agent's command line does). */
    public String pairingCode(DeviceKind kind) {
        try (Database d = Database.open(dbFile, Clock.systemUTC())) {
            return new DeviceRegistry(d, Effects.withoutAgent(d))
                    .insertCodeNow(Principal.SYSTEM, kind, "test-" + kind, Duration.ofHours(1)).code();
        }
    }

    /** A clerk account written straight into the database (as the agent's add-user command does). */
    public void createUser(String username, String password) {
        String hash = Passwords.hash(password.toCharArray());
        try (Database d = Database.open(dbFile, Clock.systemUTC())) {
            d.write(tx -> AuthService.insertUser(tx, new Sessions.NewUser(username, username, password, Role.CLERK), hash));
        }
    }

    public Path dbFile() {
        return dbFile;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** A setting for the next starts (as the BRANCH_AGENT_* environment variable a service unit would set). */
    public AgentProcess with(String key, String value) {
        settings.put(key, value);
        return this;
    }

    /** Starts the process and waits until its health endpoint answers; returns the time that took. */
    public Duration start() {
        long t0 = System.nanoTime();
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "--enable-native-access=ALL-UNNAMED"));
        // The benchmark passes the packaged runtime class path (target/lib), as installed; tests use their own.
        cmd.addAll(List.of("-cp", System.getProperty("agent.classpath", System.getProperty("java.class.path")),
                AgentMain.class.getName(), "serve"));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("BRANCH_AGENT_DB_PATH", dbFile.toString());
        pb.environment().put("BRANCH_AGENT_HTTP_HOST", "127.0.0.1");
        pb.environment().put("BRANCH_AGENT_HTTP_PORT", Integer.toString(port));
        pb.environment().put("BRANCH_AGENT_DAY_CLOSE_AUTO_AFTER_MINUTES", "-1"); // no day closed under a test run at night
        settings.forEach((k, v) -> pb.environment().put("BRANCH_AGENT_" + k.toUpperCase(java.util.Locale.ROOT).replace('.', '_'), v));
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AgentLink probe = AgentLink.builder(baseUrl()).connectTimeout(Duration.ofMillis(200))
                .readTimeout(Duration.ofMillis(500)).build();
        try {
            // Poll, do not spin: on two cores a busy probe steals half the machine from the start it measures.
            await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("agent process exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    probe.health();
                    return true;
                } catch (RuntimeException notYet) {
                    return false;
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("agent did not become healthy within 30 s; see " + log, e);
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** SIGKILL: no shutdown hook, no WAL checkpoint, as in a power cut of the process. */
    /** SIGTERM, and waits for the graceful shutdown. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Resident set size of the process in kB, from /proc. */
    public long rssKb() {
        return rssKb(process.pid());
    }

    /** Resident set size of any process, from /proc (Linux). */
    public static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return -1;
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
