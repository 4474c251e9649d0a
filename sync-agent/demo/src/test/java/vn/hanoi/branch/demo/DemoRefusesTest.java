package vn.hanoi.branch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.testing.DemoBranch;

/** {@code demo} never replaces a database that holds data, nor touches the installed agent's folders. */
class DemoRefusesTest {
    @TempDir
    Path dir;

    private static String runDemo(Path db) {
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertThat(DemoMain.execute("demo", "--db", db.toString(), "--port", "0")).isEqualTo(2);
        } finally {
            System.setErr(err);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aDatabaseHoldingDataIsRefusedAndStaysByteIdentical() throws Exception {
        Path db = dir.resolve("branch.db");
        try (Database d = Database.open(db, Clock.systemUTC())) {
            d.write(tx -> {
                DemoBranch.seedBranch(tx);
                return null;
            });
        }
        Database.checkpoint(db);
        byte[] before = Files.readAllBytes(db);
        long modified = Files.getLastModifiedTime(db).toMillis();

        String out = runDemo(db);

        assertThat(out).contains("Demo từ chối", "already holds data", "never deletes or overwrites");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(db).toMillis()).isEqualTo(modified);
        assertThat(Path.of(db + "-wal")).doesNotExist();
    }

    @Test
    void theInstalledAgentsFoldersAreRefusedWithoutLookingInside() {
        for (String installed : new String[] {"/var/lib/branch-agent/branch-agent.db", "/etc/branch-agent/../branch-agent/x.db"}) {
            assertThat(runDemo(Path.of(installed))).contains("belongs to the installed agent");
        }
    }
}
