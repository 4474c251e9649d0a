package vn.hanoi.branch.agent.backup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.files.DurableFiles;
import vn.hanoi.branch.agent.db.Database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Backups of the branch: the database through SQLite's online backup (the agent keeps serving) and a
 * mirror of the content store (scans and certified copies). Database copies are files
 * {@code branch-agent-<UTC time>.db}, the newest {@code keep} are kept; the content mirror is one folder
 * shared by all of them, since content files are named by their hash and never change: a backup copies
 * only the files it does not have yet. The mirror deletes a file only when the agent retired it itself
 * (retention marked its row deleted): a file that merely vanished from the live store (a slip of the hand,
 * an empty disk mounted in its place) keeps its second copy here.
 */
public final class Backups {
    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    private static final String PREFIX = "branch-agent-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path dbFile;
    private final Path contentDir;
    private final Path dir;
    private final int keep;

    public Backups(Path dbFile, Path contentDir, Path dir, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("backup.keep must be at least 1");
        }
        this.dbFile = dbFile;
        this.contentDir = contentDir;
        this.dir = dir;
        this.keep = keep;
    }

    /** One backup run: the database copy and how many content files were copied this time. */
    public record Result(Path database, long databaseBytes, int contentCopied, int contentTotal, List<Path> rotatedOut) {
    }

    public Path dir() {
        return dir;
    }

    public Path contentMirror() {
        return dir.resolve("content");
    }

    /** Takes a backup now. Safe while the agent runs (a separate connection reads a consistent snapshot). */
    public Result run(Instant now) {
        Path target = dir.resolve(PREFIX + STAMP.format(now) + ".db");
        Database.backupFile(dbFile, target);
        int[] counts = mirrorContent(retired(target));
        List<Path> removed = rotate();
        try {
            Result r = new Result(target, Files.size(target), counts[0], counts[1], removed);
            LOG.info("backup written: {} ({} bytes), content files copied {} of {}, rotated out {}", target,
                    r.databaseBytes(), r.contentCopied(), r.contentTotal(), removed.size());
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True when the backups sit on the same filesystem as the database: a disk failure or a full disk then
     * takes the branch and its second copy together.
     */
    public boolean onDataDisk() {
        try {
            return Files.getFileStore(existing(dir)).equals(Files.getFileStore(existing(dbFile.toAbsolutePath().getParent())));
        } catch (IOException e) {
            return false; // cannot tell (a disk not mounted): the backup itself will fail and say so
        }
    }

    private static Path existing(Path p) {
        Path q = p.toAbsolutePath();
        while (q != null && !Files.exists(q)) {
            q = q.getParent();
        }
        return q == null ? p.toAbsolutePath().getRoot() : q;
    }

    /** Database copies, newest first. */
    public List<Path> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(PREFIX) && n.endsWith(".db");
            }).sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** When the newest backup was taken, from its name. */
    public Optional<Instant> newest() {
        return list().stream().findFirst().map(p -> {
            String n = p.getFileName().toString();
            return java.time.LocalDateTime.parse(n.substring(PREFIX.length(), n.length() - 3),
                    DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")).toInstant(ZoneOffset.UTC);
        });
    }

    private List<Path> rotate() {
        List<Path> all = list();
        List<Path> removed = new ArrayList<>();
        for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
            try {
                Files.deleteIfExists(old);
                removed.add(old);
            } catch (IOException e) {
                LOG.warn("could not remove old backup {}: {}", old, e.getMessage());
            }
        }
        return removed;
    }

    /** Content files the agent retired itself (per the backup just taken), and no live row still uses. */
    private static Set<String> retired(Path backupDb) {
        try {
            return Database.readFile(backupDb, c -> {
                Set<String> out = new HashSet<>();
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT path FROM content_file WHERE deleted_at IS NOT "
                        + "NULL EXCEPT SELECT path FROM content_file WHERE deleted_at IS NULL")) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            });
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the backup just taken: " + e.getMessage(), e);
        }
    }

    /**
     * Copies content files missing from the mirror (checking each copy's hash against its name) and drops
     * the mirror's copies of files the agent retired (retention: backups must not keep them either).
     */
    private int[] mirrorContent(Set<String> retired) {
        if (!Files.isDirectory(contentDir)) {
            return new int[] {0, 0};
        }
        Path mirror = contentMirror();
        int copied = 0;
        Set<String> present = new HashSet<>();
        try (Stream<Path> s = Files.walk(contentDir)) {
            for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile).filter(Backups::isContentFile)::iterator) {
                String rel = contentDir.relativize(f).toString().replace('\\', '/');
                present.add(rel);
                Path copy = mirror.resolve(rel);
                if (!Files.exists(copy)) {
                    DurableFiles.Written w;
                    try (InputStream in = Files.newInputStream(f)) {
                        w = DurableFiles.write(copy, in);
                    }
                    if (!rel.contains(w.sha256())) {
                        Files.deleteIfExists(copy);
                        LOG.warn("content file {} does not match its name; not backed up", rel);
                        continue;
                    }
                    copied++;
                }
            }
            if (Files.isDirectory(mirror)) {
                try (Stream<Path> m = Files.walk(mirror)) {
                    for (Path f : (Iterable<Path>) m.filter(Files::isRegularFile)::iterator) {
                        String rel = mirror.relativize(f).toString().replace('\\', '/');
                        if (retired.contains(rel) && !present.contains(rel)) {
                            Files.deleteIfExists(f);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new int[] {copied, present.size()};
    }

    static boolean isContentFile(Path f) {
        String n = f.getFileName().toString();
        return !n.startsWith(".");
    }
}
