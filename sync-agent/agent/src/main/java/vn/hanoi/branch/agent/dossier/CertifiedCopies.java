package vn.hanoi.branch.agent.dossier;

import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.files.DurableFiles;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.certify.CertifiedCopy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.function.Supplier;

/**
 * "One procedure – two results": the result document, signed by the branch as a certified electronic
 * copy (PAdES, {@link CertifiedCopy}) and kept with the dossier. The file is written whole or not at all
 * (temporary file, fsync, rename) before the database points to it, so a crash never leaves a copy the
 * dossier claims but the disk does not hold.
 */
public final class CertifiedCopies {
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

    private final Database db;
    private final Effects effects;
    private final Path dir;
    private final Supplier<CertifiedCopy> signer;

    /** @param signer the branch's signer, or null when no signing certificate is configured */
    public CertifiedCopies(Database db, Effects effects, Path dir, Supplier<CertifiedCopy> signer) {
        this.db = db;
        this.effects = effects;
        this.dir = dir;
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
        String sha = sha256(signed);
        writeDurably(file(code), signed);
        db.write(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE dossier SET copy_sha256 = ?, copy_at = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, sha);
                ps.setLong(2, tx.now());
                ps.setLong(3, tx.now());
                ps.setLong(4, dossierId);
                ps.executeUpdate();
            }
            effects.audit(tx, staff, "dossier.certified_copy", "dossier", dossierId, sha);
            return null;
        });
        return new Stored(sha, signed.length);
    }

    /** The signed copy, checked against the hash the database holds; the read is audited. */
    public byte[] get(Principal staff, long dossierId) {
        String[] row = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT code, copy_sha256 FROM dossier WHERE id = ?")) {
                ps.setLong(1, dossierId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getString(2) == null) {
                        throw ApiException.notFound("no_copy", "Hồ sơ chưa có bản sao điện tử.",
                                "The dossier has no certified copy.");
                    }
                    return new String[] {rs.getString(1), rs.getString(2)};
                }
            }
        });
        effects.personalDataRead(staff, "dossier", dossierId, "certified copy");
        try {
            byte[] bytes = Files.readAllBytes(file(row[0]));
            if (!sha256(bytes).equals(row[1])) {
                throw new IllegalStateException("certified copy of dossier " + dossierId + " does not match its hash");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String code) {
        return dir.resolve(code + ".pdf");
    }

    private static void writeDurably(Path target, byte[] bytes) {
        try {
            DurableFiles.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        return DurableFiles.sha256Hex(bytes);
    }
}
