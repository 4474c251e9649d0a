package vn.hanoi.branch.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vn.hanoi.branch.client.AgentLink;

/**
 * Every command README.md and the IT guide show in a code block or a table, run on this checkout (which
 * the reactor has just built) in a safe form: {@link #TABLE} says how, one line per command as written. A
 * documented command missing from the table fails, and so does a table line no README shows any more.
 * {@code /tmp/} in a command stands for this test's own folder, which is also the working folder.
 * Needs what .ci/run installs: Xvfb and x11-utils (the demo's windows), pcscd with vsmartcard-vpcd (the
 * card emulator), socat (the printer emulator), sane-utils.
 */
class ReadmeCommandsTest {
    static final Path ROOT = InstalledPackagesTest.ROOT;
    static final String PASSWORD = "Mat-khau-thu-2026";
    static final Map<String, Check> TABLE = new LinkedHashMap<>();
    static final List<String> FIGURES = new ArrayList<>();

    static Path work;
    static Shell shell;
    static Shell.Started agent;
    static int agentPort;
    static Path lastBackup;
    static String cardQr;
    static Shell.Started cardEmulator;

    enum Kind { RUN, SAFE_FORM, ELSEWHERE, NOT_RUN }

    /** How one documented command is checked; {@code how} is shown in the report. */
    record Check(Kind kind, String how, Body body) {
    }

    interface Body {
        void run(String command) throws Exception;
    }

    static void row(String command, Kind kind, String how, Body body) {
        TABLE.put(command, new Check(kind, how, body));
    }

