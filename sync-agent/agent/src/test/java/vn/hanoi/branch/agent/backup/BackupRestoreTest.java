package vn.hanoi.branch.agent.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;
import vn.hanoi.branch.agent.Agent;
import vn.hanoi.branch.agent.testing.DemoBranch;
import vn.hanoi.branch.agent.config.AgentConfig;
import vn.hanoi.branch.agent.content.ContentStore;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.client.AgentLink;
import vn.hanoi.branch.client.KioskClient;

class BackupRestoreTest {
    @TempDir
    Path dir;

    private AgentConfig config() {
        return AgentConfig.defaults().with("db.path", dir.resolve("data/branch.db").toString())
                .with("http.host", "127.0.0.1").with("http.port", "0").with("backup.keep", "3");
    }

    private Agent startSeeded() {
        try (Database d = Database.open(config().dbPath(), Clock.systemUTC())) {
            d.write(tx -> {
                DemoBranch.seedBranch(tx);
                return null;
            });
        }
        return Agent.start(config(), Clock.systemUTC());
    }

    private static KioskClient kiosk(Agent agent) {
        String code = agent.devices().insertCodeNow(vn.hanoi.branch.agent.auth.Principal.SYSTEM, DeviceKind.KIOSK, "k",
                Duration.ofMinutes(5)).code();
        AgentLink link = AgentLink.to("http://127.0.0.1:" + agent.port());
        return link.kiosk(link.pair(code, "kiosk").token());
    }

    private static long count(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void onlineBackupWhileServingThenRestoreBringsBackThatStateAndItsFiles() throws Exception {
        Backups backups = new Backups(config().dbPath(), dir.resolve("data/documents/store"), dir.resolve("data/backups"), 3);
        Backups.Result taken;
        ContentStore.Item scan;
        try (Agent agent = startSeeded()) {
            KioskClient k = kiosk(agent);
            for (int i = 0; i < 5; i++) {
                k.issueTicket(1, UUID.randomUUID().toString());
            }
            scan = agent.content().put("%PDF-1.7 scan".getBytes(), new ContentStore.Meta(null, "SCAN", "Tờ khai",
                    "application/pdf", null));
            taken = backups.run(Instant.now());
            for (int i = 0; i < 3; i++) {
                k.issueTicket(1, UUID.randomUUID().toString()); // after the backup: a restore takes these back
            }
            assertThat(count(config().dbPath(), "SELECT count(*) FROM ticket")).isEqualTo(8);

            assertThatThrownBy(() -> Restore.run(taken.database(), config().dbPath(), agent.content().dir(),
                    backups.contentMirror(), Instant.now()))
                    .hasMessageContaining("the agent is running");
        }
        Database.checkIntegrity(taken.database());
        assertThat(count(taken.database(), "SELECT count(*) FROM ticket")).isEqualTo(5);
        assertThat(taken.contentCopied()).isEqualTo(1);
        Path storeFile = dir.resolve("data/documents/store").resolve(scan.path());
        Files.delete(storeFile); // a lost disk: the mirror has it

        Restore.Result r = Restore.run(taken.database(), config().dbPath(), dir.resolve("data/documents/store"),
                backups.contentMirror(), Instant.now());

        assertThat(r.contentRestored()).isEqualTo(1);
        assertThat(r.previousKeptAs()).exists();
        assertThat(count(r.previousKeptAs(), "SELECT count(*) FROM ticket")).isEqualTo(8);
        try (Agent agent = Agent.start(config(), Clock.systemUTC())) {
            assertThat(count(config().dbPath(), "SELECT count(*) FROM ticket")).isEqualTo(5);
            assertThat(agent.content().readVerified(agent.content().find(scan.id()).orElseThrow()))
                    .isEqualTo("%PDF-1.7 scan".getBytes());
            kiosk(agent).issueTicket(1, UUID.randomUUID().toString()); // the restored branch works on
        }
    }

    @Test
    void theMirrorKeepsItsCopyOfAFileThatVanishedAndDropsOnlyWhatTheAgentRetired() throws Exception {
        Path store = dir.resolve("data/documents/store");
        Backups backups = new Backups(config().dbPath(), store, dir.resolve("data/backups"), 3);
        ContentStore.Item kept;
        ContentStore.Item retired;
        try (Agent agent = startSeeded()) {
            kept = agent.content().put("%PDF-1.7 kept".getBytes(), new ContentStore.Meta(null, "SCAN", null,
                    "application/pdf", null));
            retired = agent.content().put("%PDF-1.7 retired".getBytes(), new ContentStore.Meta(null, "SCAN", null,
                    "application/pdf", null));
            backups.run(Instant.parse("2026-11-20T01:00:00Z"));

            Files.delete(store.resolve(kept.path())); // a slip of the hand: the only other copy is the mirror's
            agent.database().write(tx -> { // retention retires the other one (its row says so)
                try (var ps = tx.connection().prepareStatement("UPDATE content_file SET deleted_at = ? WHERE id = ?")) {
                    ps.setLong(1, tx.now());
                    ps.setLong(2, retired.id());
                    ps.executeUpdate();
                }
                return null;
            });
            Files.delete(store.resolve(retired.path()));
            backups.run(Instant.parse("2026-11-21T01:00:00Z"));
            // an empty folder mounted where the store was: nothing in the mirror goes
            try (var files = Files.walk(store)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
            Files.createDirectories(store);
            backups.run(Instant.parse("2026-11-22T01:00:00Z"));
        }
        assertThat(backups.contentMirror().resolve(kept.path())).hasBinaryContent("%PDF-1.7 kept".getBytes());
        assertThat(backups.contentMirror().resolve(retired.path())).doesNotExist();
    }

    @Test
    void aScheduledBackupIsRestoredOnTrialAndHealthWarnsWhenBackupsShareTheDataDisk() throws Exception {
        Path store = dir.resolve("data/documents/store");
        Backups backups = new Backups(config().dbPath(), store, dir.resolve("data/backups"), 3);
        try (Agent agent = startSeeded()) {
            ContentStore.Item scan = agent.content().put("%PDF-1.7 scan".getBytes(), new ContentStore.Meta(null, "SCAN",
                    null, "application/pdf", null));
            BackupSchedule schedule = new BackupSchedule(backups, Duration.ofHours(24), Clock.systemUTC());
            assertThat(schedule.runIfDue()).isPresent();
            var health = schedule.health();
            assertThat(health.testRestoreOk()).as(health.testRestore()).isTrue();
            assertThat(health.testRestore()).contains("1 content files present");
            assertThat(health.onDataDisk()).isTrue(); // the test's backups sit beside the database
            assertThat(health.warningEn()).contains("same disk");
            try (var left = Files.list(dir.resolve("data/backups"))) {
                assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".test-restore-"));
            }

            // a mirror copy gone bad: the next trial says so
            Path copy = backups.contentMirror().resolve(scan.path());
            Files.write(copy, "%PDF-1.7 scan, damaged".getBytes());
            TestRestore.Result bad = TestRestore.run(backups.list().get(0), backups.contentMirror(), Clock.systemUTC());
            assertThat(bad.ok()).isFalse();
            assertThat(bad.detail()).contains(scan.path());
        }
    }

