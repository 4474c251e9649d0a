package vn.hanoi.branch.agent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import vn.hanoi.branch.agent.testing.DemoBranch;
import vn.hanoi.branch.testkit.city.CitySimulator;
import vn.hanoi.branch.agent.config.SecretFile;

/**
 * The city simulator on loopback for a test, with the demo branch as its client (secret in a 0600 file),
 * and the agent settings that point a branch at it (directly, or through a {@link FlakyLink} in front).
 */
public final class TestCity implements AutoCloseable {
    public static final String BRANCH = DemoBranch.BRANCH.code();

    private final Path dir;
    private final Path secretFile;
    private final CitySimulator sim;

    private TestCity(Path dir, Path secretFile, CitySimulator sim) {
        this.dir = dir;
        this.secretFile = secretFile;
        this.sim = sim;
    }

    public static TestCity start() {
        return start(true);
    }

    public static TestCity start(boolean fsync) {
        return start(fsync, true);
    }

    /** {@code partialChunks} false plays a city of contract 1.0, which counts whole chunks only. */
    public static TestCity start(boolean fsync, boolean partialChunks) {
        try {
            Path dir = Files.createTempDirectory("test-city");
            String secret = UUID.randomUUID().toString();
            Path secretFile = SecretFile.write(dir.resolve("client.secret"), secret);
            CitySimulator sim = CitySimulator.builder(dir.resolve("sim")).client(BRANCH, secret).fsync(fsync)
                    .partialChunks(partialChunks).start();
            return new TestCity(dir, secretFile, sim);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CitySimulator sim() {
        return sim;
    }

    public Path dir() {
        return dir;
    }

    /** Agent settings for a city at {@code port} on loopback (the simulator's, or a FlakyLink's in front of it). */
    public Map<String, String> agentConfig(int port) {
        Map<String, String> m = new HashMap<>();
        m.put("city.url", "https://127.0.0.1:" + port);
        m.put("city.client.secret.file", secretFile.toString());
        m.put("city.ca.file", sim.caFile().toString());
        m.put("city.sync.interval.ms", "100");
        m.put("city.backoff.base.ms", "20");
        m.put("city.backoff.max.seconds", "1");
        m.put("city.timeout.seconds", "3");
        return m;
    }

    public Map<String, String> agentConfig() {
        return agentConfig(sim.port());
    }

    /** Stops the simulator and deletes what it stored (documents can be hundreds of MB). */
    @Override
    public void close() {
        sim.close();
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files: the OS cleans up what is left
        }
    }
}
