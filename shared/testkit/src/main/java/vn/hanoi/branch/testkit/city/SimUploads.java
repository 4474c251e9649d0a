package vn.hanoi.branch.testkit.city;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.JsonNode;
import vn.hanoi.branch.api.Json;

/**
 * The city's side of resumable document uploads: create (size and SHA-256), chunks at the acknowledged
 * offset ({@code Content-Range}; in contract 1.1 acknowledged as they arrive, see {@link #CHECKPOINT_BYTES}),
 * and completion with the hash check. Parts live under {@code <data>/uploads/}; a complete document is
 * kept by its hash.
 */
final class SimUploads {
    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

    private final SimStore store;
    private final Path dataDir;
    private final boolean fsync;
    private final Faults faults;
    /**
     * Contract 1.1: a chunk's bytes are made durable and acknowledged every {@value #CHECKPOINT_BYTES} bytes
     * and when its request is cut, so a branch may send the rest of a document in one request; as often as a
     * 1.0 city with the branch's usual 16 MiB chunks.
     */
    static final long CHECKPOINT_BYTES = 16L * 1024 * 1024;

    /** Contract 1.1 (see {@link #CHECKPOINT_BYTES}); false plays a 1.0 city, where only whole chunks count. */
    private final boolean partialChunks;
    /** The running SHA-256 of each upload (in memory only, see UploadProgress). */
    private final Map<String, UploadProgress> progress = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();

    SimUploads(SimStore store, Path dataDir, boolean fsync, boolean partialChunks, Faults faults) {
        this.store = store;
        this.dataDir = dataDir;
        this.fsync = fsync;
        this.partialChunks = partialChunks;
        this.faults = faults;
    }

    void create(Context ctx) throws Exception {
        JsonNode b = Json.mapper().readTree(ctx.body());
        String sha = b.path("sha256").asText("");
        long size = b.path("size").asLong(-1);
        if (!sha.matches("[0-9a-f]{64}") || size < 0 || !b.path("contentId").canConvertToLong()) {
            CitySimulator.error(ctx, 400, "bad_upload", "Yêu cầu tải lên không hợp lệ.", "The upload needs contentId, size and a sha256 in hex.");
            return;
        }
        SimStore.Upload u = store.createUpload(ctx.pathParam("branch"), b.path("contentId").asLong(), sha, size,
                b.path("kind").asText(null), b.path("mediaType").asText(null), b.path("dossierCode").asText(null),
                b.path("documentType").asText(null), UUID.randomUUID().toString());
        ctx.json(view(u));
    }

    void show(Context ctx) throws SQLException {
        ctx.json(view(findUpload(ctx)));
    }

    private SimStore.Upload findUpload(Context ctx) throws SQLException {
        SimStore.Upload u = store.upload(ctx.pathParam("uploadId")).orElse(null);
        if (u == null || !u.branch().equals(ctx.pathParam("branch"))) {
            throw new NotFound();
        }
        return u;
    }

    private static final class NotFound extends RuntimeException {
    }

    /** The upload in the path; null when there is none for that branch and the 404 is answered. */
    private SimStore.Upload uploadOr404(Context ctx) throws SQLException {
        try {
            return findUpload(ctx);
        } catch (NotFound e) {
            CitySimulator.error(ctx, 404, "unknown_upload", "Không có lượt tải lên này.", "No such upload.");
            return null;
        }
    }