    @Test
    void rotationKeepsTheNewestAndADamagedBackupIsRefused() throws Exception {
        Backups backups = new Backups(config().dbPath(), dir.resolve("none"), dir.resolve("data/backups"), 3);
        try (Agent agent = startSeeded()) {
            Instant t = Instant.parse("2026-11-20T01:00:00Z");
            for (int i = 0; i < 5; i++) {
                backups.run(t.plus(Duration.ofDays(i)));
            }
        }
        List<Path> left = backups.list();
        assertThat(left).extracting(p -> p.getFileName().toString())
                .containsExactly("branch-agent-20261124-010000.db", "branch-agent-20261123-010000.db",
                        "branch-agent-20261122-010000.db");
        assertThat(backups.newest()).contains(Instant.parse("2026-11-24T01:00:00Z"));

        Path damaged = dir.resolve("damaged.db");
        byte[] bytes = Files.readAllBytes(left.get(0));
        for (int i = 4096; i < bytes.length; i += 97) {
            bytes[i] ^= 0x5A;
        }
        Files.write(damaged, bytes);
        long before = Files.size(config().dbPath());
        assertThatThrownBy(() -> Restore.run(damaged, config().dbPath(), dir.resolve("none"), dir.resolve("none"),
                Instant.now())).hasMessageContaining("the backup is damaged");
        assertThat(Files.size(config().dbPath())).isEqualTo(before);
    }

    @Test
    void theScheduleTakesABackupOnlyWhenTheNewestIsOlderThanTheInterval() {
        Backups backups = new Backups(config().dbPath(), dir.resolve("none"), dir.resolve("data/backups"), 3);
        try (Agent agent = startSeeded()) {
            Instant[] now = {Instant.parse("2026-11-23T03:00:00Z")};
            Clock clock = new Clock() {
                public java.time.ZoneId getZone() {
                    return java.time.ZoneOffset.UTC;
                }

                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                public Instant instant() {
                    return now[0];
                }
            };
            BackupSchedule schedule = new BackupSchedule(backups, Duration.ofHours(24), clock);
            assertThat(schedule.runIfDue()).isPresent();
            now[0] = now[0].plus(Duration.ofHours(23));
            assertThat(schedule.runIfDue()).isEmpty();
            now[0] = now[0].plus(Duration.ofHours(2));
            assertThat(schedule.runIfDue()).isPresent();
            assertThat(backups.list()).hasSize(2);
        }
    }

    @Test
    void anUpdateBacksUpTheOldSchemaBeforeMigratingAndASecondAgentIsRefused() throws Exception {
        Path db = config().dbPath();
        Files.createDirectories(db.getParent());
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + db);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("8").load().migrate();

        try (Agent agent = Agent.start(config(), Clock.systemUTC())) {
            Path backupDir = dir.resolve("data/backups");
            List<Path> pre;
            try (var s = Files.list(backupDir)) {
                pre = s.filter(p -> p.getFileName().toString().startsWith("pre-migration-v8-")).toList();
            }
            assertThat(pre).hasSize(1);
            assertThat(count(pre.get(0), "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history")).isEqualTo(8);
            assertThat(count(db, "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history")).isGreaterThan(8);

            assertThatThrownBy(() -> Agent.start(config(), Clock.systemUTC()))
                    .hasMessageContaining("another agent is already running");
        }

        // a rollback of the program alone: the older agent refuses the newer database instead of guessing
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                    + "checksum, installed_by, execution_time, success) VALUES (1000, '999', 'future', 'SQL', 'V999__future.sql', 0, "
                    + "'test', 0, 1)");
        }
        assertThatThrownBy(() -> Agent.start(config(), Clock.systemUTC()))
                .hasMessageContaining("newer than this agent knows");
    }
}