    static {
        // README.md: the first two commands
        row("./demo.sh", Kind.RUN, "under Xvfb until the agent answers and both windows show; Ctrl+C (SIGINT to its group); nothing left",
                c -> demo());
        row("mvn -B verify", Kind.ELSEWHERE, ".ci/run runs it, and this test runs inside it", c ->
                assertThat(Files.readAllLines(ROOT.resolve(".ci/run"))).contains("mvn -B verify"));
        // README.md: running the agent (port 8470 replaced by a free one through BRANCH_AGENT_HTTP_PORT)
        row("bin/branch-agent --help", Kind.RUN, "as written", c ->
                assertThat(launcher(c).output()).contains("pairing-code", "add-user", "import-catalog", "backup", "restore"));
        row("bin/branch-agent serve --db branch.db", Kind.RUN, "started; health answers", c -> startAgent(c));
        row("bin/branch-agent setup --db branch.db --file installer/src/deb/branch-agent/tree/usr/share/branch-agent/branch.example.yaml",
                Kind.RUN, "as written, on the running agent's database: health turns from not_set_up to ok", c -> {
                    assertThat(launcher(c.replace(" installer/", " " + ROOT.resolve("installer") + "/")).output()).contains("applied");
                    awaitHealth("ok");
                });
        row("bin/branch-agent pairing-code --db branch.db --kind KIOSK --name \"Kiosk sảnh 1\"", Kind.RUN,
                "against the running agent, which accepts the printed code", c -> pairWith(launcher(c).output(), "Kiosk sảnh 1"));
        row("bin/branch-agent add-user --db branch.db --username canbo7 --role CLERK --name \"Nguyễn Văn A\"", Kind.RUN,
                "password on stdin", c -> assertThat(launcher(c, PASSWORD).output()).contains("Created CLERK account 'canbo7'"));
        row("installer/build-packages.sh", Kind.ELSEWHERE,
                "InstalledPackagesTest builds the packages it installs with it, as written, and checks what it lists", c -> { });
        // README.md: card reader diagnostics, against the card emulator in pcscd's virtual reader
        row("bin/card-tool list-readers", Kind.RUN, "as written, pcscd running (started here if needed)", c -> {
            ensurePcscd();
            assertThat(launcher(c).output()).contains("Virtual PCD");
        });
        synopsis("bin/card-tool read-card [--reader NAME] (--qr TEXT | --doc N --dob yyMMdd --expiry yyMMdd) [--csca FILE]... [--dg2]");
        synopsis("bin/card-tool decode-qr IMAGE");
        row("bin/card-emulator --csca-out /tmp/csca.pem", Kind.RUN, "started; prints the card's QR", c -> startCardEmulator(c));
        row("bin/card-tool read-card --qr \"<the printed QR>\" --csca /tmp/csca.pem", Kind.RUN,
                "with the QR the emulator printed: the chip read and verified", c -> {
                    assertThat(cardQr).as("the emulator's QR").isNotNull();
                    String out = launcher(c.replace("<the printed QR>", cardQr)).output();
                    assertThat(out).contains("\"verdict\" : \"VERIFIED\"");
                    Shell.kill(cardEmulator.process());
                });
        // README.md: development tools and options
        synopsis("bin/agent-demo simulate [--tickets 2000] [--policy fifo|interleave|both] [--seed 1] [--counters N] [--db FILE]");
        synopsis("bin/branch-kiosk --printer-port /dev/ttyUSB0 --printer-profile tm-t88 --printer-baud 38400");
        // README.md: printer diagnostics, against the printer emulator on a pty pair
        row("bin/printer-tool ports", Kind.RUN, "as written", c -> launcher(c));
        synopsis("bin/printer-tool status --port PATH [--profile ID] [--baud N] [--parity none|even|odd] [--flow none|rts-cts|dsr-dtr|xon-xoff]");
        synopsis("bin/printer-tool print-test --port PATH [same options]");
        row("bin/printer-emulator --pty /tmp/printer --out demo-data/paper", Kind.RUN, "started; announces its port", c -> {
            Shell.Started emulator = shell.start(work, Map.of(), words(c));
            await().atMost(Duration.ofSeconds(60)).until(() -> emulator.output().contains("Emulating"));
        });
        row("bin/printer-tool status --port /tmp/printer/host", Kind.RUN, "exit 0: the printer is ready", c -> launcher(c));
        row("bin/printer-tool print-test --port /tmp/printer/host", Kind.RUN, "exit 0, and the page is a PNG in demo-data/paper", c -> {
            launcher(c);
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.isDirectory(work.resolve("demo-data/paper"))
                    && Files.list(work.resolve("demo-data/paper")).anyMatch(p -> p.toString().endsWith(".png")));
        });
        // README.md: the city simulator
        row("umask 077; echo \"s3cret-for-demo\" > /tmp/CN01.secret", Kind.RUN, "bash -c", c -> {
            shell.run(work, Map.of(), null, List.of("bash", "-c", inWork(c)), 10).ok();
            assertThat(Files.readString(work.resolve("CN01.secret"))).contains("s3cret-for-demo");
        });
        synopsis("bin/agent-demo city-sim --data /tmp/city-sim --port 8471 --client HN-CN01:/tmp/CN01.secret [--latency-ms 50]"
                + " [--error-rate 0.1] [--timeout-rate 0.05 --timeout-ms 15000] [--reset-rate 0.05] [--lost-answer-rate 0.1]"
                + " [--duplicate-rate 0.2] [--out-of-order] [--slow-upload-kbps 8000] [--seed 1] [--no-fsync]");

