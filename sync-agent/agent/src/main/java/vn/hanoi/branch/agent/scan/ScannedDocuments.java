package vn.hanoi.branch.agent.scan;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.content.ContentStore;
import vn.hanoi.branch.files.DurableFiles;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.dossier.ProcedureCatalog;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Scans;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The digitized documents of dossiers: one PDF/A-2b per checklist document, kept in the content store
 * (durable write, SHA-256 in SQLite) as kind SCAN, which queues it for upload by sync. The client sends
 * its own SHA-256 of the file; the agent stores only bytes that match it, and a retry of the same
 * document with the same hash gives the stored one again, never a second row.
 */
public final class ScannedDocuments {
    static final String KIND = "SCAN";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Database db;
    private final Effects effects;
    private final ContentStore content;

    public ScannedDocuments(Database db, Effects effects, ContentStore content) {
        this.db = db;
        this.effects = effects;
        this.content = content;
    }

    /** What {@link #store} did: the document, and whether it is new (false for a retry). */
    public record Outcome(Scans.StoredDocument document, boolean created) {
    }

    public Outcome store(Principal staff, long dossierId, String documentType, String clientSha256, byte[] pdf) {
        String sha = clientSha256 == null ? "" : clientSha256.strip().toLowerCase(java.util.Locale.ROOT);
        if (!SHA256.matcher(sha).matches()) {
            throw ApiException.badRequest("missing_hash", "Thiếu mã băm SHA-256 của tệp (tiêu đề " + Scans.SHA256_HEADER + ").",
                    "The file's SHA-256 is missing (header " + Scans.SHA256_HEADER + ").");
        }
        if (documentType == null || !TYPE.matcher(documentType).matches()) {
            throw ApiException.badRequest("bad_document_type", "Loại giấy tờ không hợp lệ.",
                    "The document type is missing or not a checklist code.");
        }
        if (!DurableFiles.sha256Hex(pdf).equals(sha)) {
            // Changed on the way (or a client bug): keep nothing, the counter sends it again.
            throw ApiException.badRequest("hash_mismatch",
                    "Tệp nhận được không khớp mã băm SHA-256 do máy quầy gửi. Chưa lưu; vui lòng lưu lại.",
                    "The file received does not match the SHA-256 the counter sent. Nothing was stored; please save again.");
        }
        requireDossierWithDocument(dossierId, documentType);
        requirePdfA(pdf);
        Optional<Scans.StoredDocument> existing = find(dossierId, documentType, sha);
        if (existing.isPresent()) {
            return new Outcome(existing.get(), false);
        }
        try {
            ContentStore.Item item = content.put(new java.io.ByteArrayInputStream(pdf),
                    new ContentStore.Meta(dossierId, KIND, documentType, "application/pdf", staff.userId()),
                    (tx, it) -> {
                        try (PreparedStatement ps = tx.connection().prepareStatement("""
                                SELECT count(*) FROM content_file WHERE dossier_id = ? AND kind = ? AND document_type = ?
                                AND sha256 = ? AND deleted_at IS NULL AND id <> ?""")) {
                            ps.setLong(1, dossierId);
                            ps.setString(2, KIND);
                            ps.setString(3, documentType);
                            ps.setString(4, sha);
                            ps.setLong(5, it.id());
                            try (ResultSet rs = ps.executeQuery()) {
                                if (rs.next() && rs.getLong(1) > 0) {
                                    throw new AlreadyStored(); // a retry raced the first upload: roll this row back
                                }
                            }
                            effects.audit(tx, staff, "dossier.scan", "dossier", dossierId, documentType + " " + sha);
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
            return new Outcome(document(item), true);
        } catch (AlreadyStored e) {
            return new Outcome(find(dossierId, documentType, sha).orElseThrow(), false);
        }
    }

    /** The documents of a dossier, oldest first. No personal data: codes, hashes and sizes. */
    public List<Scans.StoredDocument> list(long dossierId) {
        requireDossier(dossierId);
        return content.forDossier(dossierId).stream().filter(i -> KIND.equals(i.kind())).map(ScannedDocuments::document)
                .toList();
    }

    /** The PDF, checked against its hash; the read is audited (the document holds personal data). */
    public byte[] read(Principal staff, long dossierId, long documentId) {
        ContentStore.Item item = content.find(documentId)
                .filter(i -> i.dossierId() != null && i.dossierId() == dossierId && KIND.equals(i.kind()))
                .orElseThrow(() -> ApiException.notFound("unknown_document", "Không tìm thấy giấy tờ số hóa này của hồ sơ.",
                        "No such digitized document in this dossier."));
        if (item.deletedAt() != null) {
            throw new ApiException(410, "document_removed", "Giấy tờ đã được xóa theo thời hạn lưu trữ.",
                    "The document was removed under the retention rules.");
        }
        effects.personalDataRead(staff, "dossier", dossierId, "scanned document " + documentId);
        return content.readVerified(item);
    }

    private Optional<Scans.StoredDocument> find(long dossierId, String documentType, String sha) {
        return content.forDossier(dossierId).stream()
                .filter(i -> KIND.equals(i.kind()) && documentType.equals(i.documentType()) && sha.equals(i.sha256()))
                .findFirst().map(ScannedDocuments::document);
    }

    private static Scans.StoredDocument document(ContentStore.Item i) {
        return new Scans.StoredDocument(i.id(), i.dossierId(), i.documentType(), i.mediaType(), i.sha256(), i.bytes(),
                Instant.ofEpochMilli(i.createdAt()), i.cityConfirmedAt() != null);
    }

    private void requireDossier(long dossierId) {
        dossierProcedure(dossierId);
    }

    private String dossierProcedure(long dossierId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT procedure_code, code FROM dossier WHERE id = ?")) {
                ps.setLong(1, dossierId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getString(2) == null) {
                        throw ApiException.notFound("unknown_dossier", "Không tìm thấy hồ sơ.", "No such dossier.");
                    }
                    return rs.getString(1);
                }
            }
        });
    }

    private void requireDossierWithDocument(long dossierId, String documentType) {
        String procedure = dossierProcedure(dossierId);
        Optional<Dossiers.Procedure> p = db.read(c -> ProcedureCatalog.find(c, procedure));
        boolean listed = p.map(x -> x.documents().stream().anyMatch(d -> d.code().equals(documentType))).orElse(false);
        if (!listed) {
            throw ApiException.badRequest("not_in_checklist",
                    "Giấy tờ " + documentType + " không có trong danh mục giấy tờ của thủ tục này.",
                    "The document " + documentType + " is not on this procedure's checklist.");
        }
    }

    /** Only archive-grade files: a PDF that declares PDF/A in its metadata. */
    private static void requirePdfA(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDMetadata m = doc.getDocumentCatalog().getMetadata();
            String xmp = m == null ? "" : new String(m.toByteArray(), StandardCharsets.UTF_8);
            if (!xmp.contains("pdfaid:part")) {
                throw ApiException.badRequest("not_pdfa", "Tệp phải là PDF/A (định dạng lưu trữ).",
                        "The file must be a PDF/A (the archive format).");
            }
        } catch (IOException e) {
            throw ApiException.badRequest("not_a_pdf", "Tệp không phải PDF đọc được.", "The file is not a readable PDF.");
        }
    }

    private static final class AlreadyStored extends RuntimeException {
        AlreadyStored() {
            super(null, null, false, false);
        }
    }
}
