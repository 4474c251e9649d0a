package vn.hanoi.branch.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.hanoi.branch.agent.AgentMain;
import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.auth.AuthService;
import vn.hanoi.branch.agent.auth.Passwords;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.config.AgentConfig;
import vn.hanoi.branch.agent.config.SecretFile;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.device.DeviceRegistry;
import vn.hanoi.branch.agent.testing.DemoBranch;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.Sessions;
import vn.hanoi.branch.client.AgentLink;
import vn.hanoi.branch.client.DeskClient;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.demo.sim.DaySimulator;
import vn.hanoi.branch.demo.sim.LiveSimulator;
import vn.hanoi.branch.demo.sim.SimReport;
import vn.hanoi.branch.testkit.city.CitySimulator;
import vn.hanoi.branch.testkit.pki.TestSigningPki;

/**
 * The demo's command line ({@code ./demo.sh} runs it): a demo branch on a new database, a simulated
 * day, and the city simulator. This module is never packaged: an installed agent cannot seed a made-up
 * branch or wipe its database.
 */
@Command(name = "agent-demo", mixinStandardHelpOptions = true,
        description = "Demo and simulation of a branch (developer checkout only).",
        subcommands = {DemoMain.Demo.class, DemoMain.Simulate.class, DemoMain.CitySim.class})
public final class DemoMain {

    public static void main(String[] args) {
        int rc = execute(args);
        if (rc != 0) {
            System.exit(rc);
        }
    }

