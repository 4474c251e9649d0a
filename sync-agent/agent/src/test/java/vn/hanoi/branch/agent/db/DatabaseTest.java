package vn.hanoi.branch.agent.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void fileIsDurableWalWithForeignKeysAndMigrated() {
        try (Database db = Database.open(dir.resolve("a.db"), Clock.systemUTC())) {
            db.write(tx -> {
                try (Statement st = tx.connection().createStatement()) {
                    assertThat(pragma(st, "journal_mode")).isEqualTo("wal");
                    assertThat(pragma(st, "synchronous")).isEqualTo("2"); // FULL
                    assertThat(pragma(st, "foreign_keys")).isEqualTo("1");
                    ResultSet rs = st.executeQuery("SELECT max(version) FROM flyway_schema_history");
                    rs.next();
                    assertThat(rs.getString(1)).isNotBlank();
                }
                return null;
            });
        }
    }

    @Test
    void failingUnitIsRolledBackAloneWhileItsBatchCommits() throws Exception {
        try (Database db = Database.open(dir.resolve("b.db"), Clock.systemUTC())) {
            db.write(tx -> {
                tx.connection().createStatement().execute("CREATE TABLE t (v INTEGER NOT NULL)");
                return null;
            });
            List<CompletableFuture<Object>> all = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int v = i;
                all.add(CompletableFuture.supplyAsync(() -> db.write(tx -> {
                    try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO t VALUES (?)")) {
                        ps.setInt(1, v);
                        ps.executeUpdate();
                    }
                    if (v % 10 == 0) {
                        throw new IllegalArgumentException("refused " + v);
                    }
                    return v;
                })));
            }
            int failed = 0;
            for (CompletableFuture<Object> f : all) {
                try {
                    f.join();
                } catch (Exception e) {
                    assertThat(e).hasRootCauseInstanceOf(IllegalArgumentException.class);
                    failed++;
                }
            }
            assertThat(failed).isEqualTo(20);
            int stored = db.read(c -> {
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*), sum(v % 10 = 0) FROM t");
                rs.next();
                assertThat(rs.getInt(2)).as("no refused unit left a row").isZero();
                return rs.getInt(1);
            });
            assertThat(stored).isEqualTo(180);
        }
    }

    @Test
    void afterCommitRunsOnlyForCommittedWork() {
        try (Database db = Database.open(dir.resolve("c.db"), Clock.systemUTC())) {
            List<String> seen = new ArrayList<>();
            db.write(tx -> {
                tx.afterCommit(() -> seen.add("ok"));
                return null;
            });
            assertThatThrownBy(() -> db.write(tx -> {
                tx.afterCommit(() -> seen.add("must not run"));
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(seen).containsExactly("ok");
        }
    }

    @Test
    void auditLogIsAppendOnly() {
        try (Database db = Database.open(dir.resolve("d.db"), Clock.systemUTC())) {
            db.write(tx -> {
                tx.connection().createStatement().execute(
                        "INSERT INTO audit_log (at, action) VALUES (1, 'x')");
                return null;
            });
            assertThatThrownBy(() -> db.write(tx -> tx.connection().createStatement()
                    .executeUpdate("UPDATE audit_log SET action = 'y'"))).hasMessageContaining("append-only");
            assertThatThrownBy(() -> db.write(tx -> tx.connection().createStatement()
                    .executeUpdate("DELETE FROM audit_log"))).hasMessageContaining("append-only");
        }
    }

    private static String pragma(Statement st, String name) throws java.sql.SQLException {
        ResultSet rs = st.executeQuery("PRAGMA " + name);
        rs.next();
        return rs.getString(1);
    }

    @Test
    void theShippedSchemaVersionIsTheHighestMigrationFile() throws Exception {
        // A stale constant would make the agent skip a new migration on existing databases.
        int highest;
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            highest = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max().orElseThrow();
        }
        org.assertj.core.api.Assertions.assertThat(Database.SCHEMA_VERSION).isEqualTo(highest);
    }
}
