package vn.hanoi.branch.client;

import vn.hanoi.branch.api.Pairing;
import vn.hanoi.branch.files.DurableFiles;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What a paired app keeps between runs: the agent address and its device token. Stored in
 * {@code device.properties} in the app's state directory, readable by the app's user only (0600),
 * replaced atomically so a power cut never leaves a half-written token.
 */
public final class DeviceState {
    private static final String FILE = "device.properties";

    private final Path dir;

    public DeviceState(Path dir) {
        this.dir = dir;
    }

    /** Default state directory of an app, e.g. {@code ~/.local/state/hcc-branch/kiosk}. */
    public static Path defaultDir(String app) {
        String xdg = System.getenv("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("hcc-branch").resolve(app);
    }

    public record Saved(String agentUrl, String deviceToken, long deviceId, String deviceName) {
    }

    public Optional<Saved> load() {
        Path f = dir.resolve(FILE);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            return Optional.empty();
        }
        String token = p.getProperty("device.token");
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Saved(p.getProperty("agent.url"), token,
                Long.parseLong(p.getProperty("device.id", "0")), p.getProperty("device.name", "")));
    }

    public void save(Saved s) throws IOException {
        Properties p = new Properties();
        p.setProperty("agent.url", s.agentUrl());
        p.setProperty("device.token", s.deviceToken());
        p.setProperty("device.id", Long.toString(s.deviceId()));
        p.setProperty("device.name", s.deviceName() == null ? "" : s.deviceName());
        StringWriter text = new StringWriter();
        p.store(text, "device pairing of this app; delete to pair again");
        DurableFiles.writeOwnerOnly(dir.resolve(FILE), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    public void clear() throws IOException {
        Files.deleteIfExists(dir.resolve(FILE));
    }

    /**
     * The credentials of a paired app: the saved ones, or those got by pairing with {@code code} (then
     * saved). Empty when the app is not paired and no code was given. Make the app's client with
     * {@code AgentLink.to(saved.agentUrl()).kiosk(saved.deviceToken())} (or {@code counter(..)}).
     *
     * @param agentUrl where the agent is; null to use the saved address
     * @throws vn.hanoi.branch.client.AgentException when the agent refuses the code or is unreachable
     */
    public Optional<Saved> paired(String agentUrl, String code, String deviceName) throws IOException {
        Optional<Saved> saved = load();
        if (saved.isPresent() && (agentUrl == null || agentUrl.equals(saved.get().agentUrl()))) {
            return saved;
        }
        if (code == null || code.isBlank() || agentUrl == null) {
            return Optional.empty();
        }
        Pairing.Result r = AgentLink.to(agentUrl).pair(code.trim(), deviceName);
        Saved paired = new Saved(agentUrl, r.token(), r.deviceId(), r.name());
        save(paired);
        return Optional.of(paired);
    }

    /** As {@link #paired}, as the former all-in-one client (until the apps use the audience clients). */
    public Optional<AgentClient> pairedClient(String agentUrl, String code, String deviceName) throws IOException {
        return paired(agentUrl, code, deviceName)
                .map(s -> AgentClient.builder(s.agentUrl()).deviceToken(s.deviceToken()).build());
    }
}