        // README-IT: the installed branch-agent runs AgentMain as the service's user; here bin/branch-agent
        // runs the same commands with the same options on the test agent's database.
        String packages = "InstalledPackagesTest installs the same packages with dpkg -i (apt would fetch from the network)";
        row("sudo apt install ./branch-agent_*.deb", Kind.ELSEWHERE, packages, c -> { });
        row("sudo apt install ./branch-kiosk_*.deb", Kind.ELSEWHERE, packages, c -> { });
        row("sudo apt install ./branch-counter_*.deb", Kind.ELSEWHERE, packages, c -> { });
        row("systemctl status branch-agent", Kind.SAFE_FORM, "no systemd here: the agent process runs and answers its health check",
                c -> awaitHealth());
        row("curl http://127.0.0.1:8470/api/v1/health", Kind.RUN, "curl, on the test agent's port", c -> curlHealth(c));
        row("curl http://<server>:8470/api/v1/health", Kind.RUN, "curl, on the test agent's port", c -> curlHealth(c));
        for (String user : List.of("--username it1 --role IT --name \"Trần Văn IT\"",
                "--username canbo1 --role CLERK --name \"Nguyễn Thị A\"", "--username truongbp --role SUPERVISOR --name \"Lê Văn B\"")) {
            row("sudo branch-agent add-user " + user, Kind.SAFE_FORM, "bin/branch-agent on the test agent's database, password on stdin",
                    c -> assertThat(itCommand(c, PASSWORD).output()).contains("Created"));
        }
        for (String[] device : new String[][] {{"KIOSK", "Kiosk sảnh 1"}, {"COUNTER", "Quầy 3"}, {"SCREEN", "TV sảnh"}}) {
            row("sudo branch-agent pairing-code --kind " + device[0] + " --name \"" + device[1] + "\"", Kind.SAFE_FORM,
                    "bin/branch-agent on the test agent's database: the running agent accepts the code",
                    c -> pairWith(itCommand(c, null).output(), device[1]));
        }
        row("sudo install -m 640 -g branch-agent /usr/share/branch-agent/branch.example.yaml /etc/branch-agent/branch.yaml",
                Kind.SAFE_FORM, "cp of the packaged example (from the package tree) into the test's folder", c ->
                        Files.copy(ROOT.resolve("installer/src/deb/branch-agent/tree/usr/share/branch-agent/branch.example.yaml"),
                                work.resolve("branch.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING));
        row("sudo nano /etc/branch-agent/branch.yaml", Kind.NOT_RUN, "an interactive editor", c -> { });
        row("sudo branch-agent setup --file /etc/branch-agent/branch.yaml --dry-run", Kind.SAFE_FORM,
                "bin/branch-agent on the test agent's database with the copied example: already applied, nothing to change",
                c -> assertThat(itCommand(c.replace("/etc/branch-agent/", work + "/"), null).output()).contains("nothing to change"));
        row("sudo branch-agent setup --file /etc/branch-agent/branch.yaml", Kind.SAFE_FORM,
                "bin/branch-agent on the test agent's database with the copied example: applying again changes nothing",
                c -> assertThat(itCommand(c.replace("/etc/branch-agent/", work + "/"), null).output()).contains("nothing to change"));
        row("sudo branch-agent import-catalog --file thu-tuc.csv", Kind.SAFE_FORM,
                "bin/branch-agent on the test agent's database, a thu-tuc.csv with the README's header", c -> {
                    Files.writeString(work.resolve("thu-tuc.csv"), "code,nameVi,nameEn,serviceCode,department,processingDays,feeVnd,documents\n"
                            + "1.000001,Thủ tục thử,Test procedure,HT,Phòng thử,5,0,Tờ khai|CCCD (bản sao)\n", StandardCharsets.UTF_8);
                    assertThat(itCommand(c, null).output()).contains("Imported");
                });
        row("sudo adduser <clerk-login> dialout", Kind.NOT_RUN, "changes an account of the machine", c -> { });
        row("sudo branch-agent backup", Kind.SAFE_FORM, "bin/branch-agent on the test agent's database, while it serves", c -> {
            Matcher m = Pattern.compile("backup written: (\\S+) \\(").matcher(itCommand(c, null).output());
            assertThat(m.find()).isTrue();
            lastBackup = Path.of(m.group(1));
        });
        row("ls /var/lib/branch-agent/backups", Kind.SAFE_FORM, "ls of the test agent's backups folder", c ->
                assertThat(shell.run(work, Map.of(), null, List.of("ls", work.resolve("backups").toString()), 10).ok().output())
                        .contains(lastBackup.getFileName().toString()));
        row("sudo systemctl stop branch-agent", Kind.SAFE_FORM, "no systemd here: SIGTERM to the test agent", c -> stopAgent());
        row("sudo systemctl start branch-agent", Kind.SAFE_FORM, "no systemd here: the test agent started again", c -> {
            startAgent("bin/branch-agent serve --db branch.db");
        });
        row("sudo branch-agent restore --from /var/lib/branch-agent/backups/branch-agent-20261123-020000.db", Kind.SAFE_FORM,
                "bin/branch-agent, agent stopped, from the backup made above", c -> restore());
        row("sudo branch-agent restore --from /var/lib/branch-agent/backups/pre-migration-v<N>-<time>.db", Kind.SAFE_FORM,
                "bin/branch-agent, agent stopped, from the backup made above", c -> restore());
        row("sudo apt install --allow-downgrades ./branch-agent_<old>.deb", Kind.NOT_RUN,
                "needs an older release's package; InstalledPackagesTest installs a newer one over the old", c -> { });
        row("ls -l /dev/ttyUSB*", Kind.NOT_RUN, "a kiosk's USB serial printer", c -> { });
        row("id branch-kiosk", Kind.NOT_RUN, "the installed kiosk's user; InstalledPackagesTest checks it exists", c -> { });
        row("systemctl status pcscd", Kind.SAFE_FORM, "no systemd here: pcscd runs", c -> {
            ensurePcscd();
            assertThat(shell.run(work, Map.of(), null, List.of("pgrep", "-x", "pcscd"), 10).exit()).isZero();
        });
        row("pcsc_scan", Kind.SAFE_FORM, "for 5 s (it runs until Ctrl+C): lists the virtual reader", c -> {
            ensurePcscd();
            assertThat(shell.run(work, Map.of(), null, List.of("timeout", "5", "pcsc_scan"), 20).output()).contains("Virtual PCD");
        });
        row("scanimage -L", Kind.RUN, "as written", c -> shell.run(work, Map.of(), null, words(c), 60).ok());
        row("journalctl -u branch-agent -n 100", Kind.NOT_RUN, "no journald here; the agent logs to stdout, which systemd keeps", c -> { });
    }

    /** A synopsis from a table: the command's --help must work and know every option the synopsis names. */
    static void synopsis(String command) {
        row(command, Kind.SAFE_FORM, "--help of the command; every option shown exists", c -> {
            StringBuilder program = new StringBuilder();
            for (String s : ReadmeCommands.words(c)) {
                if (!s.matches("[a-z./][a-z0-9./-]*")) {
                    break;
                }
                program.append(s).append(' ');
            }
            List<String> help = words(program + "--help");
            String out = shell.run(work, Map.of(), null, help, 120).ok().output();
            Matcher m = Pattern.compile("--[a-z0-9-]+").matcher(c);
            while (m.find()) {
                assertThat(out).as(String.join(" ", help)).contains(m.group());
            }
        });
    }

    @BeforeAll
    static void setUp() throws IOException {
        work = Files.createTempDirectory("readme-commands");
        shell = new Shell(Files.createDirectories(ROOT.resolve("installer/target/readme-commands")));
        ReadmeCommands.markBuilt(ROOT);
    }

    @AfterAll
    static void tearDown() throws Exception {
        shell.close();
        if (pcscd != null) {
            Shell.kill(pcscd);
        }
        System.out.println("=== README commands ===");
        FIGURES.forEach(System.out::println);
        Files.write(ROOT.resolve("installer/target/readme-commands/figures.txt"), FIGURES, StandardCharsets.UTF_8);
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedCommandRuns() throws IOException {
        // every occurrence, in the READMEs' order: IT's steps (stop, restore, start) depend on the ones before
        List<ReadmeCommands.Command> documented = ReadmeCommands.in(ROOT);
        Map<String, Kind> distinct = new LinkedHashMap<>();
        documented.forEach(c -> distinct.put(c.text(), TABLE.containsKey(c.text()) ? TABLE.get(c.text()).kind() : null));
        Map<Kind, Integer> counts = new LinkedHashMap<>();
        distinct.values().forEach(k -> counts.merge(k == null ? Kind.NOT_RUN : k, 1, Integer::sum));
        FIGURES.add("documented commands: " + distinct.size() + " distinct (" + documented.size() + " with repeats); by how they are checked: "
                + counts);
        Stream<DynamicTest> each = documented.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            Check check = TABLE.get(c.text());
            assertThat(check).as("%s is documented but not in ReadmeCommandsTest's table: say there how it is run", c).isNotNull();
            long t0 = System.nanoTime();
            check.body().run(c.text());
            FIGURES.add(String.format("%-9s %5.1f s  %s  (%s)", check.kind(), (System.nanoTime() - t0) / 1e9, c.text(), check.how()));
        }));
        DynamicTest noStale = DynamicTest.dynamicTest("the table names only documented commands", () ->
                assertThat(distinct.keySet()).containsAll(TABLE.keySet()));
        return Stream.concat(each, Stream.of(noStale));
    }

