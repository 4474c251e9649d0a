package vn.hanoi.branch.agent.content;

import vn.hanoi.branch.files.DurableFiles;

import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.db.WriteTx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import vn.hanoi.branch.agent.health.DiskSpace;

/**
 * The branch's files for dossiers (digitized documents, certified copies), content-addressed: a file
 * lives at {@code <dir>/<first two hex digits>/<sha256>.<ext>} and a {@code content_file} row points to
 * it. The bytes are written durably before the row is inserted, so a row never points to a half file;
 * a file with no row (a crash between the two) is swept at start.
 */
public final class ContentStore {
    private final Database db;
    private final Path dir;
    private final DiskSpace space;

    public ContentStore(Database db, Path dir) {
        this(db, dir, new DiskSpace(java.util.List.of(dir), 0));
    }

    /** New files are refused (507, "disk low") while {@code space} is below its floor. */
    public ContentStore(Database db, Path dir, DiskSpace space) {
        this.db = db;
        this.dir = dir;
        this.space = space;
    }

    /** What to record with the bytes. dossierId and createdBy may be null. */
    public record Meta(Long dossierId, String kind, String documentType, String mediaType, Long createdBy) {
    }

    /** One stored file as the table holds it. */
    public record Item(long id, Long dossierId, String kind, String documentType, String mediaType, String path,
                       String sha256, long bytes, long createdAt, Long cityConfirmedAt, Long deletedAt) {
    }

    public Path dir() {
        return dir;
    }

    /**
     * Stores the bytes and inserts their row in one write transaction; {@code alsoInTx} runs inside that
     * transaction (an outbox entry, an audit record) so the row and what follows from it commit together.
     */
    public Item put(InputStream in, Meta meta, BiConsumer<WriteTx, Item> alsoInTx) {
        DurableFiles.Written w;
        String ext = extension(meta.mediaType());
        space.requireRoomFor(0);
        Path staging = dir.resolve(DurableFiles.TEMP_PREFIX + "in-" + Thread.currentThread().threadId() + "-" + System.nanoTime()
                + ".bin");
        try {
            Files.createDirectories(dir);
            w = DurableFiles.write(staging, in);
            Path target = dir.resolve(relativePath(w.sha256(), ext));
            Files.createDirectories(target.getParent());
            DurableFiles.moveIntoPlace(staging, target);
        } catch (IOException e) {
            deleteQuietly(staging); // a half file on a full disk would keep it full
            if (String.valueOf(e.getMessage()).contains("No space left")) {
                throw DiskSpace.lowSpace();
            }
            throw new UncheckedIOException(e);
        }
        String rel = relativePath(w.sha256(), ext);
        return db.write(tx -> {
            Item item;
            try (PreparedStatement ps = tx.connection().prepareStatement("""
                    INSERT INTO content_file (dossier_id, kind, document_type, media_type, path, sha256, bytes, created_at,
                                              created_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                setLong(ps, 1, meta.dossierId());
                ps.setString(2, meta.kind());
                ps.setString(3, meta.documentType());
                ps.setString(4, meta.mediaType());
                ps.setString(5, rel);
                ps.setString(6, w.sha256());
                ps.setLong(7, w.bytes());
                ps.setLong(8, tx.now());
                setLong(ps, 9, meta.createdBy());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    item = new Item(keys.getLong(1), meta.dossierId(), meta.kind(), meta.documentType(), meta.mediaType(),
                            rel, w.sha256(), w.bytes(), tx.now(), null, null);
                }
            }
            if (alsoInTx != null) {
                alsoInTx.accept(tx, item);
            }
            return item;
        });
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the sweep at the next start removes it
        }
    }

    public Item put(byte[] bytes, Meta meta) {
        return put(new java.io.ByteArrayInputStream(bytes), meta, null);
    }

    public Optional<Item> find(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(item(rs)) : Optional.empty();
                }
            }
        });
    }

    public List<Item> forDossier(long dossierId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE dossier_id = ? AND deleted_at IS NULL ORDER BY id")) {
                ps.setLong(1, dossierId);
                List<Item> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(item(rs));
                    }
                }
                return out;
            }
        });
    }

    /** The file of an item; fails when retention removed it. */
    public Path file(Item item) {
        if (item.deletedAt() != null) {
            throw new IllegalStateException("content " + item.id() + " was removed by retention");
        }
        return dir.resolve(item.path());
    }

    /** Reads the bytes back and checks them against the recorded hash. */
    public byte[] readVerified(Item item) {
        try {
            byte[] bytes = Files.readAllBytes(file(item));
            if (!DurableFiles.sha256Hex(bytes).equals(item.sha256())) {
                throw new IllegalStateException("content " + item.id() + " does not match its SHA-256");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InputStream open(Item item) throws IOException {
        return Files.newInputStream(file(item));
    }

    /**
     * Deletes files in flight left by a crash and files no row points to, when older than {@code grace}
     * (a write running right now is younger). Returns how many were removed.
     */
    public int sweep(Instant now, Duration grace) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        Set<String> known = db.read(c -> {
            Set<String> s = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT path FROM content_file WHERE deleted_at IS NULL");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    s.add(rs.getString(1));
                }
            }
            return s;
        });
        int removed = 0;
        FileTime cutoff = FileTime.from(now.minus(grace));
        try (var files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (!known.contains(rel) && Files.getLastModifiedTime(p).compareTo(cutoff) < 0) {
                    Files.deleteIfExists(p);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return removed;
    }

    static String relativePath(String sha256, String ext) {
        return sha256.substring(0, 2) + "/" + sha256 + ext;
    }

    private static String extension(String mediaType) {
        return switch (mediaType) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/tiff" -> ".tif";
            default -> ".bin";
        };
    }

    private static final String SELECT = """
            SELECT id, dossier_id, kind, document_type, media_type, path, sha256, bytes, created_at, city_confirmed_at,
                   deleted_at FROM content_file""";

    private static Item item(ResultSet rs) throws java.sql.SQLException {
        return new Item(rs.getLong(1), nullableLong(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getLong(8), rs.getLong(9), nullableLong(rs, 10), nullableLong(rs, 11));
    }

    private static Long nullableLong(ResultSet rs, int col) throws java.sql.SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws java.sql.SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setLong(i, v);
        }
    }
}
