package vn.hanoi.branch.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkout's launchers (bin/) start what the installed ones start, with the same JVM options, on a JDK 21+. */
class LauncherScriptsTest {
    static final Path ROOT = InstalledPackagesTest.ROOT;

    @TempDir
    Path dir;

    @Test
    void eachLauncherPassesTheInstalledLaunchersOptions() throws Exception {
        ReadmeCommands.markBuilt(ROOT);
        Map<String, AppSpec> launchers = Map.of("branch-agent", AppSpec.AGENT, "branch-kiosk", AppSpec.KIOSK,
                "branch-counter", AppSpec.COUNTER, "card-tool", AppSpec.KIOSK, "printer-tool", AppSpec.KIOSK);
        Shell shell = new Shell(dir);
        for (Map.Entry<String, AppSpec> e : launchers.entrySet()) {
            String line = shell.run(dir, Map.of("BRANCH_LAUNCH_PRINT", "1", "JAVA_HOME", "/nonexistent"), null,
                    List.of(ROOT.resolve("bin").resolve(e.getKey()).toString(), "--help"), 60).ok().output().strip();
            List<String> options = e.getValue().javaOptions().stream()
                    .filter(o -> !o.startsWith("-Dbranch.agent.config")) // a checkout's agent never reads /etc
                    .toList();
            assertThat(line).as(e.getKey()).contains(String.join(" ", options.subList(0, 4)));
            for (String o : options) {
                assertThat(List.of(line.split(" "))).as(e.getKey()).contains(o);
            }
            if (e.getKey().startsWith("branch-")) {
                assertThat(line).as(e.getKey()).contains(" " + e.getValue().mainClass() + " --help");
            }
            String version = shell.run(dir, Map.of(), null, List.of(line.split(" ")[0], "-version"), 30).output();
            assertThat(version).as("the JDK found").containsPattern("version \"(2[1-9]|[3-9][0-9])");
        }
        assertThat(Files.list(dir).filter(p -> p.toString().endsWith(".db")).toList()).as("no database made").isEmpty();
    }
}
