package vn.hanoi.branch.agent;

import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.auth.AuthService;
import vn.hanoi.branch.agent.auth.Passwords;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.backup.Backups;
import vn.hanoi.branch.agent.backup.Restore;
import vn.hanoi.branch.agent.config.AgentConfig;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.device.DeviceRegistry;
import vn.hanoi.branch.agent.dossier.ProcedureCatalog;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.files.DurableFiles;
import vn.hanoi.branch.agent.setup.BranchConfiguration;
import vn.hanoi.branch.agent.setup.SetupFile;
import vn.hanoi.branch.agent.setup.SetupState;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Pairing;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.Sessions;

/**
 * Command line of the agent, as the installed {@code branch-agent} launcher runs it. Without a command
 * it serves (the service does this). Settings come from {@code --config} (default: the installed
 * file), {@code BRANCH_AGENT_*} environment variables, and {@code --db}.
 */
@Command(name = "branch-agent", mixinStandardHelpOptions = true, versionProvider = AgentMain.Version.class,
        description = "The branch agent: queue, dossiers, devices and city sync on one SQLite file.%n"
                + "Without a command it serves the LAN API.",
        subcommands = {AgentMain.Serve.class, AgentMain.PairingCode.class, AgentMain.AddUser.class,
                AgentMain.ImportCatalog.class, AgentMain.Setup.class, AgentMain.ExportConfig.class, AgentMain.Backup.class, AgentMain.RestoreBackup.class})
