package vn.hanoi.branch.agent.dossier;

import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.files.DurableFiles;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.certify.CertifiedCopy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.agent.content.ContentStore;

/**
 * "One procedure – two results": the result document, signed by the branch as a certified electronic
 * copy (PAdES, {@link CertifiedCopy}) and kept with the dossier in the content store (kind
 * {@code CERTIFIED_COPY}), so it is backed up, uploaded to the city and swept like every other document.
 * The store writes the file whole before its row, and the dossier points to it in the same transaction.
 */
public final class CertifiedCopies {
    private static final Logger LOG = LoggerFactory.getLogger(CertifiedCopies.class);
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

    private final Database db;
    private final Effects effects;
    static final String KIND = "CERTIFIED_COPY";

    private final ContentStore store;
    private final Supplier<CertifiedCopy> signer;

    /** @param signer the branch's signer, or null when no signing certificate is configured */
    public CertifiedCopies(Database db, Effects effects, ContentStore store, Supplier<CertifiedCopy> signer) {
        this.db = db;
        this.effects = effects;
        this.store = store;
        this.signer = signer;
    }

    /** What was stored: the hash and size of the signed copy. */
    public record Stored(String sha256, long bytes) {
    }

    /** Signs the result document of a dossier whose result is ready (or already handed over) and keeps it. */
    public Stored certify(Principal staff, long dossierId, byte[] resultPdf) {
        if (signer == null) {
            throw new ApiException(503, "signing_not_configured",
                    "Chi nhánh chưa cài chứng thư số để chứng thực bản sao điện tử. Vui lòng báo bộ phận IT.",
                    "The branch has no signing certificate for certified copies. Please call IT.");
        }
        if (resultPdf.length < PDF_MAGIC.length || !java.util.Arrays.equals(resultPdf, 0, PDF_MAGIC.length, PDF_MAGIC, 0,
                PDF_MAGIC.length)) {
            throw ApiException.badRequest("not_a_pdf", "Tệp kết quả phải là PDF.", "The result file must be a PDF.");
        }
        String code = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT code, state FROM dossier WHERE id = ?")) {
                ps.setLong(1, dossierId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getString(1) == null) {
                        throw ApiException.notFound("unknown_dossier", "Không tìm thấy hồ sơ.", "No such dossier.");
                    }
                    if (!java.util.Set.of("RESULT_READY", "RETURNED", "DELIVERED").contains(rs.getString(2))) {
                        throw ApiException.conflict("no_result_yet", "Hồ sơ chưa có kết quả để chứng thực.",
                                "The dossier has no result to certify yet.");
                    }
                    return rs.getString(1);
                }
            }
        });
        byte[] signed;
        try {
            signed = signer.get().certify(resultPdf, code);
        } catch (IOException e) {
            throw ApiException.badRequest("bad_pdf", "Không đọc được tệp PDF kết quả: " + e.getMessage(),
                    "The result PDF cannot be read: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
        ContentStore.Item item = store.put(new java.io.ByteArrayInputStream(signed),
                new ContentStore.Meta(dossierId, KIND, null, "application/pdf", staff.userId()), (tx, it) -> {
                    try (PreparedStatement ps = tx.connection().prepareStatement(
                            "UPDATE dossier SET copy_sha256 = ?, copy_at = ?, updated_at = ? WHERE id = ?")) {
                        ps.setString(1, it.sha256());
                        ps.setLong(2, tx.now());
                        ps.setLong(3, tx.now());
                        ps.setLong(4, dossierId);
                        ps.executeUpdate();
                        effects.audit(tx, staff, "dossier.certified_copy", "dossier", dossierId, it.sha256());
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
        String sha = item.sha256();
        return new Stored(sha, signed.length);
    }

    /** The signed copy, checked against the hash the database holds; the read is audited. */
    public byte[] get(Principal staff, long dossierId) {
        String sha = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT copy_sha256 FROM dossier WHERE id = ?")) {
                ps.setLong(1, dossierId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getString(1) == null) {
                        throw ApiException.notFound("no_copy", "Hồ sơ chưa có bản sao điện tử.",
                                "The dossier has no certified copy.");
                    }
                    return rs.getString(1);
                }
            }
        });
        ContentStore.Item item = store.forDossier(dossierId).stream()
                .filter(it -> KIND.equals(it.kind()) && it.sha256().equals(sha)).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("certified copy of dossier " + dossierId + " is not in the store"));
        effects.personalDataRead(staff, "dossier", dossierId, "certified copy");
        return store.readVerified(item);
    }

    /**
     * Moves copies signed before they lived in the content store (files {@code <code>.pdf} in
     * {@code legacyDir}) into it, once, so they are backed up and uploaded too. The old files stay.
     */
    public int adoptLegacy(Path legacyDir) {
        if (!Files.isDirectory(legacyDir)) {
            return 0;
        }
        record Legacy(long id, String code, String sha) {
        }
        List<Legacy> waiting = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, code, copy_sha256 FROM dossier d WHERE copy_sha256 IS "
                    + "NOT NULL AND NOT EXISTS (SELECT 1 FROM content_file f WHERE f.dossier_id = d.id AND f.kind = ? "
                    + "AND f.sha256 = d.copy_sha256)")) {
                ps.setString(1, KIND);
                List<Legacy> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Legacy(rs.getLong(1), rs.getString(2), rs.getString(3)));
                    }
                }
                return out;
            }
        });
        int adopted = 0;
        for (Legacy l : waiting) {
            try {
                byte[] bytes = Files.readAllBytes(legacyDir.resolve(l.code() + ".pdf"));
                if (DurableFiles.sha256Hex(bytes).equals(l.sha())) {
                    store.put(bytes, new ContentStore.Meta(l.id(), KIND, null, "application/pdf", null));
                    adopted++;
                } else {
                    LOG.error("certified copy of dossier {} does not match its hash: left where it is", l.id());
                }
            } catch (IOException e) {
                LOG.error("certified copy of dossier {} cannot be read: {}", l.id(), e.getMessage());
            }
        }
        return adopted;
    }
}
