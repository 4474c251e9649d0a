package vn.hanoi.branch.agent;

import java.io.Console;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import vn.hanoi.branch.agent.audit.AuditLog;
import vn.hanoi.branch.agent.auth.AuthService;
import vn.hanoi.branch.agent.backup.Backups;
import vn.hanoi.branch.agent.backup.Restore;
import vn.hanoi.branch.agent.auth.Passwords;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.branch.DemoBranch;
import vn.hanoi.branch.agent.config.AgentConfig;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.device.DeviceRegistry;
import vn.hanoi.branch.agent.sim.DaySimulator;
import vn.hanoi.branch.agent.sim.LiveSimulator;
import vn.hanoi.branch.agent.sim.SimReport;
import vn.hanoi.branch.shared.api.DeviceKind;
import vn.hanoi.branch.shared.api.Pairing;
import vn.hanoi.branch.shared.api.Role;
import vn.hanoi.branch.shared.api.Sessions;
import vn.hanoi.branch.shared.client.AgentClient;

/**
 * Command line of the agent.
 *
 * <pre>
 * sync-agent [serve] [--config FILE]                       run the agent (the service does this)
 * sync-agent demo --db FILE [--port N] [--codes FILE] [--simulate]
 *                                                          new database with the demo branch, then serve
 *                                                          (--simulate: a live crowd of citizens and clerks)
 * sync-agent pairing-code --kind KIOSK|COUNTER|SCREEN [--name NAME] [--config FILE]
 * sync-agent add-user --username U --role CLERK|SUPERVISOR|IT --name "Full name" [--config FILE]
 * sync-agent import-catalog --file catalog.json|catalog.csv [--config FILE]
 *                                                          adds or replaces procedures (see README)
 * sync-agent backup [--config FILE]                       a backup now (while the agent runs), rotated
 * sync-agent restore --from FILE [--config FILE]          put a backup back (the agent must be stopped)
 * sync-agent simulate [--tickets N] [--policy fifo|interleave|both] [--seed S] [--counters N] [--db FILE]
 *                                                          a simulated day on a fresh database, then its report
 * sync-agent city-sim --data DIR [--port 8471] [--host 127.0.0.1] --client CODE:SECRETFILE[,CODE:SECRETFILE]
 *                     [--latency-ms N] [--error-rate R] [--timeout-rate R] [--reset-rate R] [--lost-answer-rate R]
 *                     [--duplicate-rate R] [--out-of-order] [--slow-upload-kbps N] [--seed S] [--no-fsync]
 *                                                          the city simulator (HTTPS, TEST certificate; README)
 * </pre>
 *
 * Settings come from the config file and {@code BRANCH_AGENT_*} environment variables.
 */
public final class AgentMain {
    private AgentMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        if ("json".equalsIgnoreCase(env.get("BRANCH_AGENT_LOG_FORMAT"))) {
            // before the first logger is created, so Logback reads the JSON configuration
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        List<String> rest = new ArrayList<>(List.of(args));
        String command = rest.isEmpty() || rest.get(0).startsWith("--") ? "serve" : rest.remove(0);
        Map<String, String> opts = options(rest);
        Path configFile = opts.containsKey("config") ? Path.of(opts.get("config")) : installedConfig();
        AgentConfig config = AgentConfig.load(configFile, env);
        int rc = switch (command) {
            case "serve" -> serve(config);
            case "demo" -> demo(config, opts);
            case "pairing-code" -> pairingCode(config, opts, System.out);
            case "add-user" -> addUser(config, opts, System.out);
            case "simulate" -> simulate(opts, System.out);
            case "import-catalog" -> importCatalog(config, opts, System.out);
            case "backup" -> backup(config, System.out);
            case "restore" -> restore(config, opts, System.out);
            case "city-sim" -> citySim(opts, System.out);
            default -> {
                System.err.println("unknown command: " + command
                        + " (serve, demo, pairing-code, add-user, import-catalog, backup, restore, simulate, city-sim)");
                yield 2;
            }
        };
        if (rc != 0) {
            System.exit(rc);
        }
    }

    /** The installed launcher names the packaged config file; used when it exists and no --config is given. */
    private static Path installedConfig() {
        String p = System.getProperty("branch.agent.config");
        return p != null && Files.isReadable(Path.of(p)) ? Path.of(p) : null;
    }

