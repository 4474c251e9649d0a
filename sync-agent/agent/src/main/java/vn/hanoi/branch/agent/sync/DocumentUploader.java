package vn.hanoi.branch.agent.sync;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.agent.content.ContentStore;
import vn.hanoi.branch.agent.db.Database;

/**
 * Sends the content store's queued documents (rows not yet confirmed by the city, not removed) in id
 * order from the offset the city last acknowledged: after a kill or a cut link the upload goes on where it
 * stopped. A city that keeps partial chunks (contract 1.1) gets the rest of the document in one request:
 * waiting for an acknowledgement after every chunk idled the link for about a tenth of the upload. A 1.0
 * city gets chunks of {@code city.upload.chunk.bytes}, one at a time. The city checks the SHA-256 at the
 * end; only then is the row confirmed.
 */
final class DocumentUploader {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentUploader.class);

    private final Database db;
    private final ContentStore store;
    private final CityClient city;
    private final int chunkBytes;
    private final BandwidthCap cap;

    DocumentUploader(Database db, ContentStore store, CityClient city, int chunkBytes, BandwidthCap cap) {
        this.db = db;
        this.store = store;
        this.city = city;
        this.chunkBytes = chunkBytes;
        this.cap = cap;
    }

    private record Queued(ContentStore.Item item, String dossierCode) {
    }

    /** Uploads the oldest queued document; false when none is queued. */
    boolean uploadNext() throws IOException, InterruptedException {
        Queued q = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT f.id, d.code FROM content_file f "
                    + "LEFT JOIN dossier d ON d.id = f.dossier_id "
                    + "WHERE f.city_confirmed_at IS NULL AND f.deleted_at IS NULL ORDER BY f.id LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Queued(store.find(rs.getLong(1)).orElseThrow(), rs.getString(2)) : null;
            }
        });
        if (q == null) {
            return false;
        }
        upload(q.item(), q.dossierCode());
        return true;
    }

    private void upload(ContentStore.Item item, String dossierCode) throws IOException, InterruptedException {
        // The same content id and hash always give the same upload at the city, with its acknowledged offset:
        // asking again is how a restarted agent learns where to resume.
        CityClient.Upload u = city.createUpload(item.id(), dossierCode, item.kind(), item.documentType(), item.mediaType(),
                item.bytes(), item.sha256());
        saveState(item.id(), u.uploadId(), u.ackedOffset());
        Path file = store.file(item);
        long offset = u.ackedOffset();
        if (!u.complete()) {
            if (!java.nio.file.Files.isRegularFile(file) || java.nio.file.Files.size(file) != item.bytes()) {
                throw new IOException("content " + item.id() + " is missing or not its recorded size");
            }
            long savedAt = System.nanoTime();
            while (offset < item.bytes()) {
                long len = u.partialChunks() ? item.bytes() - offset : Math.min(chunkBytes, item.bytes() - offset);
                CityClient.Upload r = city.putChunk(u.uploadId(), file, offset, len, item.bytes(), cap);
                offset = r.ackedOffset(); // the city's word: on a 409 this is where it wants us
                // Where to resume is always asked of the city (createUpload above), so the local copy is for IT
                // only: kept fresh once a second, not with an fsync per chunk.
                if (System.nanoTime() - savedAt > 1_000_000_000L) {
                    saveState(item.id(), u.uploadId(), offset);
                    savedAt = System.nanoTime();
                }
            }
        }
        try {
            city.complete(u.uploadId());
        } catch (CityException e) {
            if (e.status() == 422) {
                // The city's bytes do not hash right: it has dropped them; start again from zero next round.
                saveState(item.id(), u.uploadId(), 0);
                LOG.warn("document {}: the city's hash check failed, sending it again", item.id());
            }
            throw e;
        }
        db.write(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE content_file SET city_confirmed_at = ? WHERE id = ? AND city_confirmed_at IS NULL");
                 PreparedStatement del = tx.connection().prepareStatement("DELETE FROM upload_state WHERE content_id = ?")) {
                ps.setLong(1, tx.now());
                ps.setLong(2, item.id());
                ps.executeUpdate();
                del.setLong(1, item.id());
                del.executeUpdate();
            }
            return null;
        });
    }

    private void saveState(long contentId, String uploadId, long acked) {
        db.write(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO upload_state (content_id, upload_id, "
                    + "acked_offset, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (content_id) DO UPDATE SET "
                    + "upload_id = excluded.upload_id, acked_offset = excluded.acked_offset, updated_at = excluded.updated_at")) {
                ps.setLong(1, contentId);
                ps.setString(2, uploadId);
                ps.setLong(3, acked);
                ps.setLong(4, tx.now());
                ps.executeUpdate();
            }
            return null;
        });
    }
}
