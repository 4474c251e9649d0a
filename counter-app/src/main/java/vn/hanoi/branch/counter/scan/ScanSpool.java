package vn.hanoi.branch.counter.scan;

import vn.hanoi.branch.files.DurableFiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import vn.hanoi.branch.scan.ScanSettings;
import vn.hanoi.branch.api.Json;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The counter's scan spool for one dossier ({@code <root>/<dossier code>/}): every page is written to
 * disk (temporary file, fsync, rename) as soon as it arrives, before the screen shows it, and the page
 * order, assignments and rotations go to {@code manifest.json} the same way after each change. A crashed
 * or closed counter app reopens the dossier's pages from here. The spool is removed only after the agent
 * confirmed every document's hash.
 */
public final class ScanSpool {
    /** One page: its file in the spool and what the clerk decided about it. */
    public record PageEntry(String file, String documentType, int quarterTurns, boolean blank, double skew) {
    }

    /** What the spool remembers besides the page images. */
    public record Manifest(long dossierId, String dossierCode, List<PageEntry> pages,
                           Map<String, ScanSettings.ColorMode> modes, Map<String, String> savedSha256) {
    }

    private static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = Json.mapper();

    private final Path dir;

    public ScanSpool(Path root, String dossierCode) {
        this.dir = root.resolve(dossierCode.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    public Path dir() {
        return dir;
    }

    /** Writes a page image durably and returns its file name. */
    public String addPage(BufferedImage page) throws IOException {
        String name = "page-" + System.currentTimeMillis() + "-" + UUID.randomUUID().toString().substring(0, 8) + ".png";
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        javax.imageio.ImageWriter w = ImageIO.getImageWritersByFormatName("png").next();
        try (var ios = new javax.imageio.stream.MemoryCacheImageOutputStream(out)) {
            w.setOutput(ios);
            javax.imageio.ImageWriteParam p = w.getDefaultWriteParam();
            // Fast deflate: half the time of the default for ~15% more bytes; the spool is short-lived.
            p.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.9f);
            w.write(null, new javax.imageio.IIOImage(page, null, null), p);
        } finally {
            w.dispose();
        }
        writeDurably(dir.resolve(name), out.toByteArray());
        return name;
    }

    /** A spooled page image. */
    public BufferedImage read(String file) throws IOException {
        BufferedImage img = ImageIO.read(dir.resolve(file).toFile());
        if (img == null) {
            throw new IOException("spooled page " + file + " is not readable");
        }
        return img;
    }

    /**
     * Writes the manifest, then deletes the page files it {@code dropped} (deleted or rescanned pages):
     * only those, since a page being spooled right now is not in the manifest yet.
     */
    public void save(Manifest m, java.util.Collection<String> dropped) throws IOException {
        writeDurably(dir.resolve(MANIFEST), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
        for (String f : dropped) {
            Files.deleteIfExists(dir.resolve(f));
        }
    }

    /**
     * What a previous run left: the manifest, plus pages spooled after its last save (the app stopped
     * between writing a page and the manifest), appended in the order they arrived.
     */
    public Optional<Manifest> load() throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Manifest m = Files.exists(dir.resolve(MANIFEST)) ? JSON.readValue(dir.resolve(MANIFEST).toFile(), Manifest.class) : null;
        List<PageEntry> pages = new ArrayList<>(m == null ? List.of() : m.pages());
        Set<String> listed = new HashSet<>();
        pages.forEach(p -> listed.add(p.file()));
        try (var files = Files.list(dir)) {
            List<Path> extra = files.filter(f -> {
                String n = f.getFileName().toString();
                return n.startsWith("page-") && n.endsWith(".png") && !listed.contains(n);
            }).sorted(Comparator.comparing(f -> f.getFileName().toString())).toList();
            for (Path f : extra) {
                pages.add(new PageEntry(f.getFileName().toString(), null, 0, false, 0));
            }
        }
        if (m == null && pages.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Manifest(m == null ? 0 : m.dossierId(), m == null ? null : m.dossierCode(), pages,
                m == null ? new LinkedHashMap<>() : m.modes(), m == null ? new LinkedHashMap<>() : m.savedSha256()));
    }

    /** Removes the spool (after the agent confirmed every document). */
    public void delete() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }

    /** Temporary file beside the target, forced to disk, renamed into place, directory forced. */
    static void writeDurably(Path target, byte[] bytes) throws IOException {
        DurableFiles.write(target, bytes);
    }
}
