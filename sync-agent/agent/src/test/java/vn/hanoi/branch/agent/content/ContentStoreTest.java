package vn.hanoi.branch.agent.content;

import vn.hanoi.branch.files.DurableFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hanoi.branch.agent.db.Database;

class ContentStoreTest {
    @TempDir
    Path dir;

    @Test
    void storedBytesComeBackVerifiedAndTheRowPointsToAWholeFile() throws Exception {
        try (Database db = Database.open(dir.resolve("a.db"), Clock.systemUTC())) {
            ContentStore store = new ContentStore(db, dir.resolve("docs"));
            byte[] pdf = "%PDF-1.7 giấy khai sinh".getBytes(StandardCharsets.UTF_8);
            ContentStore.Item item = store.put(pdf, new ContentStore.Meta(null, "SCAN", "Tờ khai", "application/pdf", null));

            assertThat(item.sha256()).isEqualTo(DurableFiles.sha256Hex(pdf));
            assertThat(item.bytes()).isEqualTo(pdf.length);
            assertThat(store.file(item)).hasBinaryContent(pdf);
            assertThat(store.find(item.id())).contains(item);
            assertThat(store.readVerified(item)).isEqualTo(pdf);
            try (var files = Files.list(store.file(item).getParent())) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly(item.sha256() + ".pdf");
            }

            Files.write(store.file(item), "tampered".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> store.readVerified(item)).hasMessageContaining("does not match");
        }
    }

    @Test
    void sweepRemovesOldOrphansAndLeftoversButKeepsRecordedAndFreshFiles() throws Exception {
        try (Database db = Database.open(dir.resolve("b.db"), Clock.systemUTC())) {
            ContentStore store = new ContentStore(db, dir.resolve("docs"));
            ContentStore.Item kept = store.put(new byte[] {1, 2, 3}, new ContentStore.Meta(null, "SCAN", null, "image/png", null));
            Path orphan = store.dir().resolve("ab/" + "ab".repeat(32) + ".pdf");
            Path leftover = store.dir().resolve(DurableFiles.TEMP_PREFIX + "123" + DurableFiles.TEMP_SUFFIX);
            Path fresh = store.dir().resolve(DurableFiles.TEMP_PREFIX + "456" + DurableFiles.TEMP_SUFFIX);
            Files.createDirectories(orphan.getParent());
            for (Path p : new Path[] {orphan, leftover, fresh, store.file(kept)}) {
                if (!Files.exists(p)) {
                    Files.write(p, new byte[] {9});
                }
                Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
            }
            Files.setLastModifiedTime(fresh, FileTime.from(Instant.now()));

            assertThat(store.sweep(Instant.now(), Duration.ofHours(1))).isEqualTo(2);
            assertThat(orphan).doesNotExist();
            assertThat(leftover).doesNotExist();
            assertThat(fresh).exists();
            assertThat(store.readVerified(kept)).containsExactly(1, 2, 3);
        }
    }
}
