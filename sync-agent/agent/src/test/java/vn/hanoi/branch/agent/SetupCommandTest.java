package vn.hanoi.branch.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hanoi.branch.agent.config.AgentConfig;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.setup.BranchConfigStore;
import vn.hanoi.branch.agent.setup.BranchSetup;

/** IT sets a branch up from a file with {@code branch-agent setup}, and writes it back with {@code export-config}. */
class SetupCommandTest {
    static final Path EXAMPLE = Path.of("../../installer/src/deb/branch-agent/tree/usr/share/branch-agent/branch.example.yaml");

    @TempDir
    Path dir;

    private AgentConfig db(String name) {
        return AgentConfig.defaults().with("db.path", dir.resolve(name).toString());
    }

    static String run(AgentConfig config, int expectedExit, String... args) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = AgentMain.execute(config, new PrintStream(buf, true, StandardCharsets.UTF_8), args);
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(out).isEqualTo(expectedExit);
        return out;
    }

    static BranchSetup configuration(AgentConfig config) {
        try (Database d = Database.open(config.dbPath(), Clock.systemUTC())) {
            return d.read(c -> BranchConfigStore.read(c)).orElse(null);
        }
    }

    static long count(AgentConfig config, String sql) {
        try (Database d = Database.open(config.dbPath(), Clock.systemUTC())) {
            return d.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        }
    }

    @Test
    void dryRunShowsThePlanThenApplyWritesItOnceWithAnAuditRowAndAnEvent() {
        AgentConfig config = db("ward.db");
        String plan = run(config, 0, "setup", "--file", EXAMPLE.toString(), "--dry-run");
        assertThat(plan).contains("add service HT", "add service CT", "add counter 3", "dry run: nothing applied");
        assertThat(configuration(config)).isNull();

        String applied = run(config, 0, "setup", "--file", EXAMPLE.toString());
        assertThat(applied).contains("Đã áp dụng / applied");
        BranchSetup s = configuration(config);
        assertThat(s.branch().code()).isEqualTo("HN-PXA");
        assertThat(s.branch().agencyCode()).isEqualTo("PXA");
        assertThat(s.services()).extracting(BranchSetup.Service::prefix).containsExactly("A", "B", "C");
        assertThat(s.counters()).extracting(BranchSetup.Counter::services)
                .containsExactly(List.of("HT", "CT"), List.of("CT", "HT"), List.of("DN", "HT"));
        assertThat(s.hallNotices()).hasSize(2);
        assertThat(s.satisfactionTargetPercent()).isEqualTo(90);
        assertThat(count(config, "SELECT count(*) FROM audit_log WHERE action = 'branch.setup'")).isEqualTo(1);
        assertThat(count(config, "SELECT count(*) FROM queue_event WHERE type = 'config.changed'")).isEqualTo(1);

        String again = run(config, 0, "setup", "--file", EXAMPLE.toString());
        assertThat(again).contains("Không có gì thay đổi / nothing to change");
        assertThat(configuration(config)).isEqualTo(s);
        assertThat(count(config, "SELECT count(*) FROM audit_log WHERE action = 'branch.setup'")).isEqualTo(1);
        assertThat(count(config, "SELECT count(*) FROM queue_event WHERE type = 'config.changed'")).isEqualTo(1);
    }

    @Test
    void aServiceLeftOutIsDeactivatedKeepingItsIdAndARenameKeepsTheId() throws Exception {
        AgentConfig config = db("ward.db");
        run(config, 0, "setup", "--file", EXAMPLE.toString());
        long dnId = count(config, "SELECT id FROM service WHERE code = 'DN'");
        String text = Files.readString(EXAMPLE)
                .replace("nameVi: Hộ tịch\n", "nameVi: Hộ tịch – Khai sinh, khai tử\n")
                .replace("[DN, HT]", "[HT]");
        text = text.substring(0, text.indexOf("  - code: DN")) + text.substring(text.indexOf("counters:"));
        Path changed = dir.resolve("changed.yaml");
        Files.writeString(changed, text);

        String out = run(config, 0, "setup", "--file", changed.toString());
        assertThat(out).contains("change service HT: nameVi: Hộ tịch → Hộ tịch – Khai sinh, khai tử",
                "deactivate service DN", "change counter 3");
        assertThat(count(config, "SELECT id FROM service WHERE code = 'DN'")).isEqualTo(dnId);
        assertThat(count(config, "SELECT active FROM service WHERE code = 'DN'")).isZero();
        assertThat(count(config, "SELECT count(*) FROM service WHERE code = 'HT' AND id = 1")).isEqualTo(1);
        run(config, 0, "setup", "--file", changed.toString());
    }

    @Test
    void exportThenApplyOnAFreshDatabaseGivesTheSameConfiguration() throws Exception {
        AgentConfig first = db("first.db");
        run(first, 0, "setup", "--file", EXAMPLE.toString());
        // a deactivated service and counter travel too
        String text = Files.readString(EXAMPLE).replace("[DN, HT]", "[HT]");
        text = text.substring(0, text.indexOf("  - code: DN")) + text.substring(text.indexOf("counters:"));
        Path changed = dir.resolve("changed.yaml");
        Files.writeString(changed, text);
        run(first, 0, "setup", "--file", changed.toString());

        for (String name : List.of("exported.yaml", "exported.json")) {
            Path exported = dir.resolve(name);
            run(first, 0, "export-config", "--file", exported.toString());
            AgentConfig fresh = db("fresh-" + name + ".db");
            run(fresh, 0, "setup", "--file", exported.toString());
            assertThat(configuration(fresh)).as(name).isEqualTo(configuration(first));
            Path again = dir.resolve("again-" + name);
            run(fresh, 0, "export-config", "--file", again.toString());
            assertThat(Files.readString(again)).isEqualTo(Files.readString(exported));
            run(first, 0, "setup", "--file", exported.toString()).contains("nothing to change");
        }
    }

    @Test
    void exportBeforeSetupSaysTheBranchIsNotSetUp() {
        assertThat(run(db("empty.db"), 1, "export-config")).contains("Chưa thiết lập chi nhánh", "Branch not set up yet");
    }
}
