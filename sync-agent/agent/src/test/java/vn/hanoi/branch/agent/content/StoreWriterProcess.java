package vn.hanoi.branch.agent.content;

import vn.hanoi.branch.agent.db.Database;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;

/**
 * The far side of {@link KillDuringSaveTest}: a separate JVM that stores documents through the content
 * store in a loop (0.3–3 MB each, so a kill often lands inside a write) and prints "saved id sha" after
 * each store returned, which is the moment the counter would show the document as saved.
 * Args: database file, store directory, seed.
 * <p>It stops by itself after {@link #MAX_DOCUMENTS} documents, or as soon as nobody reads its output (the
 * test's JVM died before killing it): an orphaned writer must never fill the disk.
 */
public final class StoreWriterProcess {
    /** Far more than the test's kills need (it kills within the first few writes of each round). */
    static final int MAX_DOCUMENTS = 200;

    private StoreWriterProcess() {
    }

    public static void main(String[] args) {
        Random rnd = new Random(Long.parseLong(args[2]));
        try (Database db = Database.open(Path.of(args[0]), Clock.systemUTC())) {
            ContentStore store = new ContentStore(db, Path.of(args[1]));
            for (int n = 0; n < MAX_DOCUMENTS; n++) {
                byte[] doc = new byte[300_000 + rnd.nextInt(2_700_000)];
                rnd.nextBytes(doc);
                System.arraycopy("%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, doc, 0, 9);
                ContentStore.Item item = store.put(doc, new ContentStore.Meta(null, "SCAN", "TO_KHAI", "application/pdf", null));
                System.out.println("saved " + item.id() + " " + item.sha256());
                System.out.flush();
                if (System.out.checkError()) {
                    return; // the reading end is gone
                }
            }
        }
    }
}
