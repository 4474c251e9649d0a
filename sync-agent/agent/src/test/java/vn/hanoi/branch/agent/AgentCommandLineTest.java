package vn.hanoi.branch.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hanoi.branch.agent.db.Database;

/** The IT commands work on the database their options name, and create none anywhere else. */
class AgentCommandLineTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int run(String... args) {
        return AgentMain.execute(null, new PrintStream(out, true, StandardCharsets.UTF_8), args);
    }

    @Test
    void pairingCodeGoesIntoTheDatabaseGivenAfterTheCommand() throws Exception {
        Path db = dir.resolve("branch.db");
        Database.open(db, Clock.systemUTC()).close();

        assertThat(run("pairing-code", "--kind", "KIOSK", "--name", "Kiosk 1", "--db", db.toString())).isZero();

        String code = out.toString(StandardCharsets.UTF_8).replaceAll("(?s).*: (\\d{8}) \\(valid.*", "$1").strip();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
             var rs = c.createStatement().executeQuery("SELECT code FROM pairing_code")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(code);
        }
        assertThat(Path.of("branch-agent.db")).as("the default database in the working folder").doesNotExist();
    }

    @Test
    void commandsOnAMissingDatabaseAreRefusedAndCreateNothing() {
        Path missing = dir.resolve("typo.db");
        for (String[] command : new String[][] {{"pairing-code", "--kind", "KIOSK"}, {"backup"},
                {"import-catalog", "--file", "catalog.csv"}}) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command), java.util.stream.Stream.of("--db", missing.toString()))
                    .toArray(String[]::new);
            assertThat(AgentMain.execute(null, new PrintStream(out, true, StandardCharsets.UTF_8), args)).as(String.join(" ", args)).isEqualTo(1);
        }
        assertThat(dir).isEmptyDirectory();
        assertThat(Path.of("branch-agent.db")).doesNotExist();
    }

    @Test
    void aMissingSettingsFileIsNamed() {
        Path config = dir.resolve("agent.properties");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(run("--config", config.toString(), "backup")).isEqualTo(1);
        } finally {
            System.setErr(saved);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Không đọc được tệp cấu hình", "Cannot read the settings file",
                config.toString());
        assertThat(Files.exists(config)).isFalse();
    }
}
