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
import vn.hanoi.branch.agent.auth.Passwords;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.branch.DemoBranch;
import vn.hanoi.branch.agent.config.AgentConfig;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.device.DeviceRegistry;
import vn.hanoi.branch.shared.api.DeviceKind;
import vn.hanoi.branch.shared.api.Pairing;
import vn.hanoi.branch.shared.api.Role;
import vn.hanoi.branch.shared.api.Sessions;

/**
 * Command line of the agent.
 *
 * <pre>
 * sync-agent [serve] [--config FILE]                       run the agent (the service does this)
 * sync-agent demo --db FILE [--port N] [--codes FILE]      new database with the demo branch, then serve
 * sync-agent pairing-code --kind KIOSK|COUNTER|SCREEN [--name NAME] [--config FILE]
 * sync-agent add-user --username U --role CLERK|SUPERVISOR|IT --name "Full name" [--config FILE]
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
        Path configFile = opts.containsKey("config") ? Path.of(opts.get("config")) : null;
        AgentConfig config = AgentConfig.load(configFile, env);
        int rc = switch (command) {
            case "serve" -> serve(config);
            case "demo" -> demo(config, opts);
            case "pairing-code" -> pairingCode(config, opts, System.out);
            case "add-user" -> addUser(config, opts, System.out);
            default -> {
                System.err.println("unknown command: " + command + " (serve, demo, pairing-code, add-user)");
                yield 2;
            }
        };
        if (rc != 0) {
            System.exit(rc);
        }
    }

    private static int serve(AgentConfig config) throws InterruptedException {
        Agent agent = Agent.start(config, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
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
        try (Database db = Database.open(dbFile, Clock.systemUTC())) {
            seeded = DemoBranch.seed(db, new DeviceRegistry(db, new AuditLog(db)));
        }
        PrintStream out = System.out;
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
        return serve(config);
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