    static int execute(String... args) {
        return new CommandLine(new DemoMain()).execute(args);
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Creates a demo database with the demo branch, prints its accounts and codes, then serves.")
    static final class Demo implements Callable<Integer> {
        @Option(names = "--db", required = true, paramLabel = "FILE",
                description = "a new file for the demo database (an existing one holding data is refused, never replaced)")
        Path db;

        @Option(names = "--port", defaultValue = "8470")
        int port;

        @Option(names = "--codes", paramLabel = "FILE", description = "also write the pairing codes and passwords here")
        Path codes;

        @Option(names = "--simulate", description = "a live crowd of citizens and clerks at counters 2-5")
        boolean simulate;

        @Override
        public Integer call() throws Exception {
            Optional<String> refused = DemoGuard.refusal(db);
            if (refused.isPresent()) {
                System.err.println(refused.get());
                return 2;
            }
            AgentConfig config = AgentConfig.load(null, System.getenv())
                    .with("db.path", db.toString()).with("http.port", Integer.toString(port));
            String simPassword = "sim-" + UUID.randomUUID();
            Map<DeviceKind, String> simCodes = new EnumMap<>(DeviceKind.class);
            DemoBranch.Seeded seeded;
            try (Database database = Database.open(db, Clock.systemUTC())) {
                DeviceRegistry devices = new DeviceRegistry(database, Effects.withoutAgent(database));
                seeded = DemoBranch.seed(database, devices);
                if (simulate) {
                    // The background crowd has its own kiosk, counter device and clerk, apart from the demo's.
                    String hash = Passwords.hash(simPassword.toCharArray());
                    database.write(tx -> AuthService.insertUser(tx, new Sessions.NewUser("mophong", "Cán bộ mô phỏng",
                            simPassword, Role.CLERK), hash));
                    for (DeviceKind k : List.of(DeviceKind.KIOSK, DeviceKind.COUNTER)) {
                        simCodes.put(k, devices.insertCodeNow(Principal.SYSTEM, k, "sim-" + k.name().toLowerCase(),
                                Duration.ofHours(1)).code());
                    }
                }
            }
            PrintStream out = System.out;
            if (config.get("certify.pkcs12").isBlank()) {
                config = withTestSigningKey(config, out);
            }
            out.println("=== Demo branch: " + DemoBranch.BRANCH.nameVi() + " ===");
            out.println("Database: " + db.toAbsolutePath());
            out.println("Staff accounts (username / password):");
            seeded.passwords().forEach((u, p) -> out.printf("  %-8s %s%n", u, p));
            out.println("Pairing codes (valid 24 h):");
            seeded.pairingCodes().forEach((k, c) -> out.printf("  %-7s %s%n", k, c.code()));
            if (codes != null) {
                writeCodes(seeded);
            }
            if (!simulate) {
                return AgentMain.serveUntilStopped(config, agent -> null);
            }
            out.println("Simulated citizens and clerks at counters 2-5 (counter 1 is yours); clerk account 'mophong'");
            return AgentMain.serveUntilStopped(config, agent -> {
                String url = "http://127.0.0.1:" + agent.port();
                AgentLink link = AgentLink.to(url);
                KioskClient kiosk = link.kiosk(link.pair(simCodes.get(DeviceKind.KIOSK), "sim kiosk").token());
                DeskClient staff = link.counter(link.pair(simCodes.get(DeviceKind.COUNTER), "sim counters").token())
                        .login("mophong", simPassword).desk();
                LiveSimulator live = new LiveSimulator(kiosk, staff, List.of(2L, 3L, 4L, 5L), 8, 10);
                live.start();
                return live;
            });
        }

        /** Certified copies in the demo are signed by a TEST certificate made here, never a real one. */
        private AgentConfig withTestSigningKey(AgentConfig config, PrintStream out) throws Exception {
            Path dir = db.toAbsolutePath().getParent();
            char[] pw = UUID.randomUUID().toString().toCharArray();
            TestSigningPki pki = TestSigningPki.generate(DemoBranch.BRANCH.nameVi());
            out.println("Certified copies: signed with a TEST certificate (demo only); its root: "
                    + pki.writeRootPem(dir.resolve("demo-signing-root.pem")));
            return config.with("certify.pkcs12", pki.writePkcs12(dir.resolve("demo-signing.p12"), pw).toString())
                    .with("certify.password.file", TestSigningPki.writePasswordFile(dir.resolve("demo-signing.password"), pw).toString());
        }

        private void writeCodes(DemoBranch.Seeded seeded) throws IOException {
            Properties p = new Properties();
            seeded.pairingCodes().forEach((k, c) -> p.setProperty(k.name().toLowerCase(), c.code()));
            seeded.passwords().forEach((u, pw) -> p.setProperty("password." + u, pw));
            try (var w = Files.newBufferedWriter(codes, StandardCharsets.UTF_8)) {
                p.store(w, "demo pairing codes and passwords (demo only)");
            }
        }
    }

    @Command(name = "simulate", mixinStandardHelpOptions = true,
            description = "A simulated business day against a real agent on a fresh database, then its report.")
    static final class Simulate implements Callable<Integer> {
        enum PolicyChoice { fifo, interleave, both }

        @Option(names = "--tickets", defaultValue = "2000")
        int tickets;

        @Option(names = "--policy", defaultValue = "interleave", description = "fifo, interleave or both (default ${DEFAULT-VALUE})")
        PolicyChoice policy;

        @Option(names = "--seed", defaultValue = "1")
        long seed;

        @Option(names = "--counters", defaultValue = "0", description = "0: as many as the day's load needs")
        int counters;

        @Option(names = "--db", paramLabel = "FILE", description = "keep the day's database here (one policy only)")
        Path db;

        @Override
        public Integer call() {
            List<DaySimulator.Policy> policies = switch (policy) {
                case fifo -> List.of(DaySimulator.Policy.FIFO);
                case interleave -> List.of(DaySimulator.Policy.INTERLEAVE);
                case both -> List.of(DaySimulator.Policy.FIFO, DaySimulator.Policy.INTERLEAVE);
            };
            if (db != null && policies.size() > 1) {
                System.err.println("--db keeps one day's database: choose one policy");
                return 2;
            }
            PrintStream out = System.out;
            List<SimReport> reports = new ArrayList<>();
            for (DaySimulator.Policy p : policies) {
                DaySimulator.Config cfg = DaySimulator.Config.of(tickets, seed, p).withCounters(counters);
                if (db != null) {
                    cfg = cfg.withDbFile(db);
                }
                DaySimulator.Result r = DaySimulator.run(cfg);
                reports.add(r.report());
                out.printf("simulated %s: %d tickets in %.1f s of wall time, %d HTTP calls%s%n", r.report().policy(),
                        tickets, r.wallTime().toMillis() / 1000.0, r.httpCalls(),
                        r.dbFile() == null ? "" : ", database kept in " + r.dbFile().toAbsolutePath());
            }
            out.println("Simulated day, " + tickets + " tickets, seed " + seed + ":");
            out.print(SimReport.table(reports));
            return 0;
        }
    }

    @Command(name = "city-sim", mixinStandardHelpOptions = true,
            description = "The city simulator (HTTPS with a TEST certificate) until stopped.")
    static final class CitySim implements Callable<Integer> {
        @Option(names = "--data", required = true, paramLabel = "DIR",
                description = "its database, received documents and TEST CA go here")
        Path data;

        @Option(names = "--host", defaultValue = "127.0.0.1")
        String host;

        @Option(names = "--port", defaultValue = "8471")
        int port;

        @Option(names = "--seed", defaultValue = "1")
        long seed;

        @Option(names = "--no-fsync")
        boolean noFsync;

        @Option(names = "--whole-chunks-only",
                description = "play a city of contract 1.0: a cut chunk counts for nothing, so branches send 16 MiB chunks")
        boolean wholeChunksOnly;

        @Option(names = "--client", split = ",", paramLabel = "CODE:SECRETFILE",
                description = "a branch allowed in and the 0600 file with its secret")
        List<String> clients = List.of();

        @Option(names = "--latency-ms") String latencyMs;
        @Option(names = "--error-rate") String errorRate;
        @Option(names = "--timeout-rate") String timeoutRate;
        @Option(names = "--timeout-ms") String timeoutMs;
        @Option(names = "--reset-rate") String resetRate;
        @Option(names = "--lost-answer-rate") String lostAnswerRate;
        @Option(names = "--duplicate-rate") String duplicateRate;
        @Option(names = "--out-of-order", arity = "0..1", fallbackValue = "true") String outOfOrder;
        @Option(names = "--slow-upload-kbps") String slowUploadKbps;

        @Override
        public Integer call() throws Exception {
            var b = CitySimulator.builder(data).host(host).port(port).seed(seed).fsync(!noFsync).partialChunks(!wholeChunksOnly);
            for (String client : clients) {
                String[] kv = client.split(":", 2);
                if (kv.length != 2) {
                    System.err.println("--client takes CODE:SECRETFILE, e.g. CN05:/etc/city-sim/CN05.secret");
                    return 2;
                }
                b.client(kv[0], SecretFile.read(Path.of(kv[1])));
            }
            Map<String, String> faults = new LinkedHashMap<>();
            put(faults, "latencyMs", latencyMs);
            put(faults, "errorRate", errorRate);
            put(faults, "timeoutRate", timeoutRate);
            put(faults, "timeoutMs", timeoutMs);
            put(faults, "resetRate", resetRate);
            put(faults, "lostAnswerRate", lostAnswerRate);
            put(faults, "duplicateRate", duplicateRate);
            put(faults, "outOfOrder", outOfOrder);
            put(faults, "slowUploadKbps", slowUploadKbps);
            var sim = b.start();
            sim.faults().set(faults);
            PrintStream out = System.out;
            out.println("City simulator: " + sim.url() + " (TEST certificate; trust " + sim.caFile()
                    + " as city.ca.file, or pin " + sim.serverPin() + ")");
            out.println("Faults: " + sim.faults().asMap());
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                sim.close();
                stopped.countDown();
            }, "city-sim-shutdown"));
            stopped.await();
            return 0;
        }

        private static void put(Map<String, String> faults, String name, String value) {
            if (value != null) {
                faults.put(name, value);
            }
        }
    }
}
