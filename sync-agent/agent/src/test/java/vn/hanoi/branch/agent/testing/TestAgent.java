package vn.hanoi.branch.agent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import vn.hanoi.branch.agent.Agent;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.testing.DemoBranch;
import vn.hanoi.branch.agent.config.AgentConfig;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Pairing;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.Sessions;
import vn.hanoi.branch.client.AgentLink;
import vn.hanoi.branch.client.CounterClient;
import vn.hanoi.branch.client.DeskClient;
import vn.hanoi.branch.client.HallClient;
import vn.hanoi.branch.client.ItClient;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.client.StaffSession;
import vn.hanoi.branch.client.SupervisorClient;

/**
 * A real agent for tests: in-process, on a free loopback port, with a fresh SQLite file holding the
 * demo branch (services HT=1, CT=2, DD=3, KD=4, CTH=5; counters 1-5). Shared by the app modules' tests
 * through the sync-agent test jar.
 */
public final class TestAgent implements AutoCloseable {
    public static final String CLERK = "clerk1";
    public static final String CLERK_PASSWORD = "clerk1-password";

    private final Path dir;
    private final Agent agent;
    private final java.util.Map<Role, Sessions.Login> accounts = new java.util.EnumMap<>(Role.class);
    private final AgentLink link;

    private TestAgent(Path dir, Agent agent) {
        this.dir = dir;
        this.agent = agent;
        this.link = AgentLink.to(baseUrl());
        accounts.put(Role.CLERK, new Sessions.Login(CLERK, CLERK_PASSWORD));
    }

    /** Starts an agent with the demo branch and one clerk account ({@link #CLERK} / {@link #CLERK_PASSWORD}). */
    public static TestAgent start() {
        return start(Map.of());
    }

    /** As {@link #start()}, with settings added to or replacing the test defaults (e.g. {@code hall.notices}). */
    public static TestAgent start(Map<String, String> extraConfig) {
        return start(extraConfig, Clock.systemUTC());
    }

    /** As {@link #start(Map)}, on the given clock (e.g. shifted to a fixed time of the branch's day). */
    public static TestAgent start(Map<String, String> extraConfig, Clock clock) {
        return start(extraConfig, clock, true);
    }

    /** As an installed agent starts the first time: an empty database, no branch set up (one clerk account). */
    public static TestAgent startWithoutBranch() {
        return start(Map.of(), Clock.systemUTC(), false);
    }

    private static TestAgent start(Map<String, String> extraConfig, Clock clock, boolean demoBranch) {
        try {
            Path dir = Files.createTempDirectory("test-agent");
            Path db = dir.resolve("branch.db");
            try (Database d = Database.open(db, Clock.systemUTC())) {
                if (demoBranch) {
                    d.write(tx -> {
                        DemoBranch.seedBranch(tx);
                        return null;
                    });
                }
            }
            AgentConfig cfg = AgentConfig.defaults()
                    .with("db.path", db.toString())
                    .with("http.host", "127.0.0.1")
                    .with("http.port", "0")
                    .with("events.heartbeat.seconds", "2");
            for (Map.Entry<String, String> e : extraConfig.entrySet()) {
                cfg = cfg.with(e.getKey(), e.getValue());
            }
            TestAgent t = new TestAgent(dir, Agent.start(cfg, clock));
            t.agent.auth().createUser(Principal.SYSTEM,
                    new Sessions.NewUser(CLERK, "Cán bộ Thử nghiệm", CLERK_PASSWORD, Role.CLERK));
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Agent agent() {
        return agent;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + agent.port();
    }

    public Path databaseFile() {
        return dir.resolve("branch.db");
    }

    public String pairingCode(DeviceKind kind) {
        return agent.devices().createCode(Principal.SYSTEM, new Pairing.CodeRequest(kind, "test-" + kind),
                Duration.ofMinutes(10)).code();
    }

    /** The agent's address and connections, for the clients of devices paired with {@link #pair}. */
    public AgentLink link() {
        return link;
    }

    /** Pairs a new device of {@code kind}: its id and token. */
    public Pairing.Result pair(DeviceKind kind) {
        return link.pair(pairingCode(kind), "test " + kind.name().toLowerCase());
    }

    /** A newly paired kiosk. */
    public KioskClient kioskClient() {
        return link.kiosk(pair(DeviceKind.KIOSK).token());
    }

    /** A newly paired counter PC, nobody signed in. */
    public CounterClient counterClient() {
        return link.counter(pair(DeviceKind.COUNTER).token());
    }

    /** A newly paired hall screen. */
    public HallClient hallClient() {
        return link.hall(pair(DeviceKind.SCREEN).token());
    }

    /** An account of {@code role} signed in on a newly paired counter PC ({@link #CLERK} for a clerk). */
    public StaffSession staffSession(Role role) {
        Sessions.Login account = staffAccount(role);
        return counterClient().login(account.username(), account.password());
    }

    /** The session token of {@code role} signed in on a newly paired counter PC, for raw HTTP calls. */
    public String sessionToken(Role role) {
        Principal counterPc = agent.auth().authenticate(pair(DeviceKind.COUNTER).token()).orElseThrow();
        return agent.auth().login(counterPc, staffAccount(role)).token();
    }

    /**
     * The HTTP status the agent answers a call without body with {@code token}: for the calls an
     * audience's client does not offer, e.g. a kiosk's token on a clerk's route.
     */
    public int status(String method, String path, String token) {
        Request.Builder r = new Request.Builder().url(baseUrl() + path)
                .method(method, method.equals("GET") ? null : RequestBody.create(new byte[0]));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        try (Response resp = new OkHttpClient().newCall(r.build()).execute()) {
            return resp.code();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #CLERK} at a counter. */
    public DeskClient deskClient() {
        return staffSession(Role.CLERK).desk();
    }

    public SupervisorClient supervisorClient() {
        return staffSession(Role.SUPERVISOR).supervisor();
    }

    public ItClient itClient() {
        return staffSession(Role.IT).it();
    }

    /**
     * An account of {@code role} ({@link #CLERK} for a clerk; the others made on first use: hashing a
     * password takes a while, most tests need only the clerk), as username and password.
     */
    public synchronized Sessions.Login staffAccount(Role role) {
        return accounts.computeIfAbsent(role, r -> {
            String name = r.name().toLowerCase() + "1";
            agent.auth().createUser(Principal.SYSTEM, new Sessions.NewUser(name, "Thử nghiệm " + r, name + "-password", r));
            return new Sessions.Login(name, name + "-password");
        });
    }

    @Override
    public void close() {
        agent.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files: the OS cleans up what is left
        }
    }
}