    private static int backup(AgentConfig config, PrintStream out) {
        Backups.Result r = backups(config).run(java.time.Instant.now());
        out.println("Đã sao lưu / backup written: " + r.database() + " (" + r.databaseBytes() + " bytes); "
                + "content files copied " + r.contentCopied() + " of " + r.contentTotal() + "; old backups removed "
                + r.rotatedOut().size());
        return 0;
    }

    private static int restore(AgentConfig config, Map<String, String> opts, PrintStream out) {
        if (!opts.containsKey("from")) {
            System.err.println("restore needs --from FILE (one of: " + backups(config).list() + ")");
            return 2;
        }
        try {
            Backups b = backups(config);
            Restore.Result r = Restore.run(Path.of(opts.get("from")), config.dbPath(),
                    Agent.documentsDir(config).resolve("store"), b.contentMirror(), java.time.Instant.now());
            out.println("Đã khôi phục / restored from " + r.restoredFrom() + "; the previous database is kept as "
                    + r.previousKeptAs() + "; content files put back: " + r.contentRestored());
            return 0;
        } catch (java.io.IOException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    private static Backups backups(AgentConfig config) {
        return new Backups(config.dbPath(), Agent.documentsDir(config).resolve("store"), Agent.backupDir(config),
                config.getInt("backup.keep"));
    }

    private static int serve(AgentConfig config) throws InterruptedException {
        return serve(config, agent -> null);
    }

    /** {@code started} may start helpers bound to the running agent; they are closed before it. */
    private static int serve(AgentConfig config, java.util.function.Function<Agent, AutoCloseable> started)
            throws InterruptedException {
        Agent agent = Agent.start(config, Clock.systemUTC());
        AutoCloseable helper = started.apply(agent);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (helper != null) {
                try {
                    helper.close();
                } catch (Exception ignored) {
                    // stopping anyway
                }
            }
            agent.close();
            stopped.countDown();
        }, "agent-shutdown"));
        stopped.await();
        return 0;
    }

    private static int demo(AgentConfig config, Map<String, String> opts) throws Exception {
        if (opts.containsKey("db")) {
            config = config.with("db.path", opts.get("db"));
        }
        if (opts.containsKey("port")) {
            config = config.with("http.port", opts.get("port"));
        }
        Path dbFile = config.dbPath();
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(dbFile + suffix));
        }
        DemoBranch.Seeded seeded;
        boolean simulate = opts.containsKey("simulate");
        String simPassword = "sim-" + java.util.UUID.randomUUID();
        Map<DeviceKind, String> simCodes = new HashMap<>();
        try (Database db = Database.open(dbFile, Clock.systemUTC())) {
            DeviceRegistry devices = new DeviceRegistry(db, new AuditLog(db));
            seeded = DemoBranch.seed(db, devices);
            if (simulate) {
                // The background crowd has its own kiosk, counter device and clerk, apart from the demo's.
                String hash = Passwords.hash(simPassword.toCharArray());
                db.write(tx -> AuthService.insertUser(tx, new Sessions.NewUser("mophong", "Cán bộ mô phỏng",
                        simPassword, Role.CLERK), hash));
                for (DeviceKind k : List.of(DeviceKind.KIOSK, DeviceKind.COUNTER)) {
                    simCodes.put(k, devices.insertCodeNow(Principal.SYSTEM, k, "sim-" + k.name().toLowerCase(),
                            java.time.Duration.ofHours(1)).code());
                }
            }
        }
        PrintStream out = System.out;
        if (config.get("certify.pkcs12").isBlank()) {
            // Certified copies in the demo are signed by a TEST certificate made here, never a real one.
            Path dir = dbFile.toAbsolutePath().getParent();
            char[] pw = java.util.UUID.randomUUID().toString().toCharArray();
            vn.hanoi.branch.certify.TestSigningPki pki = vn.hanoi.branch.certify.TestSigningPki.generate(DemoBranch.BRANCH.nameVi());
            config = config.with("certify.pkcs12", pki.writePkcs12(dir.resolve("demo-signing.p12"), pw).toString())
                    .with("certify.password.file", vn.hanoi.branch.certify.TestSigningPki
                            .writePasswordFile(dir.resolve("demo-signing.password"), pw).toString());
            out.println("Certified copies: signed with a TEST certificate (demo only); its root: "
                    + pki.writeRootPem(dir.resolve("demo-signing-root.pem")));
        }
        out.println("=== Demo branch: " + DemoBranch.BRANCH.nameVi() + " ===");
        out.println("Database: " + dbFile.toAbsolutePath());
        out.println("Staff accounts (username / password):");
        seeded.passwords().forEach((u, p) -> out.printf("  %-8s %s%n", u, p));
        out.println("Pairing codes (valid 24 h):");
        seeded.pairingCodes().forEach((k, c) -> out.printf("  %-7s %s%n", k, c.code()));
        if (opts.containsKey("codes")) {
            Properties p = new Properties();
            seeded.pairingCodes().forEach((k, c) -> p.setProperty(k.name().toLowerCase(), c.code()));
            seeded.passwords().forEach((u, pw) -> p.setProperty("password." + u, pw));
            try (var w = Files.newBufferedWriter(Path.of(opts.get("codes")), StandardCharsets.UTF_8)) {
                p.store(w, "demo pairing codes and passwords (demo only)");
            }
        }
        if (!simulate) {
            return serve(config);
        }
        out.println("Simulated citizens and clerks at counters 2-5 (counter 1 is yours); clerk account 'mophong'");
        return serve(config, agent -> {
            String url = "http://127.0.0.1:" + agent.port();
            AgentClient kiosk = AgentClient.builder(url).build();
            kiosk.pair(simCodes.get(DeviceKind.KIOSK), "sim kiosk");
            AgentClient staff = AgentClient.builder(url).build();
            staff.pair(simCodes.get(DeviceKind.COUNTER), "sim counters");
            staff.login("mophong", simPassword);
            LiveSimulator live = new LiveSimulator(kiosk, staff, List.of(2L, 3L, 4L, 5L), 8, 10);
            live.start();
            return live;
        });
    }

    private static int pairingCode(AgentConfig config, Map<String, String> opts, PrintStream out) {
        DeviceKind kind;
        try {
            kind = DeviceKind.valueOf(opts.getOrDefault("kind", "").toUpperCase());
        } catch (IllegalArgumentException e) {
            System.err.println("--kind must be KIOSK, COUNTER or SCREEN");
            return 2;
        }
        try (Database db = Database.open(config.dbPath(), Clock.systemUTC())) {
            DeviceRegistry devices = new DeviceRegistry(db, new AuditLog(db));
            Pairing.Code code = devices.createCode(Principal.SYSTEM,
                    new Pairing.CodeRequest(kind, opts.get("name")), DeviceRegistry.CODE_VALIDITY);
            out.println("Pairing code for " + kind + " '" + code.name() + "': " + code.code()
                    + " (valid until " + code.expiresAt() + ")");
        }
        return 0;
    }

    /** Branch IT loads the procedure catalog from a JSON or CSV file into the agent's database. */
    static int importCatalog(AgentConfig config, Map<String, String> opts, PrintStream out) throws Exception {
        String file = opts.get("file");
        if (file == null) {
            out.println("import-catalog needs --file catalog.json or catalog.csv");
            return 2;
        }
        Path path = Path.of(file);
        try (Database db = Database.open(config.dbPath(), Clock.systemUTC());
             var in = Files.newInputStream(path)) {
            int n = db.write(tx -> file.toLowerCase().endsWith(".csv")
                    ? vn.hanoi.branch.agent.dossier.ProcedureCatalog.importCsv(tx,
                            new java.io.InputStreamReader(in, StandardCharsets.UTF_8))
                    : vn.hanoi.branch.agent.dossier.ProcedureCatalog.importJson(tx, in));
            out.println("Imported " + n + " procedures from " + path + " (procedures of services this branch lacks are skipped).");
            return 0;
        } catch (vn.hanoi.branch.agent.http.ApiException e) {
            out.println(e.error().messageVi() + "\n" + e.error().messageEn());
            return 1;
        }
    }

    private static int addUser(AgentConfig config, Map<String, String> opts, PrintStream out) throws Exception {
        Console console = System.console();
        String password;
        if (console != null) {
            password = new String(console.readPassword("Password for %s: ", opts.get("username")));
        } else {
            password = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        Sessions.NewUser nu = new Sessions.NewUser(opts.get("username"), opts.getOrDefault("name", opts.get("username")),
                password, Role.valueOf(opts.getOrDefault("role", "CLERK").toUpperCase()));
        AuthService.validateNewUser(nu);
        String hash = Passwords.hash(password.toCharArray());
        try (Database db = Database.open(config.dbPath(), Clock.systemUTC())) {
            AuditLog audit = new AuditLog(db);
            Sessions.User u = db.write(tx -> {
                Sessions.User created = AuthService.insertUser(tx, nu, hash);
                audit.record(tx, Principal.SYSTEM, "user.create", "user", created.id(), "command line");
                return created;
            });
            out.println("Created " + u.role() + " account '" + u.username() + "'");
        }
        return 0;
    }

    private static int simulate(Map<String, String> opts, PrintStream out) {
        String policy = opts.getOrDefault("policy", "interleave").toLowerCase();
        List<DaySimulator.Policy> policies;
        switch (policy) {
            case "fifo" -> policies = List.of(DaySimulator.Policy.FIFO);
            case "interleave" -> policies = List.of(DaySimulator.Policy.INTERLEAVE);
            case "both" -> policies = List.of(DaySimulator.Policy.FIFO, DaySimulator.Policy.INTERLEAVE);
            default -> {
                System.err.println("--policy must be fifo, interleave or both");
                return 2;
            }
        }
        if (opts.containsKey("db") && policies.size() > 1) {
            System.err.println("--db keeps one day's database: choose one policy");
            return 2;
        }
        int tickets = Integer.parseInt(opts.getOrDefault("tickets", "2000"));
        long seed = Long.parseLong(opts.getOrDefault("seed", "1"));
        List<SimReport> reports = new ArrayList<>();
        for (DaySimulator.Policy p : policies) {
            DaySimulator.Config cfg = DaySimulator.Config.of(tickets, seed, p)
                    .withCounters(Integer.parseInt(opts.getOrDefault("counters", "0")));
            if (opts.containsKey("db")) {
                cfg = cfg.withDbFile(Path.of(opts.get("db")));
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

    /** Runs the city simulator until stopped; prints its URL and the CA file a branch should trust. */
    static int citySim(Map<String, String> opts, PrintStream out) throws Exception {
        if (!opts.containsKey("data")) {
            System.err.println("city-sim needs --data DIR (its database, received documents and TEST CA go there)");
            return 2;
        }
        var b = vn.hanoi.branch.agent.city.sim.CitySimulator.builder(Path.of(opts.get("data")))
                .host(opts.getOrDefault("host", "127.0.0.1"))
                .port(Integer.parseInt(opts.getOrDefault("port", "8471")))
                .seed(Long.parseLong(opts.getOrDefault("seed", "1")))
                .fsync(!opts.containsKey("no-fsync"));
        for (String client : opts.getOrDefault("client", "").split(",")) {
            if (client.isBlank()) {
                continue;
            }
            String[] kv = client.split(":", 2);
            if (kv.length != 2) {
                System.err.println("--client takes CODE:SECRETFILE, e.g. CN05:/etc/city-sim/CN05.secret");
                return 2;
            }
            b.client(kv[0], vn.hanoi.branch.agent.config.SecretFile.read(Path.of(kv[1])));
        }
        Map<String, String> faults = new HashMap<>();
        Map<String, String> flags = Map.of("latency-ms", "latencyMs", "error-rate", "errorRate", "timeout-rate", "timeoutRate",
                "timeout-ms", "timeoutMs", "reset-rate", "resetRate", "lost-answer-rate", "lostAnswerRate",
                "duplicate-rate", "duplicateRate", "out-of-order", "outOfOrder", "slow-upload-kbps", "slowUploadKbps");
        flags.forEach((flag, name) -> {
            if (opts.containsKey(flag)) {
                faults.put(name, opts.get(flag));
            }
        });
        var sim = b.start();
        sim.faults().set(faults);
        out.println("City simulator: " + sim.url() + " (TEST certificate; trust " + sim.caFile() + " as city.ca.file, or pin "
                + sim.serverPin() + ")");
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

    private static Map<String, String> options(List<String> args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                String v = i + 1 < args.size() && !args.get(i + 1).startsWith("--") ? args.get(++i) : "true";
                m.put(a.substring(2), v);
            }
        }
        return m;
    }

}