    void putChunk(Context ctx) throws Exception {
        SimStore.Upload u = uploadOr404(ctx);
        if (u == null) {
            return;
        }
        Matcher m = RANGE.matcher(String.valueOf(ctx.header("Content-Range")));
        if (!m.matches() || Long.parseLong(m.group(3)) != u.size() || Long.parseLong(m.group(2)) < Long.parseLong(m.group(1))
                || Long.parseLong(m.group(2)) >= u.size()) {
            CitySimulator.error(ctx, 400, "bad_range", "Phạm vi byte không hợp lệ.", "Content-Range must be bytes START-END/SIZE within the document.");
            return;
        }
        long start = Long.parseLong(m.group(1));
        long end = Long.parseLong(m.group(2)) + 1;
        if (u.complete() || start != u.ackedOffset()) {
            ctx.status(409).json(view(u)); // the branch resumes from ackedOffset
            return;
        }
        UploadProgress progress = progress(u);
        long got = 0;
        try (FileChannel ch = FileChannel.open(partFile(u.uploadId()), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
             InputStream in = ctx.bodyInputStream()) {
            byte[] buf = new byte[256 * 1024];
            long t0 = System.nanoTime();
            MessageDigest md = progress.continueAt(start);
            long durable = start; // what this request has acknowledged so far
            try {
                int n;
                while (got < end - start && (n = in.read(buf, 0, (int) Math.min(buf.length, end - start - got))) > 0) {
                    ch.write(ByteBuffer.wrap(buf, 0, n), start + got);
                    if (md != null) {
                        md.update(buf, 0, n);
                    }
                    got += n;
                    received.addAndGet(n);
                    if (partialChunks && start + got - durable >= CHECKPOINT_BYTES) {
                        durable = acknowledge(u, progress, ch, durable, start + got, md, false);
                    }
                    throttle(got, t0);
                }
            } catch (IOException | RuntimeException cut) {
                if (partialChunks && start + got > durable) {
                    acknowledge(u, progress, ch, durable, start + got, md, true); // contract 1.1: a cut chunk keeps what came
                }
                throw cut;
            }
            if (got != end - start) {
                if (partialChunks && start + got > durable) {
                    acknowledge(u, progress, ch, durable, start + got, md, true);
                }
                CitySimulator.error(ctx, 400, "short_chunk", "Đoạn dữ liệu bị thiếu.", "The chunk ended before its Content-Range.");
                return;
            }
            acknowledge(u, progress, ch, durable, end, md, true);
        }
        ctx.json(view(store.upload(u.uploadId()).orElseThrow()));
    }

    /**
     * Makes this request's bytes [from, to) durable, then acknowledges them: the contract's promise that an
     * acknowledged byte survives a crash of the city. {@code requestEnds} counts the request as one chunk.
     */
    private long acknowledge(SimStore.Upload u, UploadProgress progress, FileChannel ch, long from, long to, MessageDigest md,
                             boolean requestEnds) throws IOException {
        if (fsync) {
            ch.force(false);
        }
        synchronized (progress) {
            try {
                long acked = store.upload(u.uploadId()).orElseThrow().ackedOffset();
                store.ack(u.uploadId(), progress.landed(acked, from, to, md, ch), requestEnds);
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }
        return to;
    }

    /** Bytes of chunk bodies read, over all uploads: a resumed upload sends few twice, a restarted one all. */
    long bytesReceived() {
        return received.get();
    }

    private UploadProgress progress(SimStore.Upload u) {
        return progress.computeIfAbsent(u.uploadId(), id -> new UploadProgress(u.ackedOffset()));
    }

    /** Slow uploads: sleep until the bytes read so far fit the configured rate. */
    private void throttle(long bytes, long t0) throws InterruptedException {
        int kbps = faults.slowUploadKbps;
        if (kbps > 0) {
            long dueNanos = bytes * 8_000_000L / kbps; // kbit/s: bytes*8/1000 kbit / kbps s
            long ahead = dueNanos - (System.nanoTime() - t0);
            if (ahead > 0) {
                Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
            }
        }
    }

    void complete(Context ctx) throws Exception {
        SimStore.Upload u = uploadOr404(ctx);
        if (u == null) {
            return;
        }
        if (u.complete()) {
            ctx.json(view(u));
            return;
        }
        if (u.ackedOffset() != u.size()) {
            CitySimulator.error(ctx, 409, "upload_incomplete", "Tài liệu chưa được gửi đủ.", "Not all bytes arrived yet (" + u.ackedOffset()
                    + " of " + u.size() + ").");
            return;
        }
        Path part = partFile(u.uploadId());
        UploadProgress done = progress.remove(u.uploadId());
        MessageDigest running = done == null ? null : done.digestOf(u.size());
        String actual = running != null ? HexFormat.of().formatHex(running.digest()) : sha256(part);
        if (!actual.equals(u.sha256())) {
            // Start again from zero: a corrupt part is worth nothing.
            Files.deleteIfExists(part);
            store.ack(u.uploadId(), 0, false);
            CitySimulator.error(ctx, 422, "hash_mismatch", "Mã băm SHA-256 không khớp, cần gửi lại tài liệu.",
                    "The SHA-256 does not match; send the document again.");
            return;
        }
        if (u.size() == 0 && !Files.exists(part)) {
            Files.createFile(part);
        }
        Files.move(part, finalFile(u.sha256()), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        store.complete(u.uploadId());
        ctx.json(view(store.upload(u.uploadId()).orElseThrow()));
    }

    private Map<String, Object> view(SimStore.Upload u) {
        Map<String, Object> v = new LinkedHashMap<>(Map.of("uploadId", u.uploadId(), "size", u.size(),
                "sha256", u.sha256(), "ackedOffset", u.ackedOffset(), "complete", u.complete()));
        if (partialChunks) {
            v.put("partialChunks", true); // contract 1.1; a 1.0 city does not say it, and the branch sends whole chunks
        }
        return v;
    }

    private Path partFile(String uploadId) {
        return dataDir.resolve("uploads").resolve(uploadId + ".part");
    }

    Path finalFile(String sha) {
        return dataDir.resolve("uploads").resolve(sha + ".bin");
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 20];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