    // ---- running documented commands

    /** The command's words with bin/ and /tmp/ resolved: the launcher of this checkout, this test's folder. */
    static List<String> words(String command) {
        return ReadmeCommands.words(inWork(command)).stream()
                .map(w -> w.startsWith("bin/") || w.startsWith("./") ? ROOT.resolve(w).normalize().toString() : w).toList();
    }

    static String inWork(String command) {
        return command.replace("/tmp/", work + "/");
    }

    static Shell.Result launcher(String command) throws Exception {
        return launcher(command, null);
    }

    static Shell.Result launcher(String command, String stdin) throws Exception {
        return shell.run(work, Map.of(), stdin, words(command), 120).ok();
    }

    /** README-IT's {@code sudo branch-agent …}: the same command through bin/branch-agent, on the test agent's database. */
    static Shell.Result itCommand(String command, String stdin) throws Exception {
        assertThat(agent).as("the test agent (started by an earlier command)").isNotNull();
        List<String> argv = new ArrayList<>(words(command.replaceFirst("^sudo branch-agent", "bin/branch-agent")));
        argv.addAll(List.of("--db", work.resolve("branch.db").toString()));
        return shell.run(work, Map.of(), stdin, argv, 120).ok();
    }

    static void startAgent(String command) throws Exception {
        if (agentPort == 0) {
            agentPort = freePort();
        }
        agent = shell.start(work, Map.of("BRANCH_AGENT_HTTP_PORT", String.valueOf(agentPort)), words(command));
        awaitHealth();
    }

