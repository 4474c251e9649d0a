package vn.hanoi.branch.agent.content;

import vn.hanoi.branch.files.DurableFiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hanoi.branch.agent.db.Database;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kill -9 during saves never leaves a half file visible: a separate JVM stores documents in a loop and is
 * killed at random moments, six times. After each kill, every visible file in the store is whole (its
 * content hashes to its name), every row points to a whole file, and every document the writer reported
 * as saved is there. The next start's sweep removes what a kill left in flight.
 */
class KillDuringSaveTest {
    @TempDir
    Path dir;

    @Test
    void killDuringSaveNeverLeavesAHalfFileVisibleNorLosesASavedDocument() throws Exception {
        Path dbFile = dir.resolve("branch.db");
        Path store = dir.resolve("documents/store");
        try (Database db = Database.open(dbFile, Clock.systemUTC())) {
            // migrated once here, so the writer's start is quick
        }
        Random rnd = new Random(8);
        Map<Long, String> saved = new HashMap<>();
        for (int round = 0; round < 6; round++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                    "-cp", System.getProperty("java.class.path"), StoreWriterProcess.class.getName(), dbFile.toString(),
                    store.toString(), Integer.toString(round))
                    .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("writer.err").toFile())).start();
            List<String> lines = new ArrayList<>();
            Thread reader = Thread.ofVirtual().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String l;
                    while ((l = r.readLine()) != null) {
                        synchronized (lines) {
                            lines.add(l);
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // the process was killed
                }
            });
            // Let it save at least one document, then kill it at a random moment of the following writes.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> {
                synchronized (lines) {
                    return !lines.isEmpty() || !p.isAlive();
                }
            });
            Thread.sleep(rnd.nextInt(700));
            p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            reader.join(5000);
            synchronized (lines) {
                assertThat(lines).as("round " + round + " saved something before the kill").isNotEmpty();
                for (String l : lines) {
                    String[] parts = l.split(" ");
                    saved.put(Long.parseLong(parts[1]), parts[2]);
                }
            }
            assertWholeStore(dbFile, store, saved);
        }
        assertThat(saved.size()).isGreaterThanOrEqualTo(6);

        // The next start sweeps the leftovers of the kills (no write is running now).
        try (Database db = Database.open(dbFile, Clock.systemUTC())) {
            new ContentStore(db, store).sweep(Instant.now().plusSeconds(5), Duration.ZERO);
        }
        try (var files = Files.walk(store)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith(".")).toList()).isEmpty();
        }
        assertWholeStore(dbFile, store, saved);
    }

    private static void assertWholeStore(Path dbFile, Path store, Map<Long, String> saved) throws Exception {
        try (var files = Files.walk(store)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = f.getFileName().toString();
                if (name.startsWith(".")) {
                    continue; // in flight: never a name readers look at
                }
                String sha = name.substring(0, name.indexOf('.'));
                assertThat(DurableFiles.sha256Hex(Files.readAllBytes(f))).as("visible file " + name + " is whole").isEqualTo(sha);
            }
        }
        try (Database db = Database.open(dbFile, Clock.systemUTC())) {
            ContentStore cs = new ContentStore(db, store);
            for (Map.Entry<Long, String> e : saved.entrySet()) {
                ContentStore.Item item = cs.find(e.getKey()).orElseThrow(() -> new AssertionError("saved " + e.getKey() + " lost"));
                assertThat(item.sha256()).isEqualTo(e.getValue());
            }
            List<Long> ids = db.read(c -> {
                List<Long> out = new ArrayList<>();
                try (var rs = c.createStatement().executeQuery("SELECT id FROM content_file")) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
                return out;
            });
            for (long id : ids) {
                ContentStore.Item item = cs.find(id).orElseThrow();
                assertThat(cs.readVerified(item)).hasSize((int) item.bytes()); // throws when not whole
            }
        }
    }
}
