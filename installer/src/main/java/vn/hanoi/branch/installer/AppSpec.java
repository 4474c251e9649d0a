package vn.hanoi.branch.installer;

import java.util.List;
import java.util.Map;

/**
 * One installable app: where the build left it, how it starts, and what the package says about it.
 *
 * @param id          short name used on the command line (agent, kiosk, counter)
 * @param packageName Debian package name, launcher name and install folder under /opt
 * @param module      folder of the Maven module whose target/ holds the jar and target/lib
 * @param artifactId  that module's artifact, the main jar's name
 * @param mainClass   the class the launcher starts
 * @param javaOptions JVM options baked into the launcher
 * @param summary     one line for the package description (Vietnamese – English)
 * @param depends     Debian dependencies besides what jpackage's runtime brings
 * @param recommends  Debian packages the app uses when present (card reader daemon, screen-blanking control)
 * @param tools       IT's command-line diagnostics installed beside the app's launcher (name → main class), under
 *                    the names a developer checkout has in bin/, with the app's JVM options
 */
public record AppSpec(String id, String packageName, String module, String artifactId, String mainClass, List<String> javaOptions,
                      String summary, String depends, String recommends, Map<String, String> tools) {

    // An out-of-memory JVM ends (and is restarted by systemd or the kiosk session) rather than limping on.
    private static final List<String> COMMON = List.of("--enable-native-access=ALL-UNNAMED", "-Dfile.encoding=UTF-8",
            "-Dstdout.encoding=UTF-8", "-XX:+ExitOnOutOfMemoryError");

    public static final AppSpec AGENT = new AppSpec("agent", "branch-agent", "sync-agent/agent", "sync-agent",
            "vn.hanoi.branch.agent.AgentMain",
            concat(COMMON, List.of("-Xmx512m", "-Djava.awt.headless=true",
                    "-Dbranch.agent.config=/etc/branch-agent/agent.properties")),
            "Dịch vụ chi nhánh (hàng đợi, hồ sơ, đồng bộ) – branch agent service (queue, dossiers, city sync)",
            "adduser", "", Map.of());
    public static final AppSpec KIOSK = new AppSpec("kiosk", "branch-kiosk", "kiosk-app", "kiosk-app",
            "vn.hanoi.branch.kiosk.KioskMain", concat(COMMON, List.of("-Xmx384m",
                    // lets the card reader survive a pcscd restart (see README, Card reader)
                    "--add-opens", "java.smartcardio/sun.security.smartcardio=ALL-UNNAMED")),
            "Ki-ốt lấy số thứ tự – touchscreen ticket kiosk",
            "adduser, libgtk-3-0", "pcscd, x11-xserver-utils",
            Map.of("card-tool", "vn.hanoi.branch.kiosk.card.CardTool", "printer-tool", "vn.hanoi.branch.kiosk.printer.PrinterTool"));
    public static final AppSpec COUNTER = new AppSpec("counter", "branch-counter", "counter-app", "counter-app",
            "vn.hanoi.branch.counter.CounterMain", concat(COMMON, List.of("-Xmx768m")),
            "Ứng dụng quầy tiếp nhận – counter desk app", "libgtk-3-0", "sane-utils", Map.of());

    public static final List<AppSpec> ALL = List.of(AGENT, KIOSK, COUNTER);

    /**
     * The JDK modules each app needs, ours and our libraries' (jdeps over our classes plus what Jetty,
     * Logback, Jackson, PDFBox, BouncyCastle and JavaFX load reflectively). The smoke test proves the list:
     * the installed agent answers its health check and the installed kiosk draws its first screen.
     */
    public static final List<String> RUNTIME_MODULES = List.of("java.base", "java.desktop", "java.logging",
            "java.management", "java.naming", "java.net.http", "java.prefs", "java.scripting", "java.security.jgss",
            "java.smartcardio", "java.sql", "java.xml", "java.xml.crypto", "jdk.charsets", "jdk.crypto.ec",
            "jdk.crypto.cryptoki", "jdk.jfr", "jdk.localedata", "jdk.net", "jdk.unsupported", "jdk.unsupported.desktop",
            "jdk.zipfs");

    public static AppSpec byId(String id) {
        return ALL.stream().filter(a -> a.id.equals(id) || a.packageName.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown app " + id + " (agent, kiosk, counter)"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