    static void stopAgent() throws Exception {
        Shell.kill(agent.process());
        assertThat(agent.process().exitValue()).as("the agent stops cleanly on SIGTERM").isIn(0, 143);
    }

    static void restore() throws Exception {
        assertThat(agent.process().isAlive()).as("the agent is stopped first").isFalse();
        List<String> argv = List.of(ROOT.resolve("bin/branch-agent").toString(), "restore", "--from", lastBackup.toString(),
                "--db", work.resolve("branch.db").toString());
        assertThat(shell.run(work, Map.of(), null, argv, 120).ok().output()).contains("restored from");
    }

    /** Up: "ok" once set up, "not_set_up" on a new database. */
    static void awaitHealth() {
        awaitHealth("(ok|not_set_up)");
    }

    static void awaitHealth(String status) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(agent.process().isAlive()).as("agent running: " + agent.output()).isTrue();
            assertThat(get("http://127.0.0.1:" + agentPort + "/api/v1/health")).containsPattern("\"status\":\"" + status + "\"");
        });
    }

    static void curlHealth(String command) throws Exception {
        List<String> argv = words(command.replace("<server>", "127.0.0.1").replace(":8470", ":" + agentPort));
        assertThat(shell.run(work, Map.of(), null, argv, 30).ok().output()).contains("\"status\":\"ok\"");
    }

    /** The printed code pairs a device with the running agent. */
    static void pairWith(String printed, String name) {
        Matcher m = Pattern.compile(": (\\d{8}) \\(valid until").matcher(printed);
        assertThat(m.find()).as(printed).isTrue();
        assertThat(AgentLink.to("http://127.0.0.1:" + agentPort).pair(m.group(1), name).token()).isNotBlank();
    }

    static Process pcscd;

    /** pcscd with vsmartcard's virtual reader; started here (and stopped after) when none runs. */
    static void ensurePcscd() throws Exception {
        assertThat(Path.of("/etc/reader.conf.d/vpcd")).as("vsmartcard-vpcd installed (.ci/run)").exists();
        if (shell.run(work, Map.of(), null, List.of("pgrep", "-x", "pcscd"), 10).exit() != 0) {
            pcscd = new ProcessBuilder("pcscd", "--foreground").redirectErrorStream(true)
                    .redirectOutput(work.resolve("pcscd.log").toFile()).start();
        }
    }

    static void startCardEmulator(String command) throws Exception {
        ensurePcscd();
        cardEmulator = shell.start(work, Map.of(), words(command));
        await().atMost(Duration.ofSeconds(60)).until(() -> cardEmulator.output().contains("QR: "));
        Matcher m = Pattern.compile("QR: (.+)").matcher(cardEmulator.output());
        assertThat(m.find()).isTrue();
        cardQr = m.group(1).strip();
    }

    // ---- the demo

    static void demo() throws Exception {
        int display = 95;
        while (Files.exists(Path.of("/tmp/.X11-unix/X" + display)) || Files.exists(Path.of("/tmp/.X" + display + "-lock"))) {
            display++;
        }
        Shell.Started xvfb = shell.start(work, Map.of(), List.of("Xvfb", ":" + display, "-screen", "0", "1600x1000x24",
                "-nolisten", "tcp"));
        String disp = ":" + display;
        await().atMost(Duration.ofSeconds(20)).until(() -> xwindows(disp) != null);
        int port = freePort();
        long t0 = System.nanoTime();
        // its own session, as a terminal gives it: Ctrl+C goes to the whole foreground group
        Shell.Started demo = shell.start(ROOT, Map.of("DISPLAY", disp, "DEMO_PORT", String.valueOf(port),
                "DEMO_CITY_PORT", String.valueOf(freePort())), List.of("setsid", ROOT.resolve("demo.sh").toString()));
        try {
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                assertThat(demo.process().isAlive()).as(demo.output()).isTrue();
                assertThat(get("http://127.0.0.1:" + port + "/api/v1/health")).contains("\"status\":\"ok\"");
            });
            FIGURES.add(String.format("demo: agent answers %.1f s after ./demo.sh", (System.nanoTime() - t0) / 1e9));
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(200))
                    .until(() -> xwindows(disp).contains("Kiosk"));
            FIGURES.add(String.format("demo: kiosk window %.1f s after ./demo.sh", (System.nanoTime() - t0) / 1e9));
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(200))
                    .until(() -> xwindows(disp).contains("Counter"));
            FIGURES.add(String.format("demo: counter window %.1f s after ./demo.sh", (System.nanoTime() - t0) / 1e9));
            assertThat(demo.output()).contains("Hall screen", "Press Ctrl+C").doesNotContain(Shell.JVM_WARNING);

            long pgid = demo.process().pid(); // setsid made the script its session's and group's leader
            List<ProcessHandle> family = demo.process().descendants().toList();
            shell.run(work, Map.of(), null, List.of("kill", "-INT", "--", "-" + pgid), 10);
            await().atMost(Duration.ofSeconds(60)).until(() -> !demo.process().isAlive()
                    && family.stream().noneMatch(ProcessHandle::isAlive));
            FIGURES.add("demo: stopped by Ctrl+C, " + family.size() + " processes it started all gone");
            assertThat(shell.run(work, Map.of(), null, List.of("ps", "-s", String.valueOf(pgid), "-o", "pid=,args="), 10).output())
                    .as("processes left in the demo's session").isBlank();
        } finally {
            if (demo.process().isAlive()) {
                Shell.kill(demo.process());
            }
            Shell.kill(xvfb.process());
        }
    }

    /** The names of the top-level windows on the display, or null while it does not answer. */
    static String xwindows(String display) throws Exception {
        Process p = new ProcessBuilder("xwininfo", "-display", display, "-root", "-tree").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? out : null;
    }

    // ---- plumbing

    static String get(String url) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
