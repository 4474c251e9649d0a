package vn.hanoi.branch.agent.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No caller waits without bound: a full queue is refused at once, a write not started by its deadline is withdrawn
 * (surely not saved), and one already running when its deadline passed is reported as not known.
 */
class WriteLimitsTest {
    @TempDir
    Path dir;

    @Test
    void aFullQueueIsBusyAndAWriteNotStartedByItsDeadlineIsWithdrawnUnsaved() throws Exception {
        try (Database db = Database.open(dir.resolve("t.db"), Clock.systemUTC(), null,
                new Database.Limits(1, Duration.ofSeconds(2), Duration.ofSeconds(60)))) {
            db.write(tx -> {
                try (Statement st = tx.connection().createStatement()) {
                    st.execute("CREATE TABLE t (v TEXT)");
                }
                return null;
            });
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch running = new CountDownLatch(1);
            // the writer is held by a slow unit (as by a disk that stalls)
            CompletableFuture<Object> slow = CompletableFuture.supplyAsync(() -> db.write(tx -> {
                running.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return insert(tx, "slow");
            }));
            running.await();
            CompletableFuture<Object> queued = CompletableFuture.supplyAsync(() -> db.write(tx -> insert(tx, "queued")));
            await().atMost(Duration.ofSeconds(5)).until(() -> db.queueDepth() == 1);

            assertThatThrownBy(() -> db.write(tx -> insert(tx, "refused")))
                    .isInstanceOfSatisfying(WriteRefused.class, e -> assertThat(e.reason()).isEqualTo(WriteRefused.Reason.BUSY));
            assertThat(queued).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause().isInstanceOfSatisfying(WriteRefused.class,
                            e -> assertThat(e.reason()).isEqualTo(WriteRefused.Reason.TIMEOUT));
            // the slow one was already running: its caller is told the outcome is not known (it commits later)
            assertThat(slow).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause().isInstanceOfSatisfying(WriteRefused.class,
                            e -> assertThat(e.reason()).isEqualTo(WriteRefused.Reason.UNCERTAIN));
            release.countDown();

            db.write(tx -> insert(tx, "after"));
            String rows = db.read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT group_concat(v) FROM t")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(rows).as("the withdrawn write never ran").isEqualTo("slow,after");
            assertThat(db.stats().refusedCount(WriteRefused.Reason.BUSY)).isEqualTo(1);
            assertThat(db.stats().refusedCount(WriteRefused.Reason.TIMEOUT)).isEqualTo(1);
            assertThat(WriteRefused.Reason.BUSY.messageVi()).isNotBlank().isNotEqualTo(WriteRefused.Reason.BUSY.messageEn());
        }
    }

    private static Object insert(WriteTx tx, String v) throws java.sql.SQLException {
        try (var ps = tx.connection().prepareStatement("INSERT INTO t VALUES (?)")) {
            ps.setString(1, v);
            ps.executeUpdate();
        }
        return null;
    }
}
