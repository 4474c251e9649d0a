package vn.hanoi.branch.kiosk.lockdown;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kiosk session script (src/main/dist/kiosk-session.sh) run by /bin/sh with a stand-in for the
 * kiosk launcher: a crash is followed by a restart with the same options, and IT's exit (status 0)
 * ends the session.
 */
class KioskSessionScriptTest {
    private static final Path SCRIPT = Path.of("src/main/dist/kiosk-session.sh");

    @TempDir
    Path dir;

    @Test
    void restartsAfterCrashesAndStopsWhenItExits() throws Exception {
        Path runs = dir.resolve("runs");
        Path fake = dir.resolve("kiosk-app");
        // Crashes twice (status 134, like a JVM abort; then 137, a kill -9), then IT exits.
        Files.writeString(fake, """
                #!/bin/sh
                echo "$*" >> "%s"
                n=$(wc -l < "%s")
                [ "$n" -eq 1 ] && exit 134
                [ "$n" -eq 2 ] && exit 137
                exit 0
                """.formatted(runs, runs));
        assertThat(fake.toFile().setExecutable(true)).isTrue();
        ProcessBuilder pb = new ProcessBuilder("sh", SCRIPT.toString()).redirectErrorStream(true);
        pb.environment().put("KIOSK_CMD", fake.toString());
        pb.environment().put("KIOSK_STATE_DIR", dir.resolve("state").toString());
        pb.environment().put("KIOSK_ARGS", "--csca /etc/csca.pem");
        pb.environment().put("KIOSK_RETRY_SECONDS", "0");
        pb.environment().remove("DISPLAY");
        Process p = pb.start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(log).isZero();
        List<String> lines = Files.readAllLines(runs);
        assertThat(lines).hasSize(3).allMatch(l -> l.equals("--state-dir " + dir.resolve("state") + " --csca /etc/csca.pem"));
        assertThat(log).contains("ended with status 134").contains("ended with status 137").contains("IT closed the kiosk app");
    }
}