public final class AgentMain implements Callable<Integer> {

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "settings file (default: the installed /etc/branch-agent/agent.properties)")
    Path configFile;

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "the SQLite file, over db.path of the settings")
    Path db;

    /** Set by tests and by {@link #execute}: settings to use instead of reading a file. */
    private final AgentConfig preset;
    private final PrintStream out;

    private AgentMain(AgentConfig preset, PrintStream out) {
        this.preset = preset;
        this.out = out;
    }

    public static void main(String[] args) {
        if ("json".equalsIgnoreCase(System.getenv("BRANCH_AGENT_LOG_FORMAT"))) {
            // before the first logger is created, so Logback reads the JSON configuration
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        int rc = execute(null, System.out, args);
        if (rc != 0) {
            System.exit(rc);
        }
    }

    /** Runs one command line; {@code preset} (may be null) stands for the settings file. */
    static int execute(AgentConfig preset, PrintStream out, String... args) {
        return new CommandLine(new AgentMain(preset, out))
                .setExecutionExceptionHandler((e, cl, parsed) -> {
                    if (e instanceof Refused) {
                        cl.getErr().println(e.getMessage());
                        return 1;
                    }
                    throw e;
                })
                .execute(args);
    }

    AgentConfig config() {
        if (configFile != null && !Files.isReadable(configFile)) {
            throw new Refused("Không đọc được tệp cấu hình " + configFile.toAbsolutePath() + ".",
                    "Cannot read the settings file " + configFile.toAbsolutePath() + ".");
        }
        AgentConfig c = preset != null ? preset : AgentConfig.load(configFile != null ? configFile : installedConfig(), System.getenv());
        return db == null ? c : c.with("db.path", db.toString());
    }

    /**
     * The settings of a command that works on an existing branch (all but serve and restore): refused when
     * the database is not there, so a mistyped --db or a command run from the wrong folder creates no empty
     * branch beside the real one.
     */
    AgentConfig existingBranch() {
        AgentConfig c = config();
        if (!Files.isRegularFile(c.dbPath())) {
            Path db = c.dbPath().toAbsolutePath();
            throw new Refused("Không có cơ sở dữ liệu " + db + ": hãy chỉ --db hoặc --config của chi nhánh (tác tử tạo nó khi chạy lần đầu).",
                    "No database at " + db + ": give the branch's --db or --config (the agent creates it when it first serves).");
        }
        return c;
    }

    /** A command line that names something missing or unreadable: one bilingual message, exit status 1. */
    static final class Refused extends RuntimeException {
        Refused(String vi, String en) {
            super(vi + "\n" + en);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        return serveUntilStopped(config(), agent -> null);
    }

    /** The installed launcher names the packaged config file; used when it exists and no --config is given. */
    private static Path installedConfig() {
        String p = System.getProperty("branch.agent.config");
        return p != null && Files.isReadable(Path.of(p)) ? Path.of(p) : null;
    }

    /**
     * Serves until the process is asked to stop (SIGTERM, Ctrl+C). {@code started} may start helpers bound
     * to the running agent (the demo's crowd); they are closed before the agent.
     */
    public static int serveUntilStopped(AgentConfig config, Function<Agent, AutoCloseable> started)
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

    private static Backups backups(AgentConfig config) {
        return new Backups(config.dbPath(), Agent.documentsDir(config).resolve("store"), Agent.backupDir(config),
                config.getInt("backup.keep"));
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the LAN API (the default).")
    static final class Serve implements Callable<Integer> {
        @ParentCommand
        AgentMain main;

        @Override
        public Integer call() throws InterruptedException {
            return main.call();
        }
    }

    @Command(name = "pairing-code", mixinStandardHelpOptions = true,
            description = "A one-time code (8 digits, valid 15 minutes) that pairs a device with this agent.")
    static final class PairingCode implements Callable<Integer> {
        @ParentCommand
        AgentMain main;

        @Option(names = "--kind", required = true, description = "KIOSK, COUNTER or SCREEN")
        DeviceKind kind;

        @Option(names = "--name", description = "the device's name, e.g. \"Kiosk sảnh 1\"")
        String name;

        @Override
        public Integer call() {
            try (Database db = Database.open(main.existingBranch().dbPath(), Clock.systemUTC())) {
                DeviceRegistry devices = new DeviceRegistry(db, Effects.withoutAgent(db));
                Pairing.Code code = devices.createCode(Principal.SYSTEM, new Pairing.CodeRequest(kind, name),
                        DeviceRegistry.CODE_VALIDITY);
                main.out.println("Pairing code for " + kind + " '" + code.name() + "': " + code.code()
                        + " (valid until " + code.expiresAt() + ")");
            }
            return 0;
        }
    }

    @Command(name = "add-user", mixinStandardHelpOptions = true,
            description = "A staff account; the password is asked for (or read from standard input).")
    static final class AddUser implements Callable<Integer> {
        @ParentCommand
        AgentMain main;

        @Option(names = "--username", required = true)
        String username;

        @Option(names = "--role", defaultValue = "CLERK", description = "CLERK, SUPERVISOR or IT (default ${DEFAULT-VALUE})")
        Role role;

        @Option(names = "--name", description = "full name (default: the username)")
        String name;

        @Override
        public Integer call() throws IOException {
            Path dbPath = main.existingBranch().dbPath();
            Console console = System.console();
            String password = console != null
                    ? new String(console.readPassword("Password for %s: ", username))
                    : new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip();
            Sessions.NewUser nu = new Sessions.NewUser(username, name != null ? name : username, password, role);
            AuthService.validateNewUser(nu);
            String hash = Passwords.hash(password.toCharArray());
            try (Database db = Database.open(dbPath, Clock.systemUTC())) {
                Effects effects = Effects.withoutAgent(db);
                Sessions.User u = db.write(tx -> {
                    Sessions.User created = AuthService.insertUser(tx, nu, hash);
                    effects.audit(tx, Principal.SYSTEM, "user.create", "user", created.id(), "command line");
                    return created;
                });
                main.out.println("Created " + u.role() + " account '" + u.username() + "'");
            }
            return 0;
        }
    }

    @Command(name = "import-catalog", mixinStandardHelpOptions = true,
            description = "Adds or replaces procedures from a JSON or CSV file (see README).")
    static final class ImportCatalog implements Callable<Integer> {
        @ParentCommand
        AgentMain main;

        @Option(names = "--file", required = true, paramLabel = "catalog.json|catalog.csv")
        Path file;

        @Override
        public Integer call() throws IOException {
            if (!Files.isReadable(file)) {
                throw new Refused("Không đọc được tệp danh mục " + file.toAbsolutePath() + ".",
                        "Cannot read the catalog file " + file.toAbsolutePath() + ".");
            }
            boolean csv = file.getFileName().toString().toLowerCase().endsWith(".csv");
            try (Database db = Database.open(main.existingBranch().dbPath(), Clock.systemUTC());
                 var in = Files.newInputStream(file)) {
                int n = db.write(tx -> csv
                        ? ProcedureCatalog.importCsv(tx, new InputStreamReader(in, StandardCharsets.UTF_8))
                        : ProcedureCatalog.importJson(tx, in));
                main.out.println("Imported " + n + " procedures from " + file
                        + " (procedures of services this branch lacks are skipped).");
                return 0;
            } catch (ApiException e) {
                main.out.println(e.error().messageVi() + "\n" + e.error().messageEn());
                return 1;
            }
        }
    }

    @Command(name = "setup", mixinStandardHelpOptions = true,
            description = "Sets the branch up from a YAML or JSON file (schema and example: /usr/share/branch-agent/branch.example.yaml): "
                    + "checks all of it, shows the changes, applies them in one transaction. Also while the agent runs.")
    static final class Setup implements Callable<Integer> {
        @ParentCommand
        AgentMain main;

        @Option(names = "--file", required = true, paramLabel = "branch.yaml|branch.json")
        Path file;

        @Option(names = "--dry-run", description = "show what would change, change nothing")
        boolean dryRun;

        @Override
        public Integer call() throws IOException {
            SetupFile.Read read = SetupFile.read(Files.readString(file, StandardCharsets.UTF_8),
                    SetupFile.isJson(file.getFileName().toString()));
            if (!read.ok()) {
                main.out.println("Tệp có " + read.problems().size() + " lỗi, không áp dụng gì / " + file + " has "
                        + read.problems().size() + " problems, nothing was applied:");
                read.problems().forEach(p -> main.out.println("  " + p));
                return 1;
            }
            try (Database db = Database.open(main.config().dbPath(), Clock.systemUTC())) {
                BranchConfiguration config = new BranchConfiguration(db, Effects.withoutAgent(db));
                BranchConfiguration.Outcome o = dryRun ? config.plan(read.setup())
                        : config.apply(Principal.SYSTEM, read.setup(), "setup --file " + file);
                if (!o.refusals().isEmpty()) {
                    main.out.println("Bị từ chối, không áp dụng gì / refused, nothing was applied:");
                    o.refusals().forEach(p -> main.out.println("  " + p));
                    return 1;
                }
                if (o.plan().isEmpty()) {
                    main.out.println("Không có gì thay đổi / nothing to change: the branch already has this configuration.");
                    return 0;
                }
                o.plan().changes().forEach(c -> main.out.println("  " + c));
                main.out.println(dryRun
                        ? "Chạy thử: chưa áp dụng / dry run: nothing applied (" + o.plan().changes().size() + " changes)."
                        : "Đã áp dụng / applied " + o.plan().changes().size() + " changes.");
                return 0;
            }
        }
    }

    @Command(name = "export-config", mixinStandardHelpOptions = true,
            description = "Writes the branch's configuration in the setup file's format (JSON when the name ends in .json).")
    static final class ExportConfig implements Callable<Integer> {
        @ParentCommand
        AgentMain main;

        @Option(names = "--file", paramLabel = "FILE", description = "where to write (default: standard output)")
        Path file;

        @Override
        public Integer call() throws IOException {
            try (Database db = Database.open(main.config().dbPath(), Clock.systemUTC())) {
                var current = new BranchConfiguration(db, Effects.withoutAgent(db)).current();
                if (current.isEmpty()) {
                    main.out.println(SetupState.MESSAGE_VI + "\n" + SetupState.MESSAGE_EN);
                    return 1;
                }
                boolean json = file != null && SetupFile.isJson(file.getFileName().toString());
                String text = SetupFile.write(current.get(), json);
                if (file == null) {
                    main.out.print(text);
                } else {
                    DurableFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
                    main.out.println("Đã ghi / written: " + file);
                }
                return 0;
            }
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "A backup now (also while the agent runs), rotated.")
    static final class Backup implements Callable<Integer> {
        @ParentCommand
        AgentMain main;

        @Override
        public Integer call() {
            Backups.Result r = backups(main.existingBranch()).run(Instant.now());
            main.out.println("Đã sao lưu / backup written: " + r.database() + " (" + r.databaseBytes() + " bytes); "
                    + "content files copied " + r.contentCopied() + " of " + r.contentTotal() + "; old backups removed "
                    + r.rotatedOut().size());
            return 0;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Puts a backup back (the agent must be stopped); the current database is kept aside.")
    static final class RestoreBackup implements Callable<Integer> {
        @ParentCommand
        AgentMain main;

        @Option(names = "--from", required = true, paramLabel = "FILE", description = "one of the backups")
        Path from;

        @Override
        public Integer call() {
            AgentConfig config = main.config();
            try {
                Restore.Result r = Restore.run(from, config.dbPath(), Agent.documentsDir(config).resolve("store"),
                        backups(config).contentMirror(), Instant.now());
                main.out.println("Đã khôi phục / restored from " + r.restoredFrom() + "; the previous database is kept as "
                        + r.previousKeptAs() + "; content files put back: " + r.contentRestored());
                return 0;
            } catch (IOException e) {
                System.err.println(e.getMessage() + "\nBackups: " + backups(config).list());
                return 1;
            }
        }
    }

    /** The version the build wrote into the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = AgentMain.class.getPackage().getImplementationVersion();
            return new String[] {"branch-agent " + (v != null ? v : "(development build)")};
        }
    }
}
